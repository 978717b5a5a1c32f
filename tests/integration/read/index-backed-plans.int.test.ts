import { int, type ProfiledPlan } from 'neo4j-driver';
import type { CypherFile } from '../../../src/db/cypher-files';
import { CypherRegistry, isCypherFile } from '../../../src/db/cypher-registry';
import { RELATIONSHIPS, type Relationship } from '../../../src/read/declared-relationships';
import { allByLabel } from '../../../src/graph/all-by-label';
import type { NodeLabel } from '../../../src/graph/graph-model';
import { nodeById } from '../../../src/graph/node-by-id';
import { pathBatch } from '../../../src/read/graph-loaders';
import { searchStatement } from '../../../src/model/search/search-statement';
import { openTestDatabase, type TestDatabase } from '../../helpers/test-database';

/**
 * Every statement of cypher/ that a request runs must start from an index (or the count store), so its
 * cost follows the answer's size, not the graph's: `npm run bench:scale` shows what a scan costs once the
 * graph is cloned 1000 times. Each statement is profiled (reads) or explained (writes, which must not run
 * here) with representative parameters; the test fails on any operator that reads every node, a whole
 * label, a whole index or every relationship, unless the case lists it below with the reason it must.
 * A new file in cypher/ fails the coverage check until it gets a case here or is named off the request path.
 */

/** Operators whose work grows with a whole label, index or relationship type rather than with the answer. */
const WHOLE_READS =
  /^(AllNodesScan|NodeByLabelScan|UnionNodeByLabelsScan|IntersectionNodeByLabelsScan|SubtractionNodeByLabelsScan|PartitionedNodeByLabelScan|NodeIndexScan|NodeIndexContainsScan|NodeIndexEndsWithScan|(Directed|Undirected)(AllRelationships|RelationshipType)Scan|(Directed|Undirected)RelationshipIndexScan)$/;

/** Statements that no request runs: the loader, schema, backup, start-up statistics and test helpers. */
const OFF_THE_REQUEST_PATH = [
  /^schema\//,
  /^load\//,
  // Pieces of the compiled page statements (src/read/page/): profiled whole, for every anchor, by
  // page-plans.int.test.ts, which also fails on a whole-label read where an index can serve.
  /^fragments\//,
  // Relationship fragments of the selection compiler (src/read/prefetch/), run only inside a compiled statement below
  // root nodes found by id: cypher-files.int.test.ts plans each one compiled and fails on a whole-label read.
  // The paths among them also run wrapped for the loaders: profiled below as `pathBatch` cases.
  /^projection\//,
  // The backup commands' statements (npm run records:export / records:import), run by an operator, never by a
  // request; the import's checks read every record and audit entry on purpose.
  /^records\/(export-all|import-changes|import-records|import-series|import-lock|import-retractions)$/,
  /^records\/existing-(changes|records|series|subjects)$/,
  // Read at start-up and after a reload (the cost limit's list sizes), never per request.
  /^service\/list-size-statistics$/,
  // The tests' fingerprint of the whole database.
  /^service\/graph-contents$/,
  // The tests' reference answer to the canonical question, checked against what the API answers.
  /^analytics\/measures-for-sdg-and-department$/,
];

interface PlanCase {
  /** A cypher/ file, or the name of a statement given by `text`. */
  readonly statement: string;
  /** The statement's text when it is compiled rather than a file (a path's batch statement). */
  readonly text?: string;
  readonly params: Record<string, unknown>;
  /** Writes are explained, not run. */
  readonly write?: boolean;
  /** Whole reads this case must make, as `Operator :Label` (`NodeByLabelScan :Sdg`), and why. */
  readonly allowed?: { readonly reads: readonly string[]; readonly reason: string };
}

const CITIZEN_ACTIVITY = 'department:citizen-activity-promotion';
const INDICATOR = 'indicator:5-1-1';
const SHEET = 'reform-sheet:1-1';
const KEY = 'idempotency-key:0123456789abcdef';
const AT = '2024-04-01T00:00:00.000Z';
const byIds = (statement: CypherFile, ids: string[]): PlanCase => ({ statement, params: { ids } });
const cypher = CypherRegistry.load();
/** A path's batch statement, as GraphLoaders.path runs it (src/read/declared-relationships.ts names the paths). */
const pathBatchOf = (path: string, ids: string[]): PlanCase => {
  const found = Object.values(RELATIONSHIPS)
    .flatMap((fields) => Object.values<Relationship>(fields).map((relationship) => relationship.hop({})))
    .find((hop) => hop.kind === 'path' && hop.path === path);
  if (found?.kind !== 'path') throw new Error(`no relationship walks the path ${path}`);
  const { text, origin } = pathBatch(cypher, found);
  return { statement: origin, text, params: { ids } };
};
/** The search statement as the resolver compiles it (src/model/search/search-statement.ts). */
const searchOf = (kinds: NodeLabel[] | null, text: string): PlanCase => {
  const { text: statement, origin } = searchStatement(cypher, kinds, text, ['id', 'name']);
  return { statement: origin, text: statement, params: { lucene: `"${text}"`, folded: text, first: int(10) } };
};
const page = { after: null, limit: 11 };
const UNFILTERED_LIST = 'an unfiltered list is every node of its kind: the answer itself is the whole label';

