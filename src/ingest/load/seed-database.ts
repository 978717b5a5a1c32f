import { join } from 'node:path';
import { applySchema } from '../../db/apply-schema';
import type { CypherRegistry } from '../../db/cypher-registry';
import type { GraphGateway } from '../../db/graph-gateway';
import { RowReader } from '../../db/row-reader';
import { PROJECT_ROOT } from '../../core/project-root';
import { withProgress } from '../../core/progress-while-running';
import { loadCorrections } from '../corrections';
import { loadGraph, type LoadResult, type WhenAlreadyLoaded } from './graph-loader';
import { validateGraph } from './graph-validation';
import type { SeedFile } from './seed-file';
import { formatSummary } from './seed-summary';

/**
 * Validates the seed graph (nothing is touched when it is invalid), applies the schema, loads the graph in
 * one transaction and prints a summary: nodes and relationships per type, unresolved references,
 * discrepancies between documents, and the corrections the graph was built with. `log` gets the steps and a
 * one-line summary; `details` the load's line per label and type, and the report's table and lists (the same
 * `log` unless the caller, such as the service's start-up, keeps them for a closer look: a data maintainer's
 * business, not a terminal's). A load that takes long says it is still running.
 */
export async function seedDatabase(
  gateway: GraphGateway,
  cypher: CypherRegistry,
  seed: SeedFile,
  log: (line: string) => void,
  whenAlreadyLoaded: WhenAlreadyLoaded = 'reload',
  details: (line: string) => void = log,
): Promise<LoadResult> {
  log(`validating seed graph (${seed.graph.nodes.length} nodes, ${seed.graph.relationships.length} relationships)…`);
  validateGraph(seed.graph);
  await applySchema(gateway, cypher);
  log('loading (one transaction; another instance loading waits for it)…');
  const started = Date.now();
  const result = await withProgress(
    loadGraph(gateway, seed.graph, seed.hash, details, whenAlreadyLoaded),
    log,
    'loading the seed graph',
  );
  if (!result.loaded) {
    const waited = ((Date.now() - started) / 1000).toFixed(1);
    log(`another instance loaded seed ${seed.hash.slice(0, 12)} while this one waited ${waited} s: nothing to load`);
    return result;
  }
  await gateway.write('load/refresh-statistics');
  const counts = await gateway.read('load/count-by-label');
  const corrections = loadCorrections(join(PROJECT_ROOT, 'seed', 'corrections.yaml'));
  log(
    `loaded in ${((Date.now() - started) / 1000).toFixed(1)} s: ${result.nodesWritten} nodes, ` +
      `${result.relationshipsWritten} relationships; ${seed.graph.unresolved.length} unresolved references, ` +
      `${seed.graph.discrepancies.length} discrepancies (listed by \`npm run seed\`)`,
  );
  for (const line of formatSummary({ result, counts, graph: seed.graph, corrections })) details(line);
  for (const orphan of (await gateway.read('records/orphans')).map((row) => new RowReader(row))) {
    details(
      `kept ${orphan.number('records')} recorded revision(s) of ${orphan.string('subject')}, which the documents no longer have`,
    );
  }
  return result;
}
