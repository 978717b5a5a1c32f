import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { PROJECT_ROOT } from '../core/project-root';
import { compactCypher } from './compact-cypher';

/** cypher/, where every statement the service runs lives, one per file. */
export const CYPHER_DIRECTORY = join(PROJECT_ROOT, 'cypher');

/**
 * Every Cypher statement of cypher/, keyed by its path without extension (`schema/001-constraints`,
 * `measure/sdgs-by-ids`), as it is sent: without the files' comments and indentation (compactCypher). Read
 * once at start-up; asking for a name that has no file is a programming error and fails loudly with the
 * names that do exist nearby.
 */
export class CypherRegistry {
  private constructor(private readonly statements: ReadonlyMap<string, string>) {}

  static load(directory: string = CYPHER_DIRECTORY): CypherRegistry {
    const statements = new Map<string, string>();
    for (const path of cypherFiles(directory)) {
      const name = relative(directory, path)
        .split(sep)
        .join('/')
        .replace(/\.cypher$/, '');
      statements.set(name, compactCypher(readFileSync(path, 'utf8')));
    }
    return new CypherRegistry(statements);
  }

  get(name: string): string {
    const text = this.statements.get(name);
    if (text === undefined) {
      const folder = name.split('/')[0] ?? '';
      const near = this.names().filter((n) => n.startsWith(folder));
      throw new Error(`no Cypher file cypher/${name}.cypher (files in that folder: ${near.join(', ') || 'none'})`);
    }
    return text;
  }

  /** Names under a folder, sorted (e.g. every `schema/` statement, applied in name order). */
  namesUnder(folder: string): string[] {
    return this.names().filter((n) => n.startsWith(`${folder}/`));
  }

  names(): string[] {
    return [...this.statements.keys()].sort();
  }
}

function cypherFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((entry) => {
    const path = join(directory, entry);
    if (statSync(path).isDirectory()) return cypherFiles(path);
    return entry.endsWith('.cypher') ? [path] : [];
  });
}
