import type { CypherFile } from '../../db/cypher-files';
import type { GraphGateway, TransactionRunner } from '../../db/graph-gateway';
import { RELATIONSHIP_TYPES, type GraphFile, type GraphRelationship } from '../../graph/graph-model';

/** How many rows one UNWIND statement carries: large enough to be few round trips, small enough to stay light. */
const BATCH_SIZE = 500;

export interface LoadResult {
  /**
   * False when another instance loaded this very seed while this one waited for the load's lock: nothing was
   * written, and the counts below are 0.
   */
  readonly loaded: boolean;
  readonly nodesWritten: number;
  readonly relationshipsWritten: number;
  readonly nodesDeleted: number;
  readonly relationshipsDeleted: number;
}

/** Whether a load goes ahead when the database already holds the seed once its lock is granted. */
export type WhenAlreadyLoaded = 'skip' | 'reload';

/**
 * Writes a validated graph in ONE write transaction: take the load's lock (load/claim-seed-load), MERGE every
 * node and relationship on its id, then delete what the new seed no longer has, then record the seed's hash.
 * Readers, on this instance and on every other, see the previous graph until the commit and the new one after;
 * a failure midway rolls everything back. Running it twice with the same graph leaves the same nodes (same
 * element ids) and the same counts.
 *
 * Instances that start on a new seed at once queue on the lock; with `skip`, one that finds on getting it
 * that another loaded this seed meanwhile writes nothing (start-up's rule). `npm run seed` reloads anyway.
 */
export async function loadGraph(
  gateway: GraphGateway,
  graph: GraphFile,
  hash: string,
  progress: (line: string) => void,
  whenAlreadyLoaded: WhenAlreadyLoaded = 'reload',
): Promise<LoadResult> {
  return gateway.writeTransaction(async (tx) => {
    const [claim] = await tx.run('load/claim-seed-load', { startedAt: new Date().toISOString() });
    if (whenAlreadyLoaded === 'skip' && claim?.hash === hash) {
      return { loaded: false, nodesWritten: 0, relationshipsWritten: 0, nodesDeleted: 0, relationshipsDeleted: 0 };
    }
    let nodesWritten = 0;
    for (const [label, nodes] of groupBy(graph.nodes, (n) => n.label)) {
      nodesWritten += await inBatches(tx, 'load/merge-nodes', nodes, (rows) => ({
        label,
        rows: rows.map((n) => ({ id: n.id, properties: { ...n.properties, id: n.id } })),
      }));
      progress(`  nodes ${label}: ${nodes.length}`);
    }
    let relationshipsWritten = 0;
    for (const [type, relationships] of groupBy(graph.relationships, (r) => r.type)) {
      const ends = RELATIONSHIP_TYPES[type];
      relationshipsWritten += await inBatches(tx, 'load/merge-relationships', relationships, (rows) => ({
        type,
        fromLabel: ends.from,
        toLabel: ends.to,
        rows: rows.map((r) => ({ from: r.from, to: r.to, properties: r.properties })),
      }));
      progress(`  relationships ${type}: ${relationships.length}`);
    }
    const [relRow] = await tx.run('load/delete-stale-relationships', {
      keys: graph.relationships.map(relationshipKey),
    });
    const [nodeRow] = await tx.run('load/delete-stale-nodes', { ids: graph.nodes.map((n) => n.id) });
    // Records (results, evaluations) and the audit trail are not document nodes: the deletes above never
    // match them; a subject that is back gets its records linked again.
    await tx.run('load/relink-records');
    await tx.run('load/write-seed-info', { hash, loadedAt: new Date().toISOString() });
    return {
      loaded: true,
      nodesWritten,
      relationshipsWritten,
      nodesDeleted: Number(nodeRow?.deleted ?? 0),
      relationshipsDeleted: Number(relRow?.deleted ?? 0),
    };
  });
}

export function relationshipKey(r: GraphRelationship): string {
  return `${r.type}|${r.from}|${r.to}`;
}

async function inBatches<T>(
  tx: TransactionRunner,
  statement: CypherFile,
  items: readonly T[],
  params: (batch: readonly T[]) => Record<string, unknown>,
): Promise<number> {
  let written = 0;
  for (let start = 0; start < items.length; start += BATCH_SIZE) {
    const [row] = await tx.run(statement, params(items.slice(start, start + BATCH_SIZE)));
    written += Number(row?.written ?? 0);
  }
  return written;
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
