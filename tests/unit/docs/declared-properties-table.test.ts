import { join } from 'node:path';
import { DECLARED_PROPERTIES } from '../../../src/graph/kinds/declared-properties';
import { declaredSectionOf, declaredTableRows, GUIDE_NAMES } from '../../../src/graph/kinds/properties-docs';
import type { NodeLabel } from '../../../src/graph/graph-model';
import { ROOT_PAGES } from '../../../src/model/node/root-pages';
import { NUMBERS_ON_OFFER_HEADING, numbersOnOfferRows } from '../../../src/read/page/numbers-on-offer';
import { documentationFiles, tableUnder } from '../../helpers/markdown-docs';

/**
 * The analysts' tables of numbers (docs/analysts.md) are what the code makes of them: each kind's declared
 * numbers from their declaration (src/graph/kinds/), and the numbers each connection's `aggregate` offers
 * from its page spec. `npm run docs:properties` writes them, and this fails while they differ.
 */
function analysts() {
  const guide = documentationFiles().find((f) => f.path === join('docs', 'analysts.md'));
  if (!guide) throw new Error('docs/analysts.md is missing');
  return guide;
}

describe("the analysts' tables of numbers (else run `npm run docs:properties`)", () => {
  // Every label declares its numbers; the guide tables those of the kinds with a connection of their own.
  const labels = Object.keys(GUIDE_NAMES) as NodeLabel[];

  it('has a guide name for every root connection', () => {
    expect(ROOT_PAGES.filter((spec) => GUIDE_NAMES[spec.label] === undefined)).toEqual([]);
  });

  it.each(labels)("lists %s's numbers as declared", (label) => {
    const declaration = DECLARED_PROPERTIES[label];
    if (!declaration) throw new Error(`${label}: no declaration`);
    expect(tableUnder(analysts(), declaredSectionOf(label))).toEqual(declaredTableRows(declaration));
  });

  it("lists every connection's aggregate figures as its page spec offers them", () => {
    const rows = tableUnder(analysts(), NUMBERS_ON_OFFER_HEADING.replace(/^## /, ''));
    expect(rows).toEqual(numbersOnOfferRows(ROOT_PAGES));
  });

  it.each(labels)("offers each of %s's aggregatable declared numbers in the table of numbers on offer", (label) => {
    const spec = ROOT_PAGES.find((page) => page.label === label);
    const aggregatable = Object.entries(DECLARED_PROPERTIES[label] ?? {})
      .filter(([, property]) => property.aggregate !== undefined)
      .map(([name]) => name);
    expect(Object.keys(spec?.aggregates ?? {})).toEqual(expect.arrayContaining(aggregatable));
  });
});
