import { RELATIONSHIP_TYPES, type NodeLabel } from '../../../src/graph/graph-model';
import type { AnchorHop } from '../../../src/graph/kinds/anchor';
import { readSeedFile } from '../../../src/ingest/load/seed-file';
import { RELATIONSHIPS } from '../../../src/read/declared-relationships';

/**
 * A deleted measure stays in the graph and is listed only when asked for (docs/analysts.md), so a relationship
 * path lists only what the next plan links: it never passes a measure marked DELETED
 * (src/graph/kinds/relationship.ts). Every declared path is held to that, hop by hop:
 * - a path ending at measures leaves deleted ones out: the hop declares `unlessDeleted`, the field is
 *   `deletable` (it takes `includeDeleted`), or no deleted measure of the loaded graph is reached that way;
 * - a path going on past a measure declares `unlessDeleted` on the hop reaching it, or no deleted measure of the
 *   loaded graph (seed/graph.json, read from the documents) has relationships of both the hop reaching it and
 *   the hop leaving it.
 * The paths through SUPPORTS take the second way: no sheet supports a deleted measure, and a filter there read
 * every measure's status for nothing (bench/investigations/deleted-measure-paths.js). The day a sheet does, this
 * fails and the hop declares `unlessDeleted`.
 */
const seed = readSeedFile();
const graph = seed?.graph;

/** The label a hop reaches: its own `to`, the last one's from its relationship type. */
function reached(hop: AnchorHop): NodeLabel {
  if (hop.to !== undefined) return hop.to;
  const [type] = hop.types;
  if (type === undefined) throw new Error('a hop follows at least one relationship type');
  return hop.direction === 'out' ? RELATIONSHIP_TYPES[type].to : RELATIONSHIP_TYPES[type].from;
}

const FIELDS = Object.entries(RELATIONSHIPS).flatMap(([type, fields]) =>
  Object.entries(fields).map(([field, relationship]) => ({ field: `${type}.${field}`, relationship })),
);

/** Measures a hop reaching it arrives at (`arriving`) or a hop leaving it sets out from, by relationship. */
function measuresTouched(hop: AnchorHop, arriving: boolean): Set<string> {
  const atEnd = (hop.direction === 'out') === arriving ? 'to' : 'from';
  return new Set(
    (graph?.relationships ?? [])
      .filter((relationship) => hop.types.some((type) => type === relationship.type))
      .map((relationship) => relationship[atEnd]),
  );
}

it('finds the seed graph and its deleted measures', () => {
  expect(graph).toBeDefined();
  expect((graph?.nodes ?? []).some((node) => node.label === 'Measure' && node.properties['status'] === 'DELETED')).toBe(
    true,
  );
});

it.each(FIELDS.map(({ field, relationship }) => [field, relationship] as const))(
  '%s never passes a deleted measure',
  (_, relationship) => {
    const deleted = new Set(
      (graph?.nodes ?? [])
        .filter((node) => node.label === 'Measure' && node.properties['status'] === 'DELETED')
        .map((node) => node.id),
    );
    const hops = relationship.along ?? [];
    const passed = hops.flatMap((hop, at) => {
      if (reached(hop) !== 'Measure' || hop.unlessDeleted) return [];
      const next = hops[at + 1];
      const into = measuresTouched(hop, true);
      if (next === undefined) return relationship.keep === undefined ? [...deleted].filter((id) => into.has(id)) : [];
      const onwards = measuresTouched(next, false);
      return [...deleted].filter((id) => into.has(id) && onwards.has(id));
    });
    expect(passed).toEqual([]);
  },
);