/** A case's statement named by its file (one with `text` is compiled and named otherwise). */
function fileNamed(statement: string): CypherFile {
  if (!isCypherFile(statement)) throw new Error(`${statement} is neither a file of cypher/ nor given as text`);
  return statement;
}

const CASES: PlanCase[] = [
  {
    statement: 'analytics/sdg-coverage',
    params: { field: null },
    allowed: {
      reads: ['NodeByLabelScan :Department', 'NodeByLabelScan :Sdg'],
      reason: 'the coverage matrix counts every department × SDG pair: the whole graph is its answer',
    },
  },
  {
    statement: 'analytics/sdg-coverage-counts',
    params: { field: null },
    allowed: {
      reads: ['NodeByLabelScan :Department', 'NodeByLabelScan :Sdg'],
      reason: 'the coverage matrix counts every department × SDG pair: the whole graph is its answer',
    },
  },
  {
    statement: 'progress/indicator-groups',
    params: {},
    allowed: {
      reads: ['NodeByLabelScan :Field', 'NodeByLabelScan :Indicator', 'NodeByLabelScan :Measure'],
      reason: 'the progress summary counts every indicator of the plan by field and department: all are its answer',
    },
  },
  {
    statement: 'audit/page',
    params: { target: INDICATOR, actor: null, since: null, ...page },
    allowed: {
      reads: ['NodeByLabelScan :Change'],
      reason:
        'audit entries grow with writes (a few hundred a year), not with the document graph; target and actor are not indexed yet',
    },
  },
  {
    statement: 'audit/write-change',
    write: true,
    params: {
      change: {
        id: 'change:x',
        at: AT,
        sortKey: AT,
        actor: 'sato',
        actorRole: 'editor',
        action: 'RECORD_INDICATOR_RESULT',
        targetId: 'indicator-result:5-1-1:2024:r1',
        subjectId: INDICATOR,
        before: null,
        after: '{}',
        requestId: 'r',
      },
    },
  },
  byIds('department/collaborators-by-ids', [CITIZEN_ACTIVITY]),
  byIds('indicator/owners-by-ids', [INDICATOR, 'indicator:5-4-1']),
  pathBatchOf('department/policy-items', [CITIZEN_ACTIVITY]),
  pathBatchOf('department/reform-sheets', [CITIZEN_ACTIVITY]),
  pathBatchOf('department/sdgs', [CITIZEN_ACTIVITY]),
  ...(['Sdg', 'Field', 'Department', 'ReformArea', 'LinkagePlan'] as const).map((label): PlanCase => ({
    statement: 'graph/all-by-label',
    text: allByLabel(cypher, label, ['id', 'name']).text,
    params: {},
    allowed: { reads: [`NodeByLabelScan :${label}`], reason: UNFILTERED_LIST },
  })),
  { statement: 'graph/incoming', params: { ids: ['measure:5-1-3'], type: 'HAS_MEASURE' } },
  { statement: 'graph/outgoing', params: { ids: ['policy-item:5-1'], type: 'HAS_MEASURE' } },
  byIds('graph/nodes-by-id', ['measure:5-1-3', 'sdg:17']),
  {
    statement: 'graph/node-by-id',
    text: nodeById(cypher, ['id', 'code', 'name']).text,
    params: { id: 'measure:5-1-3' },
  },
  pathBatchOf('linkage-plan/policy-items', ['linkage-plan:1']),
  pathBatchOf('measure/sdgs', ['measure:5-1-3']),
  { statement: 'paths/neighbours', params: { id: 'measure:5-1-3', type: null, first: int(10) } },
  { statement: 'paths/shortest', params: { from: 'measure:5-1-3', to: 'sdg:17', maxHops: 4, first: int(3) } },
  // A keyed write's Idempotency-Key: found by its unique id; the sweep by the expiry index.
  {
    statement: 'idempotency/claim',
    write: true,
    params: {
      id: KEY,
      owner: 'sato',
      key: 'k',
      fingerprint: 'f',
      claim: 'c',
      now: 1,
      runningUntil: 2,
      expiresAt: 3,
    },
  },
  {
    statement: 'idempotency/complete',
    write: true,
    params: { id: KEY, claim: 'c', recordId: 'indicator-result:5-1-1:2024:r1', answer: '{}', at: 1 },
  },
  { statement: 'idempotency/delete-expired', write: true, params: { now: 1, limit: int(1000) } },
  { statement: 'idempotency/reclaim', write: true, params: { id: KEY, changes: { claim: 'd' } } },
  { statement: 'idempotency/release', write: true, params: { id: KEY, claim: 'c', now: 1 } },
  pathBatchOf('policy-item/departments', ['policy-item:5-1']),
  pathBatchOf('policy-item/linkage-plans', ['policy-item:5-1']),
  pathBatchOf('policy-item/reform-sheets', ['policy-item:5-1']),
  byIds('records/by-subjects', [INDICATOR, SHEET]),
  {
    statement: 'records/create-record',
    write: true,
    params: {
      seriesId: 'indicator-result:5-1-1:2024',
      subjectId: INDICATOR,
      label: 'IndicatorResult',
      properties: { id: 'indicator-result:5-1-1:2024:r1', revision: 1 },
    },
  },
  { statement: 'records/indicator-target', params: { id: INDICATOR } },
  {
    statement: 'records/lock-series',
    write: true,
    params: { seriesId: 'indicator-result:5-1-1:2024', subjectId: INDICATOR, fiscalYear: 2024, at: AT },
  },
  {
    statement: 'records/orphans',
    params: {},
    allowed: {
      reads: ['NodeByLabelScan :Record'],
      reason:
        'records whose subject left the documents: no index finds a missing relationship; records grow with writes',
    },
  },
  { statement: 'records/record-by-id', write: true, params: { id: 'indicator-result:5-1-1:2024:r1', at: AT } },
  { statement: 'records/retract-record', write: true, params: { id: 'x', reason: 'r', by: 'sato', at: AT } },
  { statement: 'records/sheet-target', params: { id: SHEET } },
  pathBatchOf('reform-sheet/sdgs', [SHEET]),
  pathBatchOf('sdg/departments', ['sdg:17']),
  pathBatchOf('sdg/measures', ['sdg:17']),
  pathBatchOf('sdg/reform-sheets', ['sdg:17']),
  // The substring fallback (for what the full-text bigrams cannot match: single characters, spaced letters)
  // is answered by the text index entity_search_text, for every kind and for texts its trigrams can narrow.
  searchOf(null, '防災'),
  searchOf(['Measure'], '市民活動'),
  {
    ...searchOf(['Measure'], '防災'),
    allowed: {
      reads: ['NodeByLabelScan :Measure'],
      reason:
        'a text shorter than a trigram: the text index would read every entry (every kind), the labels only the kinds asked for',
    },
  },
  { statement: 'service/graph-size', params: {} },
  {
    statement: 'service/document-coverage',
    params: {},
    allowed: {
      reads: ['NodeByLabelScan :Field', 'NodeByLabelScan :Sdg'],
      reason: 'the coverage counts what every field holds and names every SDG nothing links to: all are its answer',
    },
  },
  { statement: 'service/ping', params: {} },
];

