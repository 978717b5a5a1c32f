import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GraphFile } from '../../graph/graph-model';
import { PROJECT_ROOT } from '../../core/project-root';

/** The committed, generated graph (`npm run ingest` writes it). */
export const SEED_GRAPH_PATH = join(PROJECT_ROOT, 'seed', 'graph.json');

export interface SeedFile {
  readonly graph: GraphFile;
  /** sha-256 of the file's bytes: the database remembers it to know whether it holds this seed. */
  readonly hash: string;
}

/** Reads seed/graph.json; undefined when it does not exist yet. The shape is checked by validateGraph. */
export function readSeedFile(path: string = SEED_GRAPH_PATH): SeedFile | undefined {
  if (!existsSync(path)) return undefined;
  const bytes = readFileSync(path);
  let graph: GraphFile;
  try {
    graph = JSON.parse(bytes.toString('utf8')) as GraphFile;
  } catch (error) {
    throw new Error(`${path}: not valid JSON (${(error as Error).message}); run \`npm run ingest\` to regenerate it`);
  }
  return { graph, hash: createHash('sha256').update(bytes).digest('hex') };
}
