import { applyTextFixes, loadCorrections } from '../../../src/ingest/corrections';
import { ParseError } from '../../../src/ingest/parse-error';
import {
  parseRevisionSheets,
  type PolicyItemRecord,
  type RevisionSheetDocument,
} from '../../../src/ingest/revision-sheet';
import { SourceDocument } from '../../../src/ingest/source-document';

/** Shared by the revision-sheet tests: the real documents 000 (field 5) and 002 (field 6). */
export const FIELD_5_SHEETS = '000_c612850dd0d0a3ba.txt';
export const FIELD_6_SHEETS = '002_5efac60f894371f5.txt';

/** The document with its text fixes applied, as `npm run ingest` parses it. */
export function correctedSheets(name: string): SourceDocument {
  return applyTextFixes(SourceDocument.read('seed/sources', name), loadCorrections('seed/corrections.yaml').textFixes);
}

let parsed: Map<string, RevisionSheetDocument> | null = null;

/** Both documents parsed once per test file. */
export function sheets(name: string): RevisionSheetDocument {
  parsed ??= new Map(
    [FIELD_5_SHEETS, FIELD_6_SHEETS].map((file) => [file, parseRevisionSheets(correctedSheets(file))]),
  );
  const document = parsed.get(name);
  if (!document) throw new Error(`test fixture: no document ${name}`);
  return document;
}

/** The policy item `code` (`5-1`) of whichever document holds it. */
export function policyItem(code: string): PolicyItemRecord {
  const document = sheets(code.startsWith('5-') ? FIELD_5_SHEETS : FIELD_6_SHEETS);
  const item = document.policyItems.find((candidate) => candidate.code === code);
  if (!item) throw new Error(`test fixture: no policy item ${code}`);
  return item;
}

export function allPolicyItems(): PolicyItemRecord[] {
  return [...sheets(FIELD_5_SHEETS).policyItems, ...sheets(FIELD_6_SHEETS).policyItems];
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
    parseRevisionSheets(doc);
  } catch (error) {
    if (error instanceof ParseError) return error;
    throw error;
  }
  throw new Error('expected a ParseError, but the document parsed');
}
