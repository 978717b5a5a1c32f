import { correctedSource, mutated, parseErrorOf as parseErrorOfAny, replaceOnLine } from '../../helpers/source-fixture';
import type { ParseError } from '../../../src/ingest/parse-error';
import {
  parseRevisionSheets,
  type PolicyItemRecord,
  type RevisionSheetDocument,
} from '../../../src/ingest/revision-sheet';
import type { SourceDocument } from '../../../src/ingest/source-document';

/** Shared by the revision-sheet tests: the real documents 000 (field 5) and 002 (field 6). */
export const FIELD_5_SHEETS = '000_c612850dd0d0a3ba.txt';
export const FIELD_6_SHEETS = '002_5efac60f894371f5.txt';

/** The document with its text fixes applied, as `npm run ingest` parses it. */
export function correctedSheets(name: string): SourceDocument {
  return correctedSource(name);
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

/** The ParseError that parsing `doc` throws (see tests/helpers/source-fixture.ts). */
export function parseErrorOf(doc: SourceDocument): ParseError {
  return parseErrorOfAny(parseRevisionSheets, doc);
}

export { mutated, replaceOnLine };
