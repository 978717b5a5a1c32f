import 'reflect-metadata';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isEnumType, isObjectType, type GraphQLSchema } from 'graphql';
import { INDICATOR_LIST } from '../../../src/model/indicator/indicator.list';
import { MEASURE_LIST } from '../../../src/model/measure/measure.list';
import { POLICY_ITEM_LIST } from '../../../src/model/policy-item/policy-item.list';
import { REFORM_SHEET_LIST } from '../../../src/model/reform-sheet/reform-sheet.list';
import { graphSchema } from '../../../src/schema';
import type { PageSpec } from '../../../src/read/page/page-spec';

/**
 * What pagedKind (src/read/page/paged-kind.ts) makes of each paged kind's declaration: the GraphQL types a client
 * sees and the page spec the statement is compiled from name the same sort orders and facets, and the kind's folder
 * in src/model/ keeps no wiring (src/model/README.md: at most four files, as every folder there).
 */
const KINDS: readonly PageSpec[] = [
  MEASURE_LIST.spec,
  INDICATOR_LIST.spec,
  POLICY_ITEM_LIST.spec,
  REFORM_SHEET_LIST.spec,
];
const MODEL = join(__dirname, '..', '..', '..', 'src', 'model');

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await graphSchema();
});

describe.each(KINDS.map((spec) => [spec.label, spec] as const))('the paged kind %s', (label, spec) => {
  it('offers in its order enum exactly the sort orders its page spec can compile', () => {
    const order = schema.getType(`${label}OrderField`);
    if (!isEnumType(order)) throw new Error(`${label}OrderField is not an enum`);
    expect(
      order
        .getValues()
        .map((value) => value.name)
        .sort(),
    ).toEqual(Object.keys(spec.orderFields).sort());
  });

  it('offers in its facets type exactly the facets its page spec counts', () => {
    const facets = schema.getType(`${label}Facets`);
    if (!isObjectType(facets)) throw new Error(`${label}Facets is not an object type`);
    expect(Object.keys(facets.getFields()).sort()).toEqual(Object.keys(spec.facets).sort());
  });
});

it('keeps at most four files in every folder of src/model/ (the kinds and the questions that cross them)', () => {
  const folders = readdirSync(MODEL, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  // The paged kinds are among them: the rule is about their wiring above all.
  expect(folders).toEqual(expect.arrayContaining(['measure', 'indicator', 'policy-item', 'reform-sheet']));
  const crowded = folders
    .map((folder) => ({ folder, files: readdirSync(join(MODEL, folder)).length }))
    .filter(({ files }) => files > 4);
  expect(crowded).toEqual([]);
});
