import { MEASURE_ANCHORS, MEASURE_RELATIONSHIPS } from '../../../src/graph/kinds/measure.kind';
import { POLICY_ITEM_ANCHORS } from '../../../src/graph/kinds/policy-item.kind';
import { REFORM_SHEET_ANCHORS } from '../../../src/graph/kinds/reform-sheet.kind';
import { declaredConditionIn, relationshipConditionIn } from '../../../src/read/page/declared-anchors';
import type { ProfiledPlan } from 'neo4j-driver';
import { INDICATOR_LIST } from '../../../src/model/indicator/indicator.list';
import { MEASURE_LIST } from '../../../src/model/measure/measure.list';
import { POLICY_ITEM_LIST } from '../../../src/model/policy-item/policy-item.list';
import { compilePage } from '../../../src/read/page/compile-page';
import { all, any, holds, matches, not, type Condition } from '../../../src/read/page/condition';
import type { PageSpec } from '../../../src/read/page/page-spec';
import { REFORM_SHEET_LIST } from '../../../src/model/reform-sheet/reform-sheet.list';
import { openTestDatabase, type TestDatabase } from '../../helpers/test-database';

/** Every operator of a profiled plan, without the runtime suffix (`NodeIndexSeek@neo4j` → `NodeIndexSeek`). */
function operatorsOf(plan: ProfiledPlan): { operator: string; rows: number; dbHits: number }[] {
  return [
    { operator: plan.operatorType.replace(/@.*$/, ''), rows: plan.rows, dbHits: plan.dbHits },
    ...plan.children.flatMap(operatorsOf),
  ];
}

/** Scans that read a whole label (or every node) where the filters name a node an index finds. */
const WHOLE_SCANS = ['AllNodesScan', 'NodeByLabelScan'];
const INDEX_SEEKS = /^Node(Unique)?IndexSeek/;

/**
 * Page statements must start from the filter that narrows most, through an index, so their cost follows the
 * answer's size rather than the graph's. Each case names a condition that must hold and that an index serves
 * (today's single-value keys compile to one-element any-of lists); the compiled statement's profiled plan must
 * seek and read no whole label. A condition inside `or` or `not` must not anchor (that would lose answers):
 * then the statement reads the label, and still answers right.
 */
describe('page statements', () => {
  let db: TestDatabase;
  beforeAll(() => {
    db = openTestDatabase();
  });
  afterAll(() => db.close());

  const citizenActivity = 'department:citizen-activity-promotion';
  const listed = holds('fragments/measure/listed');
  const measureCases: Condition[] = [
    all([
      matches('fragments/common/item-sdgs', [17]),
      matches(declaredConditionIn('Measure', MEASURE_ANCHORS, 'departments'), [citizenActivity]),
      listed,
    ]),
    all([matches('fragments/common/item-codes', ['5-1']), listed]),
    all([matches(relationshipConditionIn('Measure', MEASURE_RELATIONSHIPS, 'reformSheets'), ['1-1', '1-21']), listed]),
    all([matches('fragments/common/item-sdgs', [3]), listed]),
    all([matches('fragments/common/item-fields', [5]), listed]),
    all([matches('fragments/common/item-sdgs', [11, 13]), listed]),
    all([all([matches('fragments/common/item-fields', [5, 6])]), not(matches('fragments/measure/statuses', ['NEW']))]),
  ];
  const cases: [string, PageSpec, Condition][] = [
    ...measureCases.map((c): [string, PageSpec, Condition] => ['measures', MEASURE_LIST.spec, c]),
    ['policyItems', POLICY_ITEM_LIST.spec, matches('fragments/policy-item/departments', [citizenActivity])],
    [
      'policyItems',
      POLICY_ITEM_LIST.spec,
      matches(declaredConditionIn('PolicyItem', POLICY_ITEM_ANCHORS, 'sdgs'), [17]),
    ],
    ['policyItems', POLICY_ITEM_LIST.spec, matches('fragments/policy-item/fields', [5])],
    ['indicators', INDICATOR_LIST.spec, matches('fragments/indicator/ids', ['indicator:5-1-1'])],
    ['indicators', INDICATOR_LIST.spec, matches('fragments/common/item-codes', ['5-1'])],
    ['indicators', INDICATOR_LIST.spec, matches('fragments/common/item-sdgs', [17])],
    ['indicators', INDICATOR_LIST.spec, matches('fragments/common/item-fields', [5])],
    [
      'reformSheets',
      REFORM_SHEET_LIST.spec,
      matches(declaredConditionIn('ReformSheet', REFORM_SHEET_ANCHORS, 'executing-departments'), [
        'department:crisis-management',
      ]),
    ],
    [
      'reformSheets',
      REFORM_SHEET_LIST.spec,
      matches(declaredConditionIn('ReformSheet', REFORM_SHEET_ANCHORS, 'measures'), ['5-6-1']),
    ],
    [
      'reformSheets',
      REFORM_SHEET_LIST.spec,
      matches(declaredConditionIn('ReformSheet', REFORM_SHEET_ANCHORS, 'sdgs'), [17]),
    ],
    [
      'reformSheets',
      REFORM_SHEET_LIST.spec,
      all([
        matches('fragments/reform-sheet/evaluations', ['C']),
        matches('fragments/reform-sheet/measure-fields', [6]),
      ]),
    ],
  ];

  async function profile(spec: PageSpec, condition: Condition) {
    const { statement, params } = compilePage(db.cypher, spec, condition, [], [], ['id', 'sortKey']);
    const session = db.driver.session({ defaultAccessMode: 'READ' });
    try {
      const result = await session.run(`PROFILE ${statement.text}`, {
        ...params,
        afterKey: null,
        afterValues: [],
        limit: 11,
      });
      return {
        operators: operatorsOf(result.summary.profile as ProfiledPlan),
        totalCount: Number(result.records[0]?.get('totalCount')),
        text: statement.text,
      };
    } finally {
      await session.close();
    }
  }

  it.each(cases.map(([name, spec, condition]) => [name, JSON.stringify(condition), spec, condition] as const))(
    '%s with %s seeks an index and scans no whole label',
    async (_name, _described, spec, condition) => {
      const { operators, totalCount } = await profile(spec, condition);
      const scansThatRead = operators.filter((op) => WHOLE_SCANS.includes(op.operator) && op.rows + op.dbHits > 0);
      expect(scansThatRead).toEqual([]);
      expect(operators.some((op) => INDEX_SEEKS.test(op.operator))).toBe(true);
      // The statement still answers: each filter above matches something in the seed.
      expect(totalCount).toBeGreaterThan(0);
    },
  );

  it('never anchors on a condition inside or/not', async () => {
    const sdg17 = matches('fragments/common/item-sdgs', [17]);
    const either = any([sdg17, matches('fragments/common/item-fields', [1])]);
    for (const condition of [either, not(sdg17)]) {
      const { text, totalCount } = await profile(MEASURE_LIST.spec, condition);
      expect(text).toMatch(/^MATCH \(n:Measure\)$/m);
      expect(totalCount).toBeGreaterThan(0);
    }
  });
});
