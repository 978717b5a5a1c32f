import type { ProfiledPlan } from 'neo4j-driver';
import { openTestDatabase, type TestDatabase } from '../helpers/test-database';

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
 * answer's size rather than the graph's. Each case names a filter that an index serves; the profiled plan
 * must seek, and a whole-label scan may appear only in the branch for "no narrowing filter", where its guard
 * keeps it from reading anything (0 rows, 0 database hits).
 */
describe('page statements', () => {
  let db: TestDatabase;
  beforeAll(() => {
    db = openTestDatabase();
  });
  afterAll(() => db.close());

  const slice = { after: null, limit: 11 };
  const cases: [string, Record<string, unknown>][] = [
    [
      'measure/page',
      {
        sdg: 17,
        department: 'department:citizen-activity-promotion',
        policyItem: null,
        field: null,
        status: null,
        includeDeleted: false,
        text: null,
      },
    ],
    [
      'measure/page',
      { sdg: null, department: null, policyItem: '5-1', field: null, status: null, includeDeleted: false, text: null },
    ],
    [
      'measure/page',
      { sdg: 3, department: null, policyItem: null, field: null, status: null, includeDeleted: false, text: null },
    ],
    [
      'measure/page',
      { sdg: null, department: null, policyItem: null, field: 5, status: null, includeDeleted: false, text: null },
    ],
  ];

  it.each(cases)('%s with %j seeks an index and scans no whole label', async (name, filter) => {
    const session = db.driver.session({ defaultAccessMode: 'READ' });
    try {
      const result = await session.run(`PROFILE ${db.cypher.get(name)}`, { ...filter, ...slice });
      const operators = operatorsOf(result.summary.profile as ProfiledPlan);
      const scansThatRead = operators.filter((op) => WHOLE_SCANS.includes(op.operator) && op.rows + op.dbHits > 0);
      expect(scansThatRead).toEqual([]);
      expect(operators.some((op) => INDEX_SEEKS.test(op.operator))).toBe(true);
      // The statement still answers: the filter matches some measures.
      expect(Number(result.records[0]?.get('totalCount'))).toBeGreaterThan(0);
    } finally {
      await session.close();
    }
  });
});
