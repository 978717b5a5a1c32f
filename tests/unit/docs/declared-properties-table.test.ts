import { join } from 'node:path';
import { DECLARED_PROPERTIES } from '../../../src/graph/properties/declared-properties';
import { aggregatesCell, declaredTableRows, GUIDE_NAMES } from '../../../src/graph/properties/properties-docs';
import type { NodeLabel } from '../../../src/graph/graph-model';
import { documentationFiles, tableUnder } from '../../helpers/markdown-docs';

/**
 * The analysts' tables of declared numbers (docs/analysts.md) are what the declarations (src/graph/properties/)
 * make of them: `npm run docs:properties` writes them, and this fails while they differ.
 */
function analysts() {
  const guide = documentationFiles().find((f) => f.path === join('docs', 'analysts.md'));
  if (!guide) throw new Error('docs/analysts.md is missing');
  return guide;
}

describe("the analysts' tables of declared numbers (else run `npm run docs:properties`)", () => {
  const labels = Object.keys(DECLARED_PROPERTIES) as NodeLabel[];

  it('has a guide name for every label that declares numbers', () => {
    expect(labels.filter((label) => GUIDE_NAMES[label] === undefined)).toEqual([]);
  });

  it.each(labels)("lists %s's numbers as declared", (label) => {
    const names = GUIDE_NAMES[label];
    const declaration = DECLARED_PROPERTIES[label];
    if (!names || !declaration) throw new Error(`${label}: no guide name or declaration`);
    expect(tableUnder(analysts(), names.heading)).toEqual(declaredTableRows(declaration));
  });

  it.each(labels)("lists %s's aggregate figures as declared in the aggregates table", (label) => {
    const names = GUIDE_NAMES[label];
    const declaration = DECLARED_PROPERTIES[label];
    if (!names || !declaration) throw new Error(`${label}: no guide name or declaration`);
    const rows = tableUnder(analysts(), 'Numbers, nested pages and all-of filters');
    expect(rows.find(([kind]) => kind === names.row)?.[1]).toBe(aggregatesCell(declaration));
  });
});
