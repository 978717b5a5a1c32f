import { createHash } from 'node:crypto';
import type { PlainValue } from '../../src/db/plain-values';
import type { GraphGateway } from '../../src/db/graph-gateway';
import type { GraphFile } from '../../src/graph/graph-model';

export interface GraphFingerprint {
  readonly nodes: number;
  readonly relationships: number;
  /** sha-256 of every node's labels and properties and every relationship's type, ends and properties. */
  readonly checksum: string;
}

/** JSON with object keys sorted, so the same graph always gives the same text. */
function canonical(value: PlainValue): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical(value[key] ?? null)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The whole database's fingerprint (cypher/service/graph-contents): equal before and after means unchanged. */
export async function graphFingerprint(gateway: GraphGateway): Promise<GraphFingerprint> {
  const rows = await gateway.read('service/graph-contents');
  const hash = createHash('sha256');
  let relationships = 0;
  for (const row of rows) {
    const outgoing = row.outgoing;
    if (Array.isArray(outgoing)) relationships += outgoing.length;
    hash.update(canonical({ ...row })).update('\n');
  }
  return { nodes: rows.length, relationships, checksum: hash.digest('hex') };
}

/**
 * The fingerprint of an ingested graph (seed/graph.json's content) without loading it, leaving out the
 * properties `omit` names (where a fact was read, say, to compare the graph of a document's PDF with
 * that of its text file).
 */
export function graphFileFingerprint(graph: GraphFile, omit: readonly string[] = []): GraphFingerprint {
  const without = (properties: object): PlainValue =>
    Object.fromEntries(Object.entries(properties).filter(([key]) => !omit.includes(key)));
  const hash = createHash('sha256');
  for (const node of graph.nodes)
    hash.update(canonical({ label: node.label, id: node.id, properties: without(node.properties) })).update('\n');
  for (const link of graph.relationships) {
    hash
      .update(canonical({ type: link.type, from: link.from, to: link.to, properties: without(link.properties) }))
      .update('\n');
  }
  for (const entry of [...graph.unresolved, ...graph.discrepancies])
    hash.update(canonical(without(entry))).update('\n');
  return { nodes: graph.nodes.length, relationships: graph.relationships.length, checksum: hash.digest('hex') };
}
