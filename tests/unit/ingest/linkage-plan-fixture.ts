import { correctedSource, mutated, parseErrorOf as parseErrorOfAny, replaceOnLine } from '../../helpers/source-fixture';
import { parseLinkagePlans } from '../../../src/ingest/linkage-plan';
import type { ParseError } from '../../../src/ingest/parse-error';
import { SourceDocument } from '../../../src/ingest/source-document';

/** Shared by the linkage-plan tests: the real document 004, raw and as ingestion sees it. */
export const LINKAGE_PLANS = '004_c772f55bb03f2e1d.txt';

/** The raw file, without the corrections of seed/corrections.yaml. */
export function rawLinkagePlans(): SourceDocument {
  return SourceDocument.read('seed/sources', LINKAGE_PLANS);
}

/** The document with its text fixes applied, as `npm run ingest` parses it. */
export function correctedLinkagePlans(): SourceDocument {
  return correctedSource(LINKAGE_PLANS);
}

/** The ParseError that parsing `doc` throws (see tests/helpers/source-fixture.ts). */
export function parseErrorOf(doc: SourceDocument): ParseError {
  return parseErrorOfAny(parseLinkagePlans, doc);
}

export { mutated, replaceOnLine };
