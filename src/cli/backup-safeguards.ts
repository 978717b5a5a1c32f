import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Config } from '../core/config';
import type { GraphGateway } from '../db/graph-gateway';
import { readSeedFile, type SeedFile } from '../ingest/load/seed-file';

/**
 * Why an export was not written: the database asked is not the service's, so its backup would be empty or
 * short while the command looks successful. A scheduled backup must fail loudly instead (docs/operators.md
 * "Runbook: schedule and check backups").
 */
export class ExportRefusal extends Error {}

/**
 * Before anything starts: with no NEO4J_URI, the records are in the embedded data directory; one that does
 * not exist holds none, and starting a fresh database there would export nothing (a command run without the
 * service's settings, such as cron's empty environment, lands here).
 */
export function refuseMissingDataDirectory(config: Config): void {
  if (config.neo4j !== undefined || existsSync(config.embedded.dataDirectory)) return;
  throw new ExportRefusal(
    `no embedded database at ${config.embedded.dataDirectory} (EMBEDDED_NEO4J_DATA) and no NEO4J_URI: ` +
      "this command did not get the service's settings; give it the service's environment file " +
      '(node --env-file=FILE …)',
  );
}

/**
 * The database must hold the graph of this checkout's seed/graph.json, as the service makes it at start-up;
 * a database with no graph or another seed's is not the one the service serves.
 */
export async function refuseForeignDatabase(
  gateway: GraphGateway,
  where: string,
  seed: SeedFile | undefined = readSeedFile(),
): Promise<void> {
  const [info] = await gateway.read('load/read-seed-info');
  const nodes = Number(info?.nodes ?? 0);
  const hash = typeof info?.hash === 'string' ? info.hash : undefined;
  if (nodes === 0 || hash === undefined) {
    throw new ExportRefusal(`${where} holds no graph: it is not the service's database (is NEO4J_URI set?)`);
  }
  if (seed !== undefined && hash !== seed.hash) {
    throw new ExportRefusal(
      `${where} holds the graph of seed ${hash.slice(0, 12)}, this service's seed/graph.json is ` +
        `${seed.hash.slice(0, 12)}: it is not this service's database`,
    );
  }
}

/**
 * Records and audit entries are only ever added (a retraction is a record too), so an export has at least
 * the lines of every earlier one from the same database. An export shorter than the newest `.jsonl` beside
 * it comes from another database, such as a scratch one holding the seed and no records.
 */
export function refuseShrinkingBackup(file: string, exported: string): void {
  const folder = dirname(file);
  const earlier = readdirSync(folder)
    .filter((name) => name.endsWith('.jsonl') && name !== basename(file))
    .map((name) => join(folder, name))
    .filter((path) => statSync(path).isFile())
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  if (earlier === undefined) return;
  const before = linesOf(readFileSync(earlier, 'utf8'));
  const now = linesOf(exported);
  if (now < before) {
    throw new ExportRefusal(
      `this database has ${now} record lines, the newest backup beside it, ${earlier}, has ${before}; ` +
        "records are never removed, so this is not the service's database",
    );
  }
}

function linesOf(text: string): number {
  return text.split('\n').length - 1;
}
