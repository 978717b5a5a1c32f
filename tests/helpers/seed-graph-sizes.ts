import type { NodeLabel, RelationshipType } from '../../src/graph/graph-model';
import type { GraphSizes } from '../../src/read/graph-sizes';
import { readSeedFile } from '../../src/ingest/load/seed-file';

/**
 * The list sizes of seed/graph.json computed in plain code (no database): nodes per label and each
 * relationship type's largest fan-out per direction. Unit tests cost requests with it; an integration test
 * checks that cypher/service/list-size-statistics reads the same sizes from the loaded graph.
 */
export function seedGraphSizes(): GraphSizes & { readonly all: ReadonlyMap<string, number> } {
  const seed = readSeedFile();
  if (!seed) throw new Error('seed/graph.json is missing: run `npm run ingest`');
  const all = new Map<string, number>();
  const bump = (key: string): number => {
    const n = (all.get(key) ?? 0) + 1;
    all.set(key, n);
    return n;
  };
  for (const node of seed.graph.nodes) bump(`label:${node.label}`);
  const perNode = new Map<string, number>();
  for (const { type, from, to } of seed.graph.relationships) {
    for (const [direction, id] of [
      ['out', from],
      ['in', to],
    ] as const) {
      const key = `${direction}:${type}:${id}`;
      const n = (perNode.get(key) ?? 0) + 1;
      perNode.set(key, n);
      all.set(`${direction}:${type}`, Math.max(all.get(`${direction}:${type}`) ?? 0, n));
    }
  }
  return {
    all,
    label: (label: NodeLabel) => all.get(`label:${label}`) ?? 0,
    out: (type: RelationshipType) => all.get(`out:${type}`) ?? 0,
    in: (type: RelationshipType) => all.get(`in:${type}`) ?? 0,
  };
}
