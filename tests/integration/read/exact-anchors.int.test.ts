import { INDICATOR_LIST } from '../../../src/model/indicator/indicator.list';
import { MEASURE_LIST } from '../../../src/model/measure/measure.list';
import { POLICY_ITEM_LIST } from '../../../src/model/policy-item/policy-item.list';
import { CypherRegistry } from '../../../src/db/cypher-registry';
import { anchorsOf } from '../../../src/graph/kinds/label-pages';
import { composed, partName, type CypherPart } from '../../../src/read/page/cypher-part';
import type { PageSpec } from '../../../src/read/page/page-spec';
import { REFORM_SHEET_LIST } from '../../../src/model/reform-sheet/reform-sheet.list';
import { openTestDatabase, type TestDatabase } from '../../helpers/test-database';

/**
 * An anchor marked exact (PageSpec.anchors) lets the page compiler leave its condition out of the WHERE
 * clause, so it must start from exactly the nodes the condition holds for. Checked on the whole seeded graph:
 * for every value the condition can take (every department, measure code, SDG number, indicator id), the
 * nodes the anchor starts from are the nodes of the kind for which the condition holds.
 */
const SPECS: readonly PageSpec[] = [
  MEASURE_LIST.spec,
  POLICY_ITEM_LIST.spec,
  INDICATOR_LIST.spec,
  REFORM_SHEET_LIST.spec,
];

/**
 * Every value of a condition's `$value`, one at a time: for a declared condition, every key of the nodes its
 * declaration starts from; for the others, by what the condition's fragment names.
 */
function valuesOf(spec: PageSpec, condition: CypherPart): string | undefined {
  const name = partName(condition);
  const declared = Object.entries(anchorsOf(spec.label)).find(
    ([declaredName, anchor]) => anchor.condition !== undefined && name.endsWith(`/${declaredName}`),
  )?.[1];
  if (declared !== undefined && declared.key !== 'field-id')
    return `MATCH (a:${declared.from}) RETURN a.${declared.key} AS value`;
  return VALUES.find(([pattern]) => pattern.test(name))?.[1];
}

const registry = CypherRegistry.load();

const VALUES: readonly [RegExp, string][] = [
  [/\/ids$/, 'MATCH (x:Indicator) RETURN x.id AS value'],
  [/\/item-codes$/, 'MATCH (x:PolicyItem) RETURN x.code AS value'],
  [/\/item-sdgs$/, 'MATCH (x:Sdg) RETURN x.number AS value'],
  [/\/item-fields$/, 'MATCH (x:Field) RETURN x.number AS value'],
];

const exactAnchors = SPECS.flatMap((spec) =>
  spec.anchors.filter(({ exact }) => exact).map((anchor) => ({ spec, ...anchor })),
);

describe('exact page anchors', () => {
  let db: TestDatabase;
  beforeAll(() => {
    db = openTestDatabase();
  });
  afterAll(() => db.close());

  const ids = async (statement: string, value: unknown): Promise<string[]> => {
    const session = db.driver.session({ defaultAccessMode: 'READ' });
    try {
      const { records } = await session.run(statement, { value: [value] });
      return (records[0]?.get('ids') as string[]).sort();
    } finally {
      await session.close();
    }
  };

  it('are declared for the measures by department and by reform sheet, and for the policy item of measures and indicators', () => {
    expect(exactAnchors.map(({ spec, condition }) => `${spec.name} ${partName(condition)}`)).toEqual(
      expect.arrayContaining([
        'measures fragments/measure/departments',
        'measures fragments/measure/reform-sheets',
        'measures fragments/common/item-sdgs',
        'indicators fragments/common/item-fields',
      ]),
    );
  });

  it.each(exactAnchors.map((anchor) => [`${anchor.spec.name}: ${partName(anchor.condition)}`, anchor] as const))(
    '%s starts from exactly the nodes its condition holds for',
    async (_name, { spec, condition, anchor }) => {
      const listing = valuesOf(spec, condition);
      expect(listing).toBeDefined();
      const session = db.driver.session({ defaultAccessMode: 'READ' });
      const values = await session
        .run(listing ?? '')
        .then(({ records }) => records.map((record) => record.get('value') as unknown))
        .finally(() => session.close());
      expect(values.length).toBeGreaterThan(0);
      const context = spec.context ? `\n${composed(registry, spec.context.fragment).render()}` : '';
      const carried = ['n', ...(spec.context?.variables ?? [])].join(', ');
      if (spec.scan === undefined) throw new Error(`${spec.name} has no scan`);
      const anchored = `${composed(registry, anchor).render()}\nWITH DISTINCT n\nRETURN collect(n.id) AS ids`;
      const tested = `${composed(registry, spec.scan).render()}\nWITH DISTINCT n${context}\nWITH ${carried}\nWHERE ${composed(registry, condition).render()}\nRETURN collect(DISTINCT n.id) AS ids`;
      let nonEmpty = 0;
      for (const value of values) {
        const expected = await ids(tested, value);
        expect({ value, ids: await ids(anchored, value) }).toEqual({ value, ids: expected });
        if (expected.length > 0) nonEmpty += 1;
      }
      // Not a comparison of two empty sets: the condition holds for some node for most values.
      expect(nonEmpty).toBeGreaterThan(0);
    },
  );
});