interface Operator {
  readonly name: string;
  readonly details: string;
  readonly rows: number;
  readonly dbHits: number;
}

/** Every operator of a plan, without the runtime suffix (`NodeIndexSeek@neo4j` → `NodeIndexSeek`). */
function operatorsOf(plan: ProfiledPlan): Operator[] {
  const details = plan.arguments?.Details;
  return [
    {
      name: plan.operatorType.replace(/@.*$/, ''),
      details: typeof details === 'string' ? details : '',
      rows: plan.rows ?? 0,
      dbHits: plan.dbHits ?? 0,
    },
    ...plan.children.flatMap(operatorsOf),
  ];
}

/**
 * Whether an operator reads a whole label, index or relationship type. `CONTAINS` on a TEXT index is a
 * lookup (the index keeps trigrams of the values), unlike on a RANGE index, which it scans whole.
 */
function readsWhole(operator: Operator): boolean {
  if (operator.name === 'NodeIndexContainsScan' && operator.details.startsWith('TEXT INDEX')) return false;
  return WHOLE_READS.test(operator.name);
}

/** `NodeByLabelScan :Sdg` for an operator whose details read `n:Sdg`. */
function wholeRead(operator: Operator): string {
  const label = /:(\w+)/.exec(operator.details)?.[1];
  return label ? `${operator.name} :${label}` : operator.name;
}

describe('statements on the request path', () => {
  let db: TestDatabase;
  beforeAll(() => {
    db = openTestDatabase();
  });
  afterAll(() => db.close());

  it('has a case for every statement in cypher/ a request may run', () => {
    const covered = new Set(CASES.map((c) => c.statement));
    const missing = db.cypher
      .names()
      .filter((name) => !OFF_THE_REQUEST_PATH.some((pattern) => pattern.test(name)) && !covered.has(name));
    expect(missing).toEqual([]);
  });

  it.each(CASES.map((c) => [`${c.statement} ${JSON.stringify(c.params).slice(0, 90)}`, c] as const))(
    '%s reads no whole label it does not have to',
    async (_title, { statement, text, params, write, allowed }) => {
      const session = db.driver.session({ defaultAccessMode: write ? 'WRITE' : 'READ' });
      try {
        const result = await session.run(
          `${write ? 'EXPLAIN' : 'PROFILE'} ${text ?? db.cypher.get(fileNamed(statement))}`,
          params,
        );
        const plan = (write ? result.summary.plan : result.summary.profile) as ProfiledPlan;
        // A guarded branch ("no filter given") may hold a scan that reads nothing when profiled.
        const wholeReads = operatorsOf(plan)
          .filter((op) => readsWhole(op) && (write || op.rows + op.dbHits > 0))
          .map(wholeRead)
          .filter((read) => !allowed?.reads.includes(read));
        expect(wholeReads).toEqual([]);
      } finally {
        await session.close();
      }
    },
  );
});
