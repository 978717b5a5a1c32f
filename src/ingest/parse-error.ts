import { formatRef, type SourceRef } from './source-document';

/**
 * A source document is not shaped as its parser expects. The message names the document, the line and
 * what was expected versus what was found, so a reader can open the file at that line and see why.
 */
export class ParseError extends Error {
  constructor(
    readonly where: SourceRef,
    readonly expected: string,
    readonly found: string,
  ) {
    super(`${formatRef(where)}: expected ${expected}, found ${describe(found)}`);
    this.name = 'ParseError';
  }
}

function describe(found: string): string {
  if (found.trim() === '') return 'an empty line';
  const shown = found.length > 80 ? `${found.slice(0, 80)}…` : found;
  return JSON.stringify(shown);
}
