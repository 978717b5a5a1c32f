import { getNamedType, isListType, isNonNullType, isObjectType, type GraphQLField } from 'graphql';
import { RELATIONSHIPS } from '../../../src/read/declared-relationships';
import { graphSchema } from '../../../src/schema';
import { openApi, type ApiFixture } from '../../helpers/api-fixture';
import type { GraphQLResponse } from '../../helpers/test-server';

type Json = Record<string, unknown>;

/** Statements the request ran, as the cost report says. */
function statementsOf(response: GraphQLResponse): number {
  return (response.extensions?.cypher as { queries: number }).queries;
}

/** How to reach every node of a type with a relationship list (at most 100 of the paged ones). */
const PARENTS: Readonly<Record<string, (selection: string) => string>> = {
  PolicyField: (s) => `{ parents: fields { ${s} } }`,
  PolicyItem: (s) => `{ page: policyItems(first: 100) { parents: nodes { ${s} } } }`,
  Measure: (s) => `{ page: measures(first: 100, filter: { includeDeleted: true }) { parents: nodes { ${s} } } }`,
  Department: (s) => `{ parents: departments { ${s} } }`,
  Sdg: (s) => `{ parents: sdgs { ${s} } }`,
  ReformSheet: (s) => `{ page: reformSheets(first: 100) { parents: nodes { ${s} } } }`,
  ReformArea: (s) => `{ parents: reformAreas { ${s} } }`,
  LinkagePlan: (s) => `{ parents: linkagePlans { ${s} } }`,
  Initiative: (s) => `{ plans: linkagePlans { parents: initiatives { ${s} } } }`,
};

function parentsOf(data: Json): Json[] {
  if (Array.isArray(data.parents)) return data.parents as Json[];
  if (data.page) return (data.page as { parents: Json[] }).parents;
  return (data.plans as { parents: Json[] }[]).flatMap((plan) => plan.parents);
}

/** Every relationship list of a node type (a list field in the relationship table) and its type. */
async function relationshipLists(): Promise<
  {
    type: string;
    field: string;
    connection: GraphQLField<unknown, unknown> | undefined;
    takesIncludeDeleted: boolean;
  }[]
> {
  const schema = await graphSchema();
  return Object.entries(RELATIONSHIPS).flatMap(([type, fields]) => {
    const object = schema.getType(type);
    if (!isObjectType(object)) throw new Error(`${type} is not an object type`);
    return Object.keys(fields)
      .filter((field) => {
        const definition = object.getFields()[field];
        const listed = definition && (isNonNullType(definition.type) ? definition.type.ofType : definition.type);
        return listed !== undefined && isListType(listed);
      })
      .map((field) => ({
        type,
        field,
        connection: object.getFields()[`${field}Connection`],
        takesIncludeDeleted: object.getFields()[field]?.args.some((arg) => arg.name === 'includeDeleted') === true,
      }));
  });
}

