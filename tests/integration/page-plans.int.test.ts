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
  /** Every parameter of each page statement, absent (null = no condition). */
  const none: Record<string, Record<string, unknown>> = {
    'measure/page': {
      sdg: null,
      department: null,
      policyItem: null,
      field: null,
      status: null,
      includeDeleted: false,
      text: null,
    },
    'policy-item/page': { field: null, sdg: null, department: null, linkagePlan: null, detailed: null, text: null },
    'indicator/page': { policyItem: null, field: null, sdg: null, direction: null },
    'reform-sheet/page': {
      area: null,
      department: null,
      role: 'ANY',
      sdg: null,
      measure: null,
      evaluation: null,
      viewpoint: null,
      text: null,
    },
  };
  const citizenActivity = 'department:citizen-activity-promotion';
  const cases: [string, Record<string, unknown>][] = [
    ['measure/page', { sdg: 17, department: citizenActivity }],
    ['measure/page', { policyItem: '5-1' }],
    ['measure/page', { sdg: 3 }],
    ['measure/page', { field: 5 }],
    ['policy-item/page', { department: citizenActivity }],
    ['policy-item/page', { sdg: 17 }],
    ['policy-item/page', { field: 5 }],
    ['indicator/page', { policyItem: '5-1' }],
    ['indicator/page', { sdg: 17 }],
    ['indicator/page', { field: 5 }],
    ['reform-sheet/page', { department: 'department:crisis-management', role: 'EXECUTING' }],
    ['reform-sheet/page', { measure: '5-6-1' }],
    ['reform-sheet/page', { sdg: 17 }],
  ];

  it.each(cases)('%s with %j seeks an index and scans no whole label', async (name, filter) => {
    const session = db.driver.session({ defaultAccessMode: 'READ' });
    try {
      const result = await session.run(`PROFILE ${db.cypher.get(name)}`, { ...none[name], ...filter, ...slice });
      const operators = operatorsOf(result.summary.profile as ProfiledPlan);
      const scansThatRead = operators.filter((op) => WHOLE_SCANS.includes(op.operator) && op.rows + op.dbHits > 0);
      expect(scansThatRead).toEqual([]);
      expect(operators.some((op) => INDEX_SEEKS.test(op.operator))).toBe(true);
      // The statement still answers: each filter above matches something in the seed.
      expect(Number(result.records[0]?.get('totalCount'))).toBeGreaterThan(0);
    } finally {
      await session.close();
    }
  });
});
