import fc from 'fast-check';
import { openApi, type ApiFixture } from '../../helpers/api-fixture';
import type { GraphQLResponse } from '../../helpers/test-server';

type Json = Record<string, unknown>;

/** Statements the request ran, as the cost report says. */
function statementsOf(response: GraphQLResponse): number {
  return (response.extensions?.cypher as { queries: number }).queries;
}

/**
 * The benchmark's questions (bench/lib/questions.js) as our clients send them. Those with relationship
 * fields select their nodes through a named fragment, so the same selection can also be asked through
 * `node(id:)`: a root of interface type, which the compiler leaves to the loaders — the path every request
 * took before the compiler, and the reference for "the same answer, in the same order".
 */
const NESTED = [
  {
    name: 'Q2 fields → items → { sdgs, indicators, measures → { departments, reformSheets } }',
    query: '{ fields { ...Selected } }',
    nodes: (data: Json) => data.fields as Json[],
    fragment: `fragment Selected on PolicyField { id number name policyItems { code name sdgs { number }
      indicators { id name } measures { code name departments { name } reformSheets { code name } } } }`,
  },
  {
    name: 'Q3 one department → measures + reform sheets it executes',
    query: '{ department(ref: "危機管理課") { ...Selected } }',
    nodes: (data: Json) => [data.department as Json],
    fragment: `fragment Selected on Department { id name measures { code name }
      executes: reformSheets(role: EXECUTING) { code name } }`,
  },
  {
    name: "Q4 measure 5-1-3 with its policy item's name",
    query: '{ measure(code: "5-1-3") { ...Selected } }',
    nodes: (data: Json) => [data.measure as Json],
    fragment: 'fragment Selected on Measure { id code name policyItem { name } }',
  },
  {
    name: '3-level page: 10 detailed policy items → measures → departments',
    query: '{ policyItems(first: 10, filter: { detailed: true }) { totalCount nodes { ...Selected } } }',
    nodes: (data: Json) => (data.policyItems as { nodes: Json[] }).nodes,
    fragment: 'fragment Selected on PolicyItem { id code name measures { code name departments { name } } }',
  },
];

/** The benchmark's questions without relationship fields: nothing to compile, one statement as before. */
const Q1 = '{ measures(filter: { sdg: 17, department: "市民活動推進課" }) { totalCount nodes { code name } } }';
const FLAT = [
  Q1,
  '{ sdgCoverage { cells { department { id } sdg { number } measureCount reformSheetCount } } }',
  '{ measures(filter: { text: "防災" }, first: 100) { nodes { id } } }',
  '{ search(text: "防災", types: [MEASURE], first: 100) { score node { id } } }',
];

