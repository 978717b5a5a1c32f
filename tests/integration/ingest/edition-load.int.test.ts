import { createAuthenticator } from '../../../src/platform/auth/authenticator';
import { mintToken } from '../../../src/platform/auth/mint-token';
import { RowReader } from '../../../src/db/row-reader';
import { formatDiff } from '../../../src/ingest/diff/format-diff';
import { diffGraphs } from '../../../src/ingest/diff/graph-diff';
import { recordsImpact } from '../../../src/ingest/diff/orphaned-records';
import { recordedSubjectsInDatabase } from '../../../src/write/recorded-subjects';
import { findRecordedSubjects } from '../../../src/write/records-source';
import { ingest } from '../../../src/ingest/ingest';
import { seedDatabase } from '../../../src/ingest/load/seed-database';
import { readSeedFile } from '../../../src/ingest/load/seed-file';
import { exportRecords } from '../../../src/write/records-backup';
import { recordedSubjectsInBackup } from '../../../src/write/recorded-subjects';
import { editedDocuments, REMOVED_INDICATOR } from '../../helpers/test-edition';
import { openTestDatabase, testNeo4jPassword, testNeo4jUri, type TestDatabase } from '../../helpers/test-database';
import { startTestServer, type TestServer } from '../../helpers/test-server';

/**
 * A new edition reviewed and loaded into a database that holds records (issue 22, item 4): results recorded
 * through the API on item 5-4's indicators, then the edition of tests/helpers/test-edition.ts (measure 5-4-4
 * removed, 5-4-3 renamed, SDG 11 added to 5-1, indicator 5-4-2 removed) diffed against the committed graph
 * and loaded. The committed seed is loaded again at the end, so the other test files see it unchanged.
 */
const SECRET = 'edition-test-secret-0123456789abcdef';
const RECORD_RESULT = `mutation($input: RecordIndicatorResultInput!) {
  recordIndicatorResult(input: $input) { id revision }
}`;
const KEPT_INDICATOR = 'indicator:5-4-1';

describe('a new edition over recorded results', () => {
  const seed = readSeedFile();
  if (!seed) throw new Error('seed/graph.json is missing: run `npm run ingest`');
  const edition = ingest(editedDocuments({ withoutIndicator: true }));
  let db: TestDatabase;
  let api: TestServer;
  let admin: Record<string, string>;

  const run = async (cypher: string) => {
    const session = db.driver.session();
    try {
      return (await session.run(cypher)).records;
    } finally {
      await session.close();
    }
  };
  const cleanRecords = () => run('MATCH (n) WHERE n:Record OR n:RecordSeries OR n:Change DETACH DELETE n');
  const recordIds = async () =>
    (await run('MATCH (r:Record) RETURN r.id AS id ORDER BY id')).map((r) => String(r.get('id')));
  const orphans = async () =>
    (await db.gateway.read('records/orphans')).map((row) => {
      const r = new RowReader(row);
      return `${r.string('subject')}: ${r.number('records')}`;
    });
  const record = async (indicator: string, value: number, expectedRevision: number) => {
    const response = await api.query(
      RECORD_RESULT,
      { input: { indicator, fiscalYear: 2024, value, expectedRevision } },
      admin,
    );
    expect(response.errors).toBeUndefined();
  };

  beforeAll(async () => {
    db = openTestDatabase();
    api = await startTestServer(db.gateway, {
      authenticate: createAuthenticator({ secret: SECRET, jwksUrl: undefined, anonymousRead: true }),
    });
    admin = { authorization: `Bearer ${await mintToken(SECRET, { sub: 'boss', role: 'admin' })}` };
    await cleanRecords();
    await record(REMOVED_INDICATOR.id, 95, 0);
    await record(REMOVED_INDICATOR.id, 96, 1);
    await record(KEPT_INDICATOR, 470, 0);
  });
  afterAll(async () => {
    try {
      await seedDatabase(db.gateway, db.cypher, seed, () => undefined);
      await cleanRecords();
    } finally {
      await api.stop();
      await db.close();
    }
  });

  it('names, before loading, the records whose indicator the edition drops', async () => {
    const subjects = await recordedSubjectsInDatabase(db.gateway);
    expect(subjects).toEqual([
      { subject: KEPT_INDICATOR, records: 1 },
      { subject: REMOVED_INDICATOR.id, records: 2 },
    ]);
    const lines = formatDiff(
      diffGraphs(seed.graph, edition),
      recordsImpact('the test database', subjects, seed.graph, edition),
      {
        listSourceLines: false,
      },
    );
    expect(lines.slice(lines.indexOf('recorded results and evaluations (the test database):'))).toEqual([
      'recorded results and evaluations (the test database):',
      '  would be orphaned (kept by the loader, reported as orphans): 1',
      `    ${REMOVED_INDICATOR.id} ${REMOVED_INDICATOR.name}: 2 revision(s)`,
      '  orphaned already, and still: 0',
      '  attached again: 0',
      '  unaffected: 1 subjects',
    ]);
    // A records backup of the same database gives the same subjects.
    expect(recordedSubjectsInBackup(await exportRecords(db.gateway))).toEqual(subjects);
  });

  it('reaches the database as the records commands do (NEO4J_URI), reading its records', async () => {
    const saved = { ...process.env };
    Object.assign(process.env, { NEO4J_URI: testNeo4jUri(), NEO4J_USER: 'neo4j', NEO4J_PASSWORD: testNeo4jPassword() });
    const log: string[] = [];
    try {
      const found = await findRecordedSubjects(undefined, (line) => log.push(line));
      expect(found).toEqual({
        source: `the database at ${testNeo4jUri()}`,
        subjects: [
          { subject: KEPT_INDICATOR, records: 1 },
          { subject: REMOVED_INDICATOR.id, records: 2 },
        ],
      });
      expect(log).toEqual([`using Neo4j at ${testNeo4jUri()} (database neo4j)`]);
    } finally {
      process.env = saved;
    }
  });

  it('loads the edition keeping every record and reporting the orphans, and attaches them again on the old one', async () => {
    const before = await recordIds();
    expect(before).toHaveLength(3);
    const log: string[] = [];
    const result = await seedDatabase(db.gateway, db.cypher, { graph: edition, hash: 'edition-test' }, (line) =>
      log.push(line),
    );
    // The measure and the indicator go; their relationships with them (HAS_MEASURE, RESPONSIBLE_FOR, MEASURED_BY,
    // and the indicator's ANSWERS_FOR from its department).
    expect(result).toMatchObject({ nodesDeleted: 2, relationshipsDeleted: 4 });
    expect(log).toContain(`kept 2 recorded revision(s) of ${REMOVED_INDICATOR.id}, which the documents no longer have`);
    expect(log.filter((line) => line.startsWith('kept '))).toHaveLength(1);
    expect(await recordIds()).toEqual(before);
    expect(await orphans()).toEqual([`${REMOVED_INDICATOR.id}: 2`]);
    const renamed = await run("MATCH (m:Measure {id: 'measure:5-4-3'}) RETURN m.name AS name");
    expect(renamed.map((r) => String(r.get('name')))).toEqual(['犯罪の起きにくい安全なまちづくり']);

    await seedDatabase(db.gateway, db.cypher, seed, () => undefined);
    expect(await recordIds()).toEqual(before);
    expect(await orphans()).toEqual([]);
  });
});
