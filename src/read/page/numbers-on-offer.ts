import { markdownTable, withTableUnder } from '../../core/markdown-table';
import { guideNameOf } from '../../graph/kinds/properties-docs';
import type { PageSpec } from './page-spec';

/**
 * The analysts' table of the numbers each connection's `aggregate` offers (docs/analysts.md, under "## Numbers,
 * nested pages and all-of filters"), made from the page specs' aggregates: the declared numbers and the
 * computed figures alike, so a figure added to a spec is listed without editing the guide. `npm run
 * docs:properties` writes it; tests/unit/docs/declared-properties-table.test.ts fails while it is stale.
 */
export const NUMBERS_ON_OFFER_HEADING = '## Numbers, nested pages and all-of filters';

const HEADER = ['Connection of', 'Numbers'];

/** A connection's figures besides `count`, in the spec's order; one of a fiscal year with its argument. */
function numbersOf(spec: PageSpec): string {
  return Object.entries(spec.aggregates)
    .map(([field, { byFiscalYear }]) => (byFiscalYear === true ? `\`${field}(fiscalYear:)\`` : `\`${field}\``))
    .join(', ');
}

/** One row per connection, by the guide's name of its nodes, then the `count` that every other type has. */
export function numbersOnOfferRows(specs: readonly PageSpec[]): string[][] {
  return [...specs.map((spec) => [guideNameOf(spec.label), numbersOf(spec)]), ['any other type', '`count`']];
}

/** The guide with the table of the numbers on offer as the page specs make it. */
export function guideWithNumbersOnOffer(guide: string, specs: readonly PageSpec[]): string {
  return withTableUnder(guide, NUMBERS_ON_OFFER_HEADING, markdownTable(HEADER, numbersOnOfferRows(specs)));
}