describe('the selection compiler (one statement per root field)', () => {
  let api: ApiFixture;
  beforeAll(async () => {
    api = await openApi();
  });
  afterAll(() => api.close());

  /** The same nodes asked one alias each through `node(id:)`, which resolves every level through the loaders. */
  async function throughLoaders(ids: readonly string[], fragment: string): Promise<GraphQLResponse<Json>> {
    const aliases = ids.map((_, i) => `n${i}: node(id: $id${i}) { ...Selected }`).join(' ');
    const variables = ids.map((_, i) => `$id${i}: ID!`).join(', ');
    return api.server.query<Json>(
      `query (${variables}) { ${aliases} } ${fragment}`,
      Object.fromEntries(ids.map((id, i) => [`id${i}`, id])),
    );
  }

  it.each(NESTED)('$name: answers as the loaders do, in one statement', async ({ query, nodes, fragment }) => {
    const compiled = await api.server.query<Json>(`${query} ${fragment}`);
    expect(compiled.errors).toBeUndefined();
    expect(statementsOf(compiled)).toBe(1);
    const answer = nodes(compiled.data as Json);
    expect(answer.length).toBeGreaterThan(0);

    const reference = await throughLoaders(
      answer.map((node) => node.id as string),
      fragment,
    );
    expect(reference.errors).toBeUndefined();
    expect(statementsOf(reference)).toBeGreaterThan(1);
    expect(answer).toEqual(Object.values(reference.data as Json));
  });

  it.each(FLAT)('%s: one statement', async (query) => {
    const response = await api.server.query(query);
    expect(response.errors).toBeUndefined();
    expect(statementsOf(response)).toBe(1);
  });

  it('answers Q1 as the documents say (9 measures of SDG 17 for 市民活動推進課, 5-1-1 first)', async () => {
    const response = await api.server.query<{ measures: { totalCount: number; nodes: { code: string }[] } }>(Q1);
    expect(response.data?.measures.totalCount).toBe(9);
    expect(response.data?.measures.nodes[0]?.code).toBe('5-1-1');
  });

  it('reads nothing below the look-ahead node of a page, and answers every page size as its own request does', async () => {
    // A page reads one node past `first` to know whether a next page exists; nothing is read below that node
    // (compile-prefetch.ts). The same node shown by a longer page of the same operation (`b`) must still get
    // its relationships and nested pages, not an empty answer primed for the look-ahead (execute-read.ts).
    const selections = [
      'code measures { code departments { name } }',
      'code indicatorsConnection { totalCount aggregate { count } }',
      'code indicatorsConnection(first: 2) { totalCount nodes { id name } }',
      'code sdgs { number } measuresConnection(first: 1) { totalCount nodes { code } }',
    ];
    const page = (alias: string, first: number, selection: string): string =>
      `${alias}: policyItems(first: ${first}, filter: { detailed: true }) { pageInfo { hasNextPage } nodes { ${selection} } }`;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 12 }), fc.constantFrom(...selections), async (first, selection) => {
        const together = await api.server.query<Record<string, Json>>(
          `{ ${page('a', first, selection)} ${page('b', first + 1, selection)} }`,
        );
        const alone = await api.server.query<Record<string, Json>>(`{ ${page('b', first + 1, selection)} }`);
        expect(together.errors).toBeUndefined();
        expect(alone.errors).toBeUndefined();
        const a = together.data?.a as { nodes: Json[]; pageInfo: Json };
        const b = together.data?.b as { nodes: Json[] };
        expect(b).toEqual(alone.data?.b);
        expect(a.nodes).toHaveLength(Math.min(first, b.nodes.length));
        expect(a.pageInfo).toEqual({ hasNextPage: b.nodes.length > first });
        expect(a.nodes).toEqual(b.nodes.slice(0, first));
      }),
      { numRuns: 25 },
    );
  });

  it('runs one statement per root field when several are asked', async () => {
    const response = await api.server.query(
      `{ measure(code: "5-1-3") { policyItem { name } } fields { policyItems { code } }
         policyItems(first: 3) { nodes { measures { departments { name } } } } }`,
    );
    expect(response.errors).toBeUndefined();
    expect(statementsOf(response)).toBe(3);
  });

  it('answers a nested connection below the root, and what its nodes select, in the root statement', async () => {
    const selection = 'measuresConnection(first: 5) { totalCount nodes { code departments { name } sdgs { number } } }';
    const nested = await api.server.query<{ sdgs: { measuresConnection: { nodes: Json[] } }[] }>(
      `{ sdgs { number ${selection} } }`,
    );
    expect(nested.errors).toBeUndefined();
    // The SDGs, the pages of all 17 and their measures' departments and SDGs: one statement (its own
    // statement for the pages, and the loaders for their relationships, would be three more).
    expect(statementsOf(nested)).toBe(1);
    const measures = (nested.data?.sdgs ?? []).flatMap((sdg) => sdg.measuresConnection.nodes);
    expect(measures.length).toBeGreaterThan(17);
    // Checked against the loaders for the first 15 (the alias limit), each asked through `node(id:)`.
    const checked = measures.slice(0, 15);
    const reference = await throughLoaders(
      checked.map((measure) => `measure:${String(measure.code)}`),
      'fragment Selected on Measure { code departments { name } sdgs { number } }',
    );
    expect(reference.errors).toBeUndefined();
    expect(checked).toEqual(Object.values(reference.data as Json));
  });

  it('answers aggregates, facets and the relationship fields of a page in the page statement', async () => {
    const response = await api.server.query<{ indicators: { totalCount: number; aggregate: { count: number } } }>(
      `{ indicators(filter: { sdgsAll: [11, 17] }, first: 5) { totalCount facets { fields { number count } }
         aggregate { count current { min max average } achievementRate(fiscalYear: 2024) { average } }
         nodes { name policyItem { code sdgs { number } } } } }`,
    );
    expect(response.errors).toBeUndefined();
    expect(statementsOf(response)).toBe(1);
    expect(response.data?.indicators.aggregate.count).toBe(response.data?.indicators.totalCount);
  });

  /** The nested pages of every SDG, folded into the root statement, against each SDG asked through `node(id:)`. */
  async function expectFoldedPages(fragment: string, variables: Json = {}, declared = ''): Promise<Json[]> {
    const response = await api.server.query<{ sdgs: Json[] }>(
      `query ${declared} { sdgs { ...Selected } } ${fragment}`,
      variables,
    );
    expect(response.errors).toBeUndefined();
    // The SDGs, their nested pages, the pages' aggregates and what their nodes select: one statement,
    // however many SDGs and nested questions.
    expect(statementsOf(response)).toBe(1);
    const sdgs = response.data?.sdgs ?? [];
    expect(sdgs).toHaveLength(17);
    // The reference resolves every nested page through its own statement (a root of interface type is not
    // compiled); the 7 SDGs with the most to list (each alias counts, at most 15 a request) must come out the same.
    const richest = [...sdgs].sort((a, b) => JSON.stringify(b).length - JSON.stringify(a).length).slice(0, 7);
    const ids = richest.map((sdg) => sdg.id as string);
    const aliases = ids.map((_, i) => `n${i}: node(id: $id${i}) { ...Selected }`).join(' ');
    const idVariables = ids.map((_, i) => `$id${i}: ID!`).join(', ');
    const reference = await api.server.query<Json>(
      `query (${[idVariables, declared.replace(/^\(|\)$/g, '')].filter(Boolean).join(', ')}) { ${aliases} } ${fragment}`,
      Object.assign(Object.fromEntries(ids.map((id, i) => [`id${i}`, id])), variables),
    );
    expect(reference.errors).toBeUndefined();
    expect(statementsOf(reference)).toBeGreaterThan(1);
    expect(richest).toEqual(Object.values(reference.data as Json));
    return sdgs;
  }

  it('answers the nested pages of every parent, with their aggregates, in the root statement', async () => {
    const sdgs = await expectFoldedPages(`fragment Selected on Sdg { id number
      departmentsConnection(first: 2) { totalCount aggregate { count } nodes { name } pageInfo { hasNextPage endCursor } }
      sheets: reformSheetsConnection(first: 2, filter: { evaluationsNone: ["D"] }) {
        aggregate { count number { max } } nodes { code measures { code } } } }`);
    expect(sdgs.some((sdg) => (sdg.departmentsConnection as { totalCount: number }).totalCount > 2)).toBe(true);
  });

  it('folds pages of pages, three deep (the depth limit), plain and filtered kinds, into the root statement', async () => {
    const sdgs = await expectFoldedPages(`fragment Selected on Sdg { id
      policyItemsConnection(first: 2) { totalCount nodes { code
        indicatorsConnection(first: 1) { totalCount aggregate { count current { max } } nodes { id name } }
        measuresConnection(first: 2, filter: { departments: ["危機管理課", "市民活動推進課"] }) { totalCount nodes { code
          departmentsConnection(first: 1) { totalCount aggregate { count } nodes { name nameEn } } } } } } }`);
    type Level = { totalCount: number; nodes: Json[] };
    const items = sdgs.flatMap((sdg) => (sdg.policyItemsConnection as Level).nodes);
    const measures = items.flatMap((item) => (item.measuresConnection as Level).nodes);
    const departments = measures.flatMap((measure) => (measure.departmentsConnection as Level).nodes);
    // Every level has something to list, so each folded page answered below the one above it.
    expect(items.length).toBeGreaterThan(2);
    expect(measures.length).toBeGreaterThan(2);
    expect(departments.length).toBeGreaterThan(2);
  });

  it('folds the pages below relationship fields, and the pages below those pages, into the root statement', async () => {
    const sdgs = await expectFoldedPages(`fragment Selected on Sdg { id
      policyItems { code measuresConnection(first: 2) { totalCount aggregate { count } nodes { code
        departmentsConnection(first: 1) { totalCount nodes { name } } } } }
      departments { name sdgsConnection(first: 2) { totalCount nodes { number } } } }`);
    type Page = { totalCount: number; nodes: Json[] };
    const items = sdgs.flatMap((sdg) => sdg.policyItems as Json[]);
    const measures = items.flatMap((item) => (item.measuresConnection as Page).nodes);
    const departments = sdgs.flatMap((sdg) => sdg.departments as Json[]);
    expect(measures.length).toBeGreaterThan(2);
    expect(measures.every((measure) => (measure.departmentsConnection as Page).totalCount >= 1)).toBe(true);
    expect(departments.some((department) => (department.sdgsConnection as Page).totalCount > 2)).toBe(true);
  });

  it('folds nested pages asked with variables, a filter by department name, an order and a cursor', async () => {
    const fragment = `fragment Selected on Sdg { id
      measuresConnection(first: $size, filter: { department: $department }, orderBy: [{ field: NAME, direction: DESC }]) {
        totalCount aggregate { count departmentCount { max } } nodes { code name } pageInfo { endCursor } }
      rest: measuresConnection(first: 3, after: $after) { nodes { code } } }`;
    // after: the cursor of measure 5-1-1 (sortKey 05-01-01) in code order.
    const variables = { size: 2, department: '市民活動推進課', after: 'YzE6MDUtMDEtMDE' };
    const declared = '($size: Int!, $department: String!, $after: String)';
    const sdgs = await expectFoldedPages(fragment, variables, declared);
    const sdg17 = sdgs.find((sdg) => sdg.id === 'sdg:17') as { measuresConnection: { totalCount: number } };
    // The 9 measures of SDG 17 for 市民活動推進課 (the canonical question), paged two at a time.
    expect(sdg17.measuresConnection.totalCount).toBe(9);
  });

  it('leaves a nested page its resolver refuses to that resolver, which answers the error at its path', async () => {
    const response = await api.server.query(
      '{ sdgs { number good: departmentsConnection { totalCount } bad: measuresConnection(after: "not a cursor") { totalCount } } }',
    );
    // As before anything was folded: the refusal is the field's, with its path and code (the root's
    // statement did not fail on it, or the error would be the root's, at ['sdgs']).
    const [error] = response.errors ?? [];
    expect((error as { path?: unknown[] } | undefined)?.path).toEqual(['sdgs', 0, 'bad']);
    expect(error?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });

  it('answers a nested aggregate below a root page in the page statement', async () => {
    const response = await api.server.query<{ policyItems: { nodes: Json[] } }>(
      `{ policyItems(first: 10, filter: { detailed: true }) { nodes { code
         indicatorsConnection { aggregate { count current { min max average } target { min max average } } } } } }`,
    );
    expect(response.errors).toBeUndefined();
    expect(statementsOf(response)).toBe(1);
    expect(response.data?.policyItems.nodes).toHaveLength(10);
  });

  it('leaves fields it does not know to their resolvers, below fields it compiled', async () => {
    // collaborators is computed by its own statement; the departments above it come from the compiled one.
    const selection = 'departments { name collaborators { department { name } sharedMeasures sharedReformSheets } }';
    const compiled = await api.server.query<{ measure: Json }>(`{ measure(code: "5-1-1") { ${selection} } }`);
    const reference = await api.server.query<{ node: Json }>(
      `{ node(id: "measure:5-1-1") { ... on Measure { ${selection} } } }`,
    );
    expect(compiled.errors).toBeUndefined();
    expect(statementsOf(compiled)).toBe(2);
    expect(statementsOf(reference)).toBe(3);
    expect(compiled.data?.measure).toEqual(reference.data?.node);
    // 5-1-1 is answered by two departments (自治会の支援: 市民活動推進課 and 危機管理課).
    expect((compiled.data?.measure.departments as unknown[]).length).toBe(2);
  });

  it('keeps the filtering arguments of nested fields (includeDeleted) and the paging of the root', async () => {
    const selection = 'code measures(includeDeleted: true) { code status } current: measures { code }';
    const compiled = await api.server.query<{ policyItems: { nodes: Json[] } }>(
      `{ policyItems(first: 20, filter: { field: 5 }) { nodes { id ${selection} } } }`,
    );
    expect(compiled.errors).toBeUndefined();
    const items = compiled.data?.policyItems.nodes ?? [];
    const withDeleted = items.filter((item) =>
      (item.measures as { status: string }[]).some((measure) => measure.status === 'DELETED'),
    );
    expect(withDeleted.length).toBeGreaterThan(0);
    for (const item of withDeleted) {
      expect((item.current as unknown[]).length).toBeLessThan((item.measures as unknown[]).length);
    }
    const reference = await throughLoaders(
      items.map((item) => item.id as string),
      `fragment Selected on PolicyItem { id ${selection} }`,
    );
    expect(items).toEqual(Object.values(reference.data as Json));
  });

  it('leaves long texts out of projected nodes only when no field of the request reads them', async () => {
    // `a` primes the loader of 5-1's measures through the compiled statement; `b` reads the same loader.
    const both = await api.server.query<{ b: { measures: Json[] } }>(
      `{ a: measure(code: "5-1-3") { policyItem { measures { code } } }
         b: node(id: "policy-item:5-1") { ... on PolicyItem { measures { code description } } } }`,
    );
    const alone = await api.server.query<{ b: { measures: Json[] } }>(
      '{ b: node(id: "policy-item:5-1") { ... on PolicyItem { measures { code description } } } }',
    );
    expect(both.errors).toBeUndefined();
    expect(both.data?.b).toEqual(alone.data?.b);
    expect(alone.data?.b.measures.some((measure) => typeof measure.description === 'string')).toBe(true);
  });
});
