import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where a record was read: the source file's name (as in seed/sources/) and its 1-based line. */
export interface SourceRef {
  readonly document: string;
  readonly line: number;
}

/** What every parser returns: the records of one document, named by the file they were read from. */
export interface ParsedDocument {
  readonly document: string;
}

/**
 * The one entry point of each document kind (`parseFinalPlan`, `parseRevisionSheets`, `parseReformSheets`,
 * `parseLinkagePlans`, exported by src/ingest/<kind>/index.ts): one document in, its records out, a
 * ParseError naming document and line when the document is not shaped as expected.
 */
export type DocumentParser<T extends ParsedDocument> = (doc: SourceDocument) => T;

/**
 * One raw document, split into lines (1-based access through `line(n)`), after the text corrections of
 * seed/corrections.yaml were applied. Parsers never read files themselves: they get one of these, so a
 * test can hand them a mutated copy.
 */
export class SourceDocument {
  readonly lines: readonly string[];

  constructor(
    readonly name: string,
    text: string,
  ) {
    // Normalise line endings only; every other byte is kept so line numbers match the file.
    this.lines = text.replace(/\r\n?/g, '\n').split('\n');
  }

  static read(directory: string, name: string): SourceDocument {
    return new SourceDocument(name, readFileSync(join(directory, name), 'utf8'));
  }

  /** The text of 1-based line `n` ('' past the end). */
  line(n: number): string {
    return this.lines[n - 1] ?? '';
  }

  ref(line: number): SourceRef {
    return { document: this.name, line };
  }
}
