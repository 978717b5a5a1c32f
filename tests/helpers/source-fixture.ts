import { applyTextFixes, loadCorrections } from '../../src/ingest/corrections';
import { removeExtractionNoise } from '../../src/ingest/extraction-noise';
import { ParseError } from '../../src/ingest/parse-error';
import { SourceDocument } from '../../src/ingest/source-document';

/** Helpers for parser tests on the real documents and on mutated copies of them. */

/** A document of seed/sources/ with its extraction noise removed and its text fixes applied, as `npm run ingest` parses it. */
export function correctedSource(name: string): SourceDocument {
  const clean = removeExtractionNoise(SourceDocument.read('seed/sources', name));
  return applyTextFixes(clean, loadCorrections('seed/corrections.yaml').textFixes);
}

/** A copy of `doc` whose lines `edit` changed in place (line n is `lines[n - 1]`). */
export function mutated(doc: SourceDocument, edit: (lines: string[]) => void): SourceDocument {
  const lines = [...doc.lines];
  edit(lines);
  return new SourceDocument(doc.name, lines.join('\n'));
}

/** Replaces `find` on 1-based line `n`, failing loudly when the fixture line is not what the test expects. */
export function replaceOnLine(lines: string[], n: number, find: string, replace: string): void {
  const line = lines[n - 1];
  if (line === undefined || !line.includes(find)) throw new Error(`test fixture: line ${n} lacks ${find}`);
  lines[n - 1] = line.replace(find, replace);
}

/** The ParseError that `parse(doc)` throws (fails the test when it parses, or throws something else). */
export function parseErrorOf(parse: (doc: SourceDocument) => unknown, doc: SourceDocument): ParseError {
  try {
    parse(doc);
  } catch (error) {
    if (error instanceof ParseError) return error;
    throw error;
  }
  throw new Error('expected a ParseError, but the document parsed');
}
