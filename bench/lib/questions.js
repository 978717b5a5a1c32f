'use strict';
/**
 * The questions `npm run bench` asks each system, and how each system's answer maps to one canonical shape
 * (compared after `canonical()` sorts every list). Ours is asked as any client asks it; @neo4j/graphql with
 * the operation its generated schema offers; raw Cypher with one statement of bench/cypher/.
 * `ng` answers with `data`; `raw` with the statement's rows.
 */
const NOT_DELETED = '{ NOT: { status: { eq: "DELETED" } } }';
const first = (list) => list[0] ?? null;
/** A search hit with its score rounded: the systems read the same index, printed from floats of two encodings. */
const rankedHit = (id, score) => ({ id, score: Math.round(score * 1e4) / 1e4 });
/** min, max and average of a number, the average rounded: each system divides the same sum its own way. */
const figures = ({ min, max, average }) => ({
  min,
  max,
  average: average === null ? null : Math.round(average * 1e6) / 1e6,
});
/** The current-value and target figures of a set of indicators, as every system's answer maps them. */
const indicatorFigures = (count, current, target) => ({ count, current: figures(current), target: figures(target) });
const MIN_MAX_AVERAGE = '{ min max average }';

const QUESTIONS = [
  {
    id: 'Q1',
    title: 'Q1 measures for SDG 17 × 市民活動推進課 (code, name)',
    expect: (answer) => answer.totalCount === 9 && answer.measures.length === 9,
    ours: {
      query: '{ measures(filter: { sdg: 17, department: "市民活動推進課" }) { totalCount nodes { code name } } }',
      answer: (data) => ({ totalCount: data.measures.totalCount, measures: data.measures.nodes }),
    },
    ng: {
      query: `{ measuresConnection(where: { AND: [${NOT_DELETED},
          { policyItem: { sdgs: { some: { number: { eq: 17 } } } } },
          { departments: { some: { name: { eq: "市民活動推進課" } } } }] }, sort: [{ sortKey: ASC }]) {
        totalCount edges { node { code name } } } }`,
      answer: (data) => ({
        totalCount: data.measuresConnection.totalCount,
        measures: data.measuresConnection.edges.map((edge) => edge.node),
      }),
    },
    raw: {
      statement: 'q1-measures-for-sdg-and-department',
      params: { sdg: 17, department: '市民活動推進課' },
      answer: (rows) => ({ totalCount: rows.length, measures: rows.map(({ code, name }) => ({ code, name })) }),
    },
  },
  {
    id: 'Q2',
    title: 'Q2 fields → items → { sdgs, indicators, measures → { departments, reformSheets } }',
    expect: (answer) => answer.fields.length === 6,
    ours: {
      query: `{ fields { number name policyItems { code name sdgs { number } indicators { id name }
        measures { code name departments { name } reformSheets { code name } } } } }`,
      answer: (data) => ({ fields: data.fields }),
    },
    ng: {
      query: `{ policyFields { number name policyItems { code name sdgs { number } indicators { id name }
        measures(where: ${NOT_DELETED}) { code name departments { name } reformSheets { code name } } } } }`,
      answer: (data) => ({ fields: data.policyFields }),
    },
    raw: { statement: 'q2-fields-dashboard', params: {}, answer: (rows) => ({ fields: rows.map((row) => row.field) }) },
  },
  {
    id: 'Q3',
    title: 'Q3 one department (危機管理課) → measures + reform sheets it executes',
    expect: (answer) => answer.measures.length > 0 && answer.executes.length > 0,
    ours: {
      query:
        '{ department(ref: "危機管理課") { name measures { code name } executes: reformSheets(role: EXECUTING) { code name } } }',
      answer: (data) => data.department,
    },
    ng: {
      query: `{ departments(where: { name: { eq: "危機管理課" } }) {
        name measures(where: ${NOT_DELETED}) { code name } executes { code name } } }`,
      answer: (data) => first(data.departments),
    },
    raw: {
      statement: 'q3-department-work',
      params: { department: '危機管理課' },
      answer: (rows) => first(rows)?.department,
    },
  },
  {
    id: 'Q4',
    title: "Q4 measure 5-1-3 with its policy item's name",
    expect: (answer) => answer.code === '5-1-3' && answer.policyItem.length > 0,
    ours: {
      query: '{ measure(code: "5-1-3") { code name policyItem { name } } }',
      answer: (data) => ({
        code: data.measure.code,
        name: data.measure.name,
        policyItem: data.measure.policyItem.name,
      }),
    },
    ng: {
      query: '{ measures(where: { code: { eq: "5-1-3" } }) { code name policyItem { name } } }',
      answer: (data) => {
        const measure = first(data.measures);
        return { code: measure.code, name: measure.name, policyItem: measure.policyItem.name };
      },
    },
    raw: { statement: 'q4-measure-with-item', params: { code: '5-1-3' }, answer: (rows) => first(rows) },
  },
  {
    id: 'coverage',
    title: 'coverage matrix (department × SDG measure and reform-sheet counts)',
    expect: (answer) => answer.cells.length > 50,
    ours: {
      query: '{ sdgCoverage { cells { department { id } sdg { number } measureCount reformSheetCount } } }',
      answer: (data) => ({
        cells: data.sdgCoverage.cells.map((cell) => ({
          ...cell,
          department: cell.department.id,
          sdg: cell.sdg.number,
        })),
      }),
    },
    ng: {
      query: '{ sdgCoverage { department sdg measureCount reformSheetCount } }',
      answer: (data) => ({ cells: data.sdgCoverage }),
    },
    raw: { statement: 'coverage', params: {}, answer: (rows) => ({ cells: rows.map((row) => row.cell) }) },
  },
  {
    // Measures whose text contains a word, in no particular order: each system's substring filter over the
    // same folded text (ours `measures(filter: { text })`, which leaves out measures the next plan deletes,
    // as the others are asked to). Ranking is the next row's question.
    id: 'search',
    title: 'search: measures mentioning 防災 (substring, unranked)',
    expect: (answer) => answer.ids.length >= 3,
    ours: {
      query: '{ measures(filter: { text: "防災" }, first: 100) { nodes { id } } }',
      answer: (data) => ({ ids: data.measures.nodes.map((measure) => measure.id) }),
    },
    ng: {
      query: `{ measures(where: { AND: [${NOT_DELETED}, { searchText: { contains: "防災" } }] }) { id } }`,
      answer: (data) => ({ ids: data.measures.map((measure) => measure.id) }),
    },
    raw: {
      statement: 'search-measures',
      params: { text: '防災' },
      answer: (rows) => ({ ids: rows.map((row) => row.id) }),
    },
  },
  {
    // The same question ranked, as our search answers it: @neo4j/graphql through its own full-text query
    // (@fulltext on the same index), raw Cypher with our statement's two matches written by hand. The row
    // above compares our ranked search with an unranked substring test; this one compares like with like.
    id: 'search-ranked',
    title: 'search ranked: measures mentioning 防災, best first, with scores',
    expect: (answer) => answer.hits.length >= 3 && answer.hits.every((hit) => hit.score > 0),
    ours: {
      query: '{ search(text: "防災", types: [MEASURE], first: 100) { score node { id } } }',
      answer: (data) => ({ hits: data.search.map((hit) => rankedHit(hit.node.id, hit.score)) }),
    },
    ng: {
      query: '{ measuresByText(phrase: "\\"防災\\"", first: 100) { edges { score node { id } } } }',
      answer: (data) => ({ hits: data.measuresByText.edges.map((edge) => rankedHit(edge.node.id, edge.score)) }),
    },
    raw: {
      statement: 'search-measures-ranked',
      params: { lucene: '"防災"', text: '防災', first: 100 },
      answer: (rows) => ({ hits: rows.map((row) => rankedHit(row.id, row.score)) }),
    },
  },
  {
    id: 'page',
    title: '3-level page: 10 detailed policy items → measures → departments',
    expect: (answer) => answer.items.length === 10 && answer.totalCount > 10,
    ours: {
      query: `{ policyItems(first: 10, filter: { detailed: true }) { totalCount
        nodes { code name measures { code name departments { name } } } } }`,
      answer: (data) => ({ totalCount: data.policyItems.totalCount, items: data.policyItems.nodes }),
    },
    ng: {
      query: `{ policyItemsConnection(first: 10, where: { detailed: { eq: true } }, sort: [{ sortKey: ASC }]) {
        totalCount edges { node { code name measures(where: ${NOT_DELETED}) { code name departments { name } } } } } }`,
      answer: (data) => ({
        totalCount: data.policyItemsConnection.totalCount,
        items: data.policyItemsConnection.edges.map((edge) => edge.node),
      }),
    },
    raw: {
      statement: 'policy-item-page',
      params: { first: 10 },
      answer: (rows) => ({ totalCount: first(rows)?.totalCount ?? 0, items: rows.map((row) => row.item) }),
    },
  },
  {
    // An aggregate over a filtered set (issue: numbers): ours `aggregate` on the root connection, the peer's
    // `aggregate` on its generated connection, raw Cypher's min/max/avg.
    id: 'aggregate',
    title: 'aggregate: indicators of SDG 11, count and min/max/average of current and target',
    expect: (answer) => answer.count === 12 && answer.target.max === 60000,
    ours: {
      query: `{ indicators(filter: { sdg: 11 }) { aggregate { count current ${MIN_MAX_AVERAGE} target ${MIN_MAX_AVERAGE} } } }`,
      answer: (data) => {
        const { count, current, target } = data.indicators.aggregate;
        return indicatorFigures(count, current, target);
      },
    },
    ng: {
      query: `{ indicatorsConnection(where: { policyItem: { sdgs: { some: { number: { eq: 11 } } } } }) {
        aggregate { count { nodes } node { current ${MIN_MAX_AVERAGE} target ${MIN_MAX_AVERAGE} } } } }`,
      answer: (data) => {
        const { count, node } = data.indicatorsConnection.aggregate;
        return indicatorFigures(count.nodes, node.current, node.target);
      },
    },
    raw: {
      statement: 'aggregate-sdg-indicators',
      params: { sdg: 11 },
      answer: (rows) => indicatorFigures(rows[0].count, rows[0].current, rows[0].target),
    },
  },
  {
    // A nested page under every parent: 17 SDGs, each with its first two policy items (up to 5 contribute to one) and their total.
    id: 'nested-page',
    title: 'nested page: every SDG → first 2 policy items (code order) with totalCount',
    expect: (answer) => answer.sdgs.length === 17 && answer.sdgs.some((sdg) => sdg.totalCount > sdg.items.length),
    ours: {
      query: '{ sdgs { number policyItemsConnection(first: 2) { totalCount nodes { code name } } } }',
      answer: (data) => ({
        sdgs: data.sdgs.map(({ number, policyItemsConnection: page }) => ({
          number,
          totalCount: page.totalCount,
          items: page.nodes,
        })),
      }),
    },
    ng: {
      query: `{ sdgs { number policyItemsConnection(first: 2, sort: [{ node: { sortKey: ASC } }]) {
        totalCount edges { node { code name } } } } }`,
      answer: (data) => ({
        sdgs: data.sdgs.map(({ number, policyItemsConnection: page }) => ({
          number,
          totalCount: page.totalCount,
          items: page.edges.map((edge) => edge.node),
        })),
      }),
    },
    raw: {
      statement: 'nested-page-sdg-items',
      params: { first: 2 },
      answer: (rows) => ({ sdgs: rows.map((row) => row.sdg) }),
    },
  },
  {
    // A nested aggregate under a page: each of 10 detailed policy items with its indicators' figures.
    id: 'nested-aggregate',
    title: 'nested aggregate: 10 detailed policy items → indicators count, current and target min/max/average',
    expect: (answer) => answer.items.length === 10 && answer.items.some((item) => item.count > 0),
    ours: {
      query: `{ policyItems(first: 10, filter: { detailed: true }) { nodes { code
        indicatorsConnection { aggregate { count current ${MIN_MAX_AVERAGE} target ${MIN_MAX_AVERAGE} } } } } }`,
      answer: (data) => ({
        items: data.policyItems.nodes.map(({ code, indicatorsConnection: { aggregate } }) =>
          Object.assign({ code }, indicatorFigures(aggregate.count, aggregate.current, aggregate.target)),
        ),
      }),
    },
    ng: {
      query: `{ policyItemsConnection(first: 10, where: { detailed: { eq: true } }, sort: [{ sortKey: ASC }]) {
        edges { node { code indicatorsConnection {
          aggregate { count { nodes } node { current ${MIN_MAX_AVERAGE} target ${MIN_MAX_AVERAGE} } } } } } } }`,
      answer: (data) => ({
        items: data.policyItemsConnection.edges.map(
          ({
            node: {
              code,
              indicatorsConnection: { aggregate },
            },
          }) =>
            Object.assign(
              { code },
              indicatorFigures(aggregate.count.nodes, aggregate.node.current, aggregate.node.target),
            ),
        ),
      }),
    },
    raw: {
      statement: 'nested-aggregate-item-indicators',
      params: { first: 10 },
      answer: (rows) => ({
        items: rows.map(({ item }) =>
          Object.assign({ code: item.code }, indicatorFigures(item.count, item.current, item.target)),
        ),
      }),
    },
  },
];

/** A copy with object keys sorted and every list sorted by its elements' canonical text, at every level. */
function canonical(value) {
  if (Array.isArray(value)) {
    return value
      .map(canonical)
      .map((element) => [JSON.stringify(element), element])
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, element]) => element);
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical(value[key])]),
    );
  }
  return value;
}

/** The first place where two canonical answers differ, as `path: a ≠ b`, or null when they are equal. */
function firstDifference(a, b, path = '$') {
  if (JSON.stringify(a) === JSON.stringify(b)) return null;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${path}: ${a.length} elements ≠ ${b.length} elements`;
    for (let i = 0; i < a.length; i++) {
      const found = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (found) return found;
    }
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const found = firstDifference(a[key], b[key], `${path}.${key}`);
      if (found) return found;
    }
  }
  return `${path}: ${JSON.stringify(a)?.slice(0, 200)} ≠ ${JSON.stringify(b)?.slice(0, 200)}`;
}

module.exports = { QUESTIONS, canonical, firstDifference };