describe('every relationship list has a paged sibling <field>Connection', () => {
  let api: ApiFixture;
  let lists: Awaited<ReturnType<typeof relationshipLists>>;
  beforeAll(async () => {
    api = await openApi();
    lists = await relationshipLists();
  });
  afterAll(() => api.close());

  it('for all 30 lists of the node types', () => {
    expect(lists.length).toBe(30);
    expect(lists.filter((list) => list.connection === undefined).map((l) => `${l.type}.${l.field}`)).toEqual([]);
    for (const { connection } of lists) {
      const type = connection && getNamedType(connection.type);
      expect(type && isObjectType(type) ? Object.keys(type.getFields()) : []).toEqual(
        expect.arrayContaining(['edges', 'nodes', 'pageInfo', 'totalCount']),
      );
      expect(connection?.args.map((arg) => arg.name)).toEqual(expect.arrayContaining(['first', 'after']));
    }
  });

  it('pages what each list lists, with its total, for every parent in one statement per question', async () => {
    let checked = 0;
    for (const { type, field, connection, takesIncludeDeleted } of lists) {
      const query = PARENTS[type];
      if (!query || !connection) throw new Error(`no way to ask ${type}.${field}Connection`);
      // Measures the next plan deletes: listed by a measure connection only when its filter asks (as the root
      // `measures`), by a list with `includeDeleted` only when it asks; asked of both here.
      const deleted = takesIncludeDeleted && connection.args.some((a) => a.name === 'filter');
      const listArgs = deleted ? '(includeDeleted: true)' : '';
      const args = `first: 3${deleted ? ', filter: { includeDeleted: true }' : ''}`;
      const selection = `id list: ${field}${listArgs} { id } page: ${field}Connection(${args}) { totalCount nodes { id } pageInfo { hasNextPage endCursor } }`;
      const response = await api.server.query<Json>(query(selection));
      expect({ field: `${type}.${field}`, errors: response.errors }).toEqual({
        field: `${type}.${field}`,
        errors: undefined,
      });
      const parents = parentsOf(response.data as Json);
      expect(parents.length).toBeGreaterThan(0);
      let longest: Json | undefined;
      for (const parent of parents) {
        const list = (parent.list as Json[]).map((node) => node.id);
        const page = parent.page as { totalCount: number; nodes: Json[]; pageInfo: { hasNextPage: boolean } };
        expect({
          at: `${String(parent.id)}.${field}`,
          total: page.totalCount,
          first: page.nodes.map((n) => n.id),
        }).toEqual({
          at: `${String(parent.id)}.${field}`,
          total: list.length,
          first: list.slice(0, 3),
        });
        expect(page.pageInfo.hasNextPage).toBe(list.length > 3);
        if (list.length > ((longest?.list as unknown[] | undefined)?.length ?? 3)) longest = parent;
        checked += 1;
      }
      if (!longest) continue;
      // The next page of the parent with the longest list continues where the first ended.
      const after = (longest.page as { pageInfo: { endCursor: string } }).pageInfo.endCursor;
      const next = await api.server.query<{ node: { page: { nodes: Json[] } } }>(
        `query ($id: ID!, $after: String) { node(id: $id) { ... on ${type === 'PolicyField' ? 'PolicyField' : type} {
           page: ${field}Connection(${args}, after: $after) { nodes { id } } } } }`,
        { id: longest.id, after },
      );
      expect(next.errors).toBeUndefined();
      expect(next.data?.node.page.nodes.map((n) => n.id)).toEqual(
        (longest.list as Json[]).slice(3, 6).map((n) => n.id),
      );
    }
    expect(checked).toBeGreaterThan(100);
  }, 120_000);

  it("answers a nested page of SDG 11's departments as the documents say", async () => {
    const response = await api.server.query<{
      sdg: { departments: Json[]; departmentsConnection: { totalCount: number } };
    }>('{ sdg(number: 11) { departments { id } departmentsConnection(first: 2) { totalCount nodes { name } } } }');
    expect(response.errors).toBeUndefined();
    expect(response.data?.sdg.departmentsConnection.totalCount).toBe(response.data?.sdg.departments.length);
    expect(statementsOf(response)).toBeLessThanOrEqual(2);
  });

  it('checks the arguments of a folded connection before any parent reads its page', async () => {
    // The root's statement folds the page in and primes every SDG's row, arguments unchecked; the first
    // SDG's resolver checks them and the others wait for it (src/read/primed-pages.ts), so a page of 101
    // is refused as it was before there was a fast path, and never answered from the primed rows.
    const refused = await api.server.query('{ sdgs { number policyItemsConnection(first: 101) { totalCount } } }');
    expect(refused.errors?.map((error) => [error.message, (error as { path?: unknown }).path])).toEqual([
      [expect.stringContaining('first must not be greater than 100') as string, ['sdgs', 0, 'policyItemsConnection']],
    ]);
    expect(refused.data).toBeNull();
    // At the largest Int, too: a page of first + 1 rows no longer overflows Neo4j's integer in the root's statement.
    const largest = await api.server.query(
      '{ sdgs { number policyItemsConnection(first: 2147483647) { totalCount } } }',
    );
    expect(largest.errors?.map((error) => [error.message, error.extensions?.code])).toEqual([
      [expect.stringContaining('first must not be greater than 100') as string, 'BAD_USER_INPUT'],
    ]);
    // The same question within the limit: every SDG its own page, still one statement.
    type Sdg = { policyItemsConnection: { totalCount: number }; policyItems: Json[] };
    const answered = await api.server.query<{ sdgs: Sdg[] }>(
      '{ sdgs { number policyItemsConnection(first: 100) { totalCount } policyItems { id } } }',
    );
    expect(answered.errors).toBeUndefined();
    const sdgs = answered.data?.sdgs ?? [];
    expect(sdgs.length).toBe(17);
    for (const sdg of sdgs) expect(sdg.policyItemsConnection.totalCount).toBe(sdg.policyItems.length);
    expect(new Set(sdgs.map((sdg) => sdg.policyItemsConnection.totalCount)).size).toBeGreaterThan(3);
    expect(statementsOf(answered)).toBe(1);
  });
});

describe('page items', () => {
  let api: ApiFixture;
  beforeAll(async () => {
    api = await openApi();
  });
  afterAll(() => api.close());

  type Page = { edges: { cursor: string; node: Json }[] };
  const PAGES = `measures(first: 12, filter: { includeDeleted: true }) { edges { cursor node { ...Item } } }
    sdg(number: 11) { measuresConnection(first: 12) { edges { cursor node { ...Item } } } }
    department(ref: "危機管理課") { sdgsConnection(first: 5) { edges { cursor node { number } } } }`;

  it('answer the same whether the rows stand for the items or each is mapped into its class', async () => {
    // Only stored-as-is fields and relationships: the rows are the items (src/read/page/page-items.ts).
    const rows = await api.server.query<{ measures: Page; sdg: { measuresConnection: Page }; department: Json }>(
      `{ ${PAGES} } fragment Item on Measure { id code number name previousName deletionReason departments { name } }`,
    );
    // `status` and `source` are computed from stored properties: every item is mapped by Measure.from.
    const mapped = await api.server.query<{ measures: Page; sdg: { measuresConnection: Page }; department: Json }>(
      `{ ${PAGES} } fragment Item on Measure { id code number name previousName deletionReason departments { name }
         status source { document line } }`,
    );
    expect(rows.errors).toBeUndefined();
    expect(mapped.errors).toBeUndefined();
    const withoutComputed = (page: Page | undefined) =>
      page?.edges.map(({ cursor, node }) => ({
        cursor,
        node: Object.fromEntries(Object.entries(node).filter(([field]) => field !== 'status' && field !== 'source')),
      }));
    expect(rows.data?.measures.edges).toHaveLength(12);
    expect(rows.data?.sdg.measuresConnection.edges.length).toBeGreaterThan(0);
    expect(rows.data?.measures.edges).toEqual(withoutComputed(mapped.data?.measures));
    expect(rows.data?.sdg.measuresConnection.edges).toEqual(withoutComputed(mapped.data?.sdg.measuresConnection));
    expect(rows.data?.department).toEqual(mapped.data?.department);
    expect(mapped.data?.measures.edges.every(({ node }) => typeof node.status === 'string')).toBe(true);
  });
});
