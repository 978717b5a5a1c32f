import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { PROJECT_ROOT } from '../core/project-root';
import { compactCypher } from './compact-cypher';
import { ComposedStatements } from './composed-statements';
import { Cypher } from './cypher';
import { parseFragment } from './cypher-fragment';
import { CYPHER_FILES, type CypherFile } from './cypher-files';

/** cypher/, where every statement the service runs lives, one per file. */
export const CYPHER_DIRECTORY = join(PROJECT_ROOT, 'cypher');

/**
 * Every Cypher statement of cypher/, keyed by its path without extension (`schema/001-constraints`,
 * `measure/sdgs-by-ids`), as it is sent: without the files' comments and indentation (compactCypher). Read
 * once at start-up; asking for a name that has no file is a programming error and fails loudly with the
 * names that do exist nearby.
 */
export class CypherRegistry {
  /** The statements composed from these files at run time, by shape (at most 500 shapes kept). */
  readonly composed = new ComposedStatements(500);
  private readonly parts = new Map<string, Cypher>();

  private constructor(private readonly statements: ReadonlyMap<CypherFile, string>) {}

  static load(directory: string = CYPHER_DIRECTORY): CypherRegistry {
    const statements = new Map<CypherFile, string>();
    for (const path of cypherFiles(directory)) {
      const name = relative(directory, path)
        .split(sep)
        .join('/')
        .replace(/\.cypher$/, '');
      // The index is what code names files by; a file it lacks could be named by no code (tsc refuses it).
      if (!isCypherFile(name))
        throw new Error(`cypher/${name}.cypher is not in src/db/cypher-files.ts: run npm run cypher:index`);
      statements.set(name, compactCypher(readFileSync(path, 'utf8')));
    }
    return new CypherRegistry(statements);
  }

  get(name: CypherFile): string {
    const text = this.statements.get(name);
    if (text === undefined) {
      const folder = name.split('/')[0] ?? '';
      const near = this.names().filter((n) => n.startsWith(folder));
      throw new Error(`no Cypher file cypher/${name}.cypher (files in that folder: ${near.join(', ') || 'none'})`);
    }
    return text;
  }

  /**
   * A file as a part of a composed statement (src/db/cypher-fragment.ts), with `variables` it declares as
   * slots and each `{{fragments/…}}` it includes in parentheses; parsed once per file and declaration.
   */
  part(name: CypherFile, variables: readonly string[] = []): Cypher {
    const key = [name, ...variables].join(' ');
    let part = this.parts.get(key);
    if (part === undefined) {
      const included = (slot: { kind: string; name: string }): Cypher | undefined =>
        slot.kind === 'hole' && slot.name.startsWith('fragments/')
          ? Cypher.of(['(', this.part(knownFile(slot.name, name)), ')'])
          : undefined;
      part = parseFragment(name, this.get(name), variables).bind(included);
      this.parts.set(key, part);
    }
    return part;
  }

  /** Names under a folder, sorted (e.g. every `schema/` statement, applied in name order). */
  namesUnder(folder: string): CypherFile[] {
    return this.names().filter((n) => n.startsWith(`${folder}/`));
  }

  names(): CypherFile[] {
    return [...this.statements.keys()].sort();
  }
}

const INDEXED: ReadonlySet<string> = new Set(CYPHER_FILES);

/** Whether `name` is a file of the typed index (a name read from a file, not written in code). */
export function isCypherFile(name: string): name is CypherFile {
  return INDEXED.has(name);
}

/** A `{{fragments/…}}` inclusion of the file `includer` as the file it names; one with no file fails at once. */
function knownFile(name: string, includer: string): CypherFile {
  if (!isCypherFile(name))
    throw new Error(`cypher/${includer}.cypher includes {{${name}}}, which is no file of cypher/`);
  return name;
}

function cypherFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((entry) => {
    const path = join(directory, entry);
    if (statSync(path).isDirectory()) return cypherFiles(path);
    return entry.endsWith('.cypher') ? [path] : [];
  });
}

/** What a compiler composing statements reads of the registry: files as text or as parts, and the shapes kept. */
export type CypherSource = Pick<CypherRegistry, 'get' | 'part' | 'composed'>;
