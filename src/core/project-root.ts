import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The repository root (the folder holding package.json). Code runs both from src/ (ts-jest) and from
 * dist/src/ (compiled), so paths to cypher/, seed/ and neo4j/ are resolved from here, not from __dirname.
 */
export const PROJECT_ROOT: string = findRoot(__dirname);

function findRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${start}`);
    dir = parent;
  }
  return dir;
}
