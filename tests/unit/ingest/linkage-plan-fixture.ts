import { applyTextFixes, loadCorrections } from '../../../src/ingest/corrections';
import { parseLinkagePlans } from '../../../src/ingest/linkage-plan';
import { ParseError } from '../../../src/ingest/parse-error';
import { SourceDocument } from '../../../src/ingest/source-document';

/** Shared by the linkage-plan tests: the real document 004, raw and as ingestion sees it. */
export const LINKAGE_PLANS = '004_c772f55bb03f2e1d.txt';

/** The raw file, without the corrections of seed/corrections.yaml. */
export function rawLinkagePlans(): SourceDocument {
  return SourceDocument.read('seed/sources', LINKAGE_PLANS);
}

/** The document with its text fixes applied, as `npm run ingest` parses it. */
export function correctedLinkagePlans(): SourceDocument {
  return applyTextFixes(rawLinkagePlans(), loadCorrections('seed/corrections.yaml').textFixes);
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

/** The ParseError that parsing `doc` throws (fails the test when it parses, or throws something else). */
export function parseErrorOf(doc: SourceDocument): ParseError {
  try {
    parseLinkagePlans(doc);
  } catch (error) {
    if (error instanceof ParseError) return error;
    throw error;
  }
  throw new Error('expected a ParseError, but the document parsed');
}
