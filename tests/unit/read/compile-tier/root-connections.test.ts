import { compiledSelection, graphql } from '../../../helpers/compiled-selection';
import { encodeCursor, encodePositionCursor } from '../../../../src/read/page/cursor';

/**
 * The compile tier, root connections: a GraphQL selection in, the one statement and its parameters out, with
 * no database (tests/helpers/compiled-selection.ts). A change to the page compiler, a fragment or a page spec
 * that moves a statement shows here as a changed snapshot, to be explained in its commit. Each kind is asked
 * without arguments, filtered (an anchor, the rest of the tree, `or`/`not`), sorted, with its facets, its
 * aggregates, and for its counts alone.
 */
describe('compile tier: root connections', () => {
  it('measures: the first page in code order, the deleted left out', async () => {
    expect(
      await compiledSelection(graphql`
        {
          measures(first: 2) {
            totalCount
            nodes {
              code
              name
            }
          }
        }
      `),
    ).toMatchInlineSnapshot(`
"MATCH (n:Measure)
WITH n
WHERE (true) AND (n.status <> 'DELETED')
WITH n, [] AS position
ORDER BY n.sortKey
WITH collect({node: n, position: position}) AS matched
WITH matched, [x IN matched WHERE $afterKey IS NULL OR ((x.node.sortKey > $afterKey))][0..$limit] AS page
RETURN size(matched) AS totalCount, [node IN [x IN page | x.node] | node {.id, .sortKey, .code, .name, .status}] AS pageNodes, [x IN page | x.position] AS pagePositions,
{} AS facets, {} AS aggregates
-- params
{
 "after": null,
 "afterKey": null,
 "afterValues": [],
 "limit": 3
}"
`);
  });

  it('measures: a department anchors the match, the rest of the filter is tested after it', async () => {
    expect(
      await compiledSelection(graphql`
        {
          measures(first: 5, filter: { department: "農政課", sdg: 2, text: "農業" }) {
            totalCount
            nodes {
              code
            }
          }
        }
      `),
    ).toMatchInlineSnapshot(`
"MATCH (a:Department)-[:RESPONSIBLE_FOR]->(n:Measure)
WHERE a.id IN $c0
WITH DISTINCT n
CALL (n) {
MATCH (i:PolicyItem)-[:HAS_MEASURE]->(n)
RETURN i
}
WITH n, i
WHERE ((EXISTS { (i)-[:CONTRIBUTES_TO]->(s:Sdg) WHERE s.number IN $c1 }) AND (n.searchText CONTAINS $c2)) AND (n.status <> 'DELETED')
WITH n, [] AS position
ORDER BY n.sortKey
WITH collect({node: n, position: position}) AS matched
WITH matched, [x IN matched WHERE $afterKey IS NULL OR ((x.node.sortKey > $afterKey))][0..$limit] AS page
RETURN size(matched) AS totalCount, [node IN [x IN page | x.node] | node {.id, .sortKey, .code, .status}] AS pageNodes, [x IN page | x.position] AS pagePositions,
{} AS facets, {} AS aggregates
-- params
{
 "c0": [
  "department:agricultural-policy"
 ],
 "c1": [
  2
 ],
 "c2": "農業",
 "after": null,
 "afterKey": null,
 "afterValues": [],
 "limit": 6
}"
`);
  });

  it('measures: or, not and the list forms of a filter', async () => {
    expect(
      await compiledSelection(graphql`
        {
          measures(
            filter: {
              or: [{ fields: [1, 2] }, { sdgsAll: [3, 4] }]
              not: { status: [NEW] }
              departmentsNone: ["行政管理課"]
            }
          ) {
            totalCount
          }
        }
      `),
    ).toMatchInlineSnapshot(`
"MATCH (n:Measure)
CALL (n) {
MATCH (i:PolicyItem)-[:HAS_MEASURE]->(n)
RETURN i
}
WITH n, i
WHERE ((NOT coalesce((EXISTS { (n)<-[:RESPONSIBLE_FOR]-(d:Department) WHERE d.id IN $c0 }), false)) AND (NOT (n.status IN $c1)) AND ((i.fieldNumber IN $c2) OR ((EXISTS { (i)-[:CONTRIBUTES_TO]->(s:Sdg) WHERE s.number IN $c3 }) AND (EXISTS { (i)-[:CONTRIBUTES_TO]->(s:Sdg) WHERE s.number IN $c4 })))) AND (n.status <> 'DELETED')
WITH count(n) AS totalCount
RETURN totalCount, [] AS pageNodes, [] AS pagePositions, {} AS facets, {} AS aggregates
-- params
{
 "c0": [
  "department:administrative-management"
 ],
 "c1": [
  "NEW"
 ],
 "c2": [
  1,
  2
 ],
 "c3": [
  3
 ],
 "c4": [
  4
 ]
}"
`);
  });

  it('measures: sorted by two keys, with a cursor of that order', async () => {
    const after = encodePositionCursor('measures:DEPARTMENT_COUNT.DESC,NAME.ASC', {
      values: [3, '農業振興'],
      sortKey: '05-01-003',
    });
    expect(
      await compiledSelection(
        graphql`
          query ($after: String) {
            measures(
              first: 3
              after: $after
              orderBy: [{ field: DEPARTMENT_COUNT, direction: DESC }, { field: NAME }]
            ) {
              nodes {
                code
              }
              pageInfo {
                endCursor
                hasNextPage
              }
            }
          }
        `,
        { after },
      ),
    ).toMatchInlineSnapshot(`
"MATCH (n:Measure)
WITH n
WHERE (true) AND (n.status <> 'DELETED')
WITH n, [COUNT { (n)<-[:RESPONSIBLE_FOR]-(:Department) }, n.name] AS position
ORDER BY position[0] IS NULL, position[0] DESC, position[1] IS NULL, position[1] ASC, n.sortKey
WITH collect({node: n, position: position}) AS matched
WITH matched, [x IN matched WHERE $afterKey IS NULL OR ((($afterValues[0] IS NOT NULL AND (x.position[0] IS NULL OR x.position[0] < $afterValues[0]))) OR (((x.position[0] IS NULL) = ($afterValues[0] IS NULL) AND (x.position[0] IS NULL OR x.position[0] = $afterValues[0])) AND ($afterValues[1] IS NOT NULL AND (x.position[1] IS NULL OR x.position[1] > $afterValues[1]))) OR (((x.position[0] IS NULL) = ($afterValues[0] IS NULL) AND (x.position[0] IS NULL OR x.position[0] = $afterValues[0])) AND ((x.position[1] IS NULL) = ($afterValues[1] IS NULL) AND (x.position[1] IS NULL OR x.position[1] = $afterValues[1])) AND x.node.sortKey > $afterKey))][0..$limit] AS page
RETURN size(matched) AS totalCount, [node IN [x IN page | x.node] | node {.id, .sortKey, .code, .status}] AS pageNodes, [x IN page | x.position] AS pagePositions,
{} AS facets, {} AS aggregates
-- params
{
 "after": "05-01-003",
 "afterKey": "05-01-003",
 "afterValues": [
  3,
  "農業振興"
 ],
 "limit": 4
}"
`);
  });

  it('measures: facets and aggregates beside the page', async () => {
    expect(
      await compiledSelection(graphql`
        {
          measures(first: 1, filter: { field: 5 }) {
            totalCount
            facets {
              departments {
                count
              }
              fields {
                count
              }
              sdgs {
                count
              }
              statuses {
                count
              }
            }
            aggregate {
              count
              number {
                min
                max
                average
                sum
              }
              departmentCount {
                max
              }
            }
            nodes {
              code
            }
          }
        }
      `),
    ).toMatchInlineSnapshot(`
"UNWIND $c0 AS number
MATCH (a:Field {id: 'field:' + toString(toInteger(number))})-[:HAS_ITEM]->(:PolicyItem)-[:HAS_MEASURE]->(n:Measure)
WITH DISTINCT n
WITH n
WHERE (n.status <> 'DELETED')
WITH n, [] AS position
ORDER BY n.sortKey
WITH collect({node: n, position: position}) AS matched
WITH matched, [x IN matched WHERE $afterKey IS NULL OR ((x.node.sortKey > $afterKey))][0..$limit] AS page
CALL (matched) {
UNWIND matched AS x
WITH x.node AS n
MATCH (n)<-[:RESPONSIBLE_FOR]-(d:Department)
WITH d, count(DISTINCT n) AS count
ORDER BY count DESC, d.sortKey
RETURN collect({id: d.id, name: d.name, nameEn: d.nameEn, count: count}) AS facet
}
WITH matched, page, facet AS facet0
CALL (matched) {
UNWIND matched AS x
WITH x.node AS n
MATCH (n)<-[:HAS_MEASURE]-(i:PolicyItem)
WITH i.fieldNumber AS number, count(DISTINCT n) AS count
ORDER BY number
RETURN collect({number: number, count: count}) AS facet
}
WITH matched, page, facet0, facet AS facet1
CALL (matched) {
UNWIND matched AS x
WITH x.node AS n
MATCH (n)<-[:HAS_MEASURE]-(:PolicyItem)-[:CONTRIBUTES_TO]->(s:Sdg)
WITH s.number AS number, count(DISTINCT n) AS count
ORDER BY number
RETURN collect({number: number, count: count}) AS facet
}
WITH matched, page, facet0, facet1, facet AS facet2
CALL (matched) {
UNWIND matched AS x
WITH x.node.status AS status, count(*) AS count
ORDER BY status
RETURN collect({status: status, count: count}) AS facet
}
WITH matched, page, facet0, facet1, facet2, facet AS facet3
CALL (matched) {
UNWIND matched AS x
WITH x.node AS n
WITH (n.number) AS v
WHERE v IS NOT NULL
RETURN [count(v), min(v), max(v), avg(v), sum(v)] AS aggregate
}
WITH matched, page, facet0, facet1, facet2, facet3, aggregate AS aggregate0
CALL (matched) {
UNWIND matched AS x
WITH x.node AS n
WITH (COUNT { (n)<-[:RESPONSIBLE_FOR]-(:Department) }) AS v
WHERE v IS NOT NULL
RETURN [count(v), min(v), max(v), avg(v), sum(v)] AS aggregate
}
WITH matched, page, facet0, facet1, facet2, facet3, aggregate0, aggregate AS aggregate1
RETURN size(matched) AS totalCount, [node IN [x IN page | x.node] | node {.id, .sortKey, .code, .status}] AS pageNodes, [x IN page | x.position] AS pagePositions,
{departments: facet0, fields: facet1, sdgs: facet2, statuses: facet3} AS facets, {\`number\`: aggregate0, \`departmentCount\`: aggregate1} AS aggregates
-- params
{
 "c0": [
  5
 ],
 "after": null,
 "afterKey": null,
 "afterValues": [],
 "limit": 2
}"
`);
  });

  it('measures: counts and aggregates alone, aggregated as they are matched', async () => {
    expect(
      await compiledSelection(graphql`
        {
          measures(filter: { sdg: 11 }) {
            totalCount
            aggregate {
              departmentCount {
                average
              }
            }
          }
        }
      `),
    ).toMatchInlineSnapshot(`
"MATCH (a:Sdg)<-[:CONTRIBUTES_TO]-(:PolicyItem)-[:HAS_MEASURE]->(n:Measure)
WHERE a.number IN $c0
WITH DISTINCT n
WITH n
WHERE (n.status <> 'DELETED')
WITH n, COUNT { (n)<-[:RESPONSIBLE_FOR]-(:Department) } AS v0
WITH count(n) AS totalCount, {\`departmentCount\`: [count(v0), min(v0), max(v0), avg(v0), sum(v0)]} AS aggregates
RETURN totalCount, [] AS pageNodes, [] AS pagePositions, {} AS facets, aggregates
-- params
{
 "c0": [
  11
 ]
}"
`);
  });

  it('measures: facets alone list no item', async () => {
    expect(
      await compiledSelection(graphql`
        {
          measures {
            facets {
              sdgs {
                count
              }
            }
          }
        }
      `),
    ).toMatchInlineSnapshot(`
"MATCH (n:Measure)
WITH n
WHERE (true) AND (n.status <> 'DELETED')
WITH n, [] AS position
ORDER BY n.sortKey
WITH collect({node: n, position: position}) AS matched
WITH matched, [x IN matched WHERE $afterKey IS NULL OR ((x.node.sortKey > $afterKey))][0..$limit] AS page
CALL (matched) {
UNWIND matched AS x
WITH x.node AS n
MATCH (n)<-[:HAS_MEASURE]-(:PolicyItem)-[:CONTRIBUTES_TO]->(s:Sdg)
WITH s.number AS number, count(DISTINCT n) AS count
ORDER BY number
RETURN collect({number: number, count: count}) AS facet
}
WITH matched, page, facet AS facet0
RETURN size(matched) AS totalCount, [node IN [x IN page | x.node] | node {.id, .sortKey, .status}] AS pageNodes, [x IN page | x.position] AS pagePositions,
{sdgs: facet0} AS facets, {} AS aggregates
-- params
{
 "after": null,
 "afterKey": null,
 "afterValues": [],
 "limit": 0
}"
`);
  });

  it('policyItems: filtered by department and linkage plan, sorted by a declared rank', async () => {
    expect(
      await compiledSelection(graphql`
        {
          policyItems(
            first: 3
            filter: { departments: ["農政課"], linkagePlan: 1, detailed: true }
            orderBy: [{ field: IMPORTANCE_RANK }]
          ) {
            totalCount
            nodes {
              code
              name
            }
          }
        }
      `),
    ).toMatchInlineSnapshot(`
"MATCH (a:Department)-[:RESPONSIBLE_FOR]->(:Measure)<-[:HAS_MEASURE]-(n:PolicyItem)
WHERE a.id IN $c0
WITH DISTINCT n
WITH n
WHERE (EXISTS {
(n)-[:HAS_MEASURE]->(m:Measure)<-[:RESPONSIBLE_FOR]-(d:Department)
WHERE m.status <> 'DELETED' AND d.id IN $c1
}) AND (EXISTS { (n)<-[:TARGETS]-(:Initiative)<-[:HAS_INITIATIVE]-(p:LinkagePlan) WHERE p.number IN $c2 }) AND (n.detailed = $c3)
WITH n, [n.importanceRank] AS position
ORDER BY position[0] IS NULL, position[0] ASC, n.sortKey
WITH collect({node: n, position: position}) AS matched
WITH matched, [x IN matched WHERE $afterKey IS NULL OR ((($afterValues[0] IS NOT NULL AND (x.position[0] IS NULL OR x.position[0] > $afterValues[0]))) OR (((x.position[0] IS NULL) = ($afterValues[0] IS NULL) AND (x.position[0] IS NULL OR x.position[0] = $afterValues[0])) AND x.node.sortKey > $afterKey))][0..$limit] AS page
RETURN size(matched) AS totalCount, [node IN [x IN page | x.node] | node {.id, .sortKey, .code, .name}] AS pageNodes, [x IN page | x.position] AS pagePositions,
{} AS facets, {} AS aggregates
-- params
{
 "c0": [
  "department:agricultural-policy"
 ],
 "c1": [
  "department:agricultural-policy"
 ],
 "c2": [
  1
 ],
 "c3": true,
 "after": null,
 "afterKey": null,
 "afterValues": [],
 "limit": 4
}"
`);
  });

  it('policyItems: facets, aggregates and a plain cursor', async () => {
    expect(
      await compiledSelection(
        graphql`
          query ($after: String) {
            policyItems(first: 2, after: $after) {
              facets {
                departments {
                  count
                }
                fields {
                  count
                }
                sdgs {
                  count
                }
              }
              aggregate {
                measureCount {
                  sum
                }
                number {
                  max
                }
              }
              nodes {
                code
              }
            }
          }
        `,
        { after: encodeCursor('03-02') },
      ),
    ).toMatchInlineSnapshot(`
"MATCH (n:PolicyItem)
WITH n, [] AS position
ORDER BY n.sortKey
WITH collect({node: n, position: position}) AS matched
WITH matched, [x IN matched WHERE $afterKey IS NULL OR ((x.node.sortKey > $afterKey))][0..$limit] AS page
CALL (matched) {
UNWIND matched AS x
WITH x.node AS n
MATCH (n)-[:HAS_MEASURE]->(m:Measure)<-[:RESPONSIBLE_FOR]-(d:Department)
WHERE m.status <> 'DELETED'
WITH d, count(DISTINCT n) AS count
ORDER BY count DESC, d.sortKey
RETURN collect({id: d.id, name: d.name, nameEn: d.nameEn, count: count}) AS facet
}
WITH matched, page, facet AS facet0
CALL (matched) {
UNWIND matched AS x
WITH x.node.fieldNumber AS number, count(*) AS count
ORDER BY number
RETURN collect({number: number, count: count}) AS facet
}
WITH matched, page, facet0, facet AS facet1
CALL (matched) {
UNWIND matched AS x
WITH x.node AS n
MATCH (n)-[:CONTRIBUTES_TO]->(s:Sdg)
WITH s.number AS number, count(DISTINCT n) AS count
ORDER BY number
RETURN collect({number: number, count: count}) AS facet
}
WITH matched, page, facet0, facet1, facet AS facet2
CALL (matched) {
UNWIND matched AS x
WITH x.node AS n
WITH (COUNT { (n)-[:HAS_MEASURE]->(m:Measure) WHERE m.status <> 'DELETED' }) AS v
WHERE v IS NOT NULL
RETURN [count(v), min(v), max(v), avg(v), sum(v)] AS aggregate
}
WITH matched, page, facet0, facet1, facet2, aggregate AS aggregate0
CALL (matched) {
UNWIND matched AS x
WITH x.node AS n
WITH (n.number) AS v
WHERE v IS NOT NULL
RETURN [count(v), min(v), max(v), avg(v), sum(v)] AS aggregate
}
WITH matched, page, facet0, facet1, facet2, aggregate0, aggregate AS aggregate1
RETURN size(matched) AS totalCount, [node IN [x IN page | x.node] | node {.id, .sortKey, .code}] AS pageNodes, [x IN page | x.position] AS pagePositions,
{departments: facet0, fields: facet1, sdgs: facet2} AS facets, {\`measureCount\`: aggregate0, \`number\`: aggregate1} AS aggregates
-- params
{
 "after": "03-02",
 "afterKey": "03-02",
 "afterValues": [],
 "limit": 3
}"
`);
  });

  it('indicators: number comparisons, outlook and direction, sorted by relative change', async () => {
    expect(
      await compiledSelection(graphql`
        {
          indicators(
            first: 4
            filter: { target: { gte: 50 }, current: { lt: 100 }, outlook: [ON_TRACK], direction: INCREASE }
            orderBy: [{ field: RELATIVE_CHANGE, direction: DESC }]
          ) {
            totalCount
            nodes {
              name
              target
              current
            }
          }
        }
      `),
    ).toMatchInlineSnapshot(`
"MATCH (n:Indicator)
WITH n
WHERE (n.direction IN $c0) AND (([l IN [COLLECT {
MATCH (r:Record:IndicatorResult {subjectId: n.id})
WHERE coalesce(r.retracted, false) = false
RETURN {value: r.value, year: r.fiscalYear} ORDER BY r.fiscalYear DESC, r.revision DESC LIMIT 1
}[0]] |
[t0 IN [coalesce($c1.overrides[n.id].baselineFiscalYear, $c1.baselineFiscalYear)] |
[tT IN [coalesce($c1.overrides[n.id].targetFiscalYear, $c1.targetFiscalYear)] |
CASE
WHEN n.target IS NULL THEN 'NOT_ASSESSED'
WHEN n.targetBound IN ['以内', '以下'] AND l IS NOT NULL THEN
CASE WHEN l.value <= n.target THEN 'TARGET_ACHIEVED' ELSE 'DETERIORATION' END
WHEN n.targetBound = '以上' AND l IS NOT NULL THEN
CASE WHEN l.value >= n.target THEN 'TARGET_ACHIEVED' ELSE 'DETERIORATION' END
WHEN n.targetBound IN ['以内', '以下', '以上'] OR n.current IS NULL OR n.current = n.target OR l IS NULL
THEN 'NOT_ASSESSED'
WHEN (n.target > n.current AND l.value >= n.target) OR (n.target < n.current AND l.value <= n.target)
THEN 'TARGET_ACHIEVED'
WHEN l.year <= t0 THEN 'NOT_ASSESSED'
ELSE
[ratio IN [floor(1000 * (
CASE WHEN n.current > 0 AND l.value > 0 AND n.target > 0
AND l.value <= n.current * $c1.compoundGrowthMaxFactor
AND l.value * $c1.compoundGrowthMaxFactor >= n.current
AND n.target <= n.current * $c1.compoundGrowthMaxFactor
AND n.target * $c1.compoundGrowthMaxFactor >= n.current
THEN ((toFloat(l.value) / n.current) ^ (1.0 / (l.year - t0)) - 1)
/ ((toFloat(n.target) / n.current) ^ (1.0 / (tT - t0)) - 1)
ELSE ((l.value - n.current) / toFloat(l.year - t0)) / ((n.target - n.current) / toFloat(tT - t0))
END) + 0.5) / 1000] |
CASE
WHEN ratio >= $c1.onTrack THEN 'ON_TRACK'
WHEN ratio >= $c1.needsAcceleration THEN 'NEEDS_ACCELERATION'
WHEN ratio >= $c1.limitedProgress THEN 'LIMITED_PROGRESS'
ELSE 'DETERIORATION'
END][0]
END][0]][0]][0]) IN $c1.statuses) AND (coalesce((n.current) < $c2, false)) AND (coalesce((n.target) >= $c3, false))
WITH n, [CASE WHEN n.current IS NULL OR n.target IS NULL OR n.current = 0 THEN null
ELSE (n.target - n.current) / abs(toFloat(n.current)) END] AS position
ORDER BY position[0] IS NULL, position[0] DESC, n.sortKey
WITH collect({node: n, position: position}) AS matched
WITH matched, [x IN matched WHERE $afterKey IS NULL OR ((($afterValues[0] IS NOT NULL AND (x.position[0] IS NULL OR x.position[0] < $afterValues[0]))) OR (((x.position[0] IS NULL) = ($afterValues[0] IS NULL) AND (x.position[0] IS NULL OR x.position[0] = $afterValues[0])) AND x.node.sortKey > $afterKey))][0..$limit] AS page
RETURN size(matched) AS totalCount, [node IN [x IN page | x.node] | node {.id, .sortKey, .name, .current, .target}] AS pageNodes, [x IN page | x.position] AS pagePositions,
{} AS facets, {} AS aggregates
-- params
{
 "c0": [
  "INCREASE"
 ],
 "c1": {
  "statuses": [
   "ON_TRACK"
  ],
  "baselineFiscalYear": 2021,
  "targetFiscalYear": 2027,
  "overrides": {},
  "onTrack": 0.95,
  "needsAcceleration": 0.6,
  "limitedProgress": 0,
  "compoundGrowthMaxFactor": 10
 },
 "c2": 100,
 "c3": 50,
 "after": null,
 "afterKey": null,
 "afterValues": [],
 "limit": 5
}"
`);
  });

  it('indicators: ids and a policy item, facets and the aggregates of a fiscal year', async () => {
    expect(
      await compiledSelection(graphql`
        {
          indicators(first: 2, filter: { policyItem: "1-1", idsNone: ["indicator:1-1-1"] }) {
            facets {
              directions {
                count
              }
              fields {
                count
              }
              outlooks {
                count
              }
              sdgs {
                count
              }
            }
            aggregate {
              count
              target {
                average
              }
              achievementRate(fiscalYear: 2024) {
                average
              }
              value(fiscalYear: 2024) {
                sum
              }
            }
            nodes {
              name
            }
          }
        }
      `),
    ).toMatchInlineSnapshot(`
"MATCH (a:PolicyItem)-[:MEASURED_BY]->(n:Indicator)
WHERE a.code IN $c0
WITH DISTINCT n
WITH n
WHERE (NOT coalesce((n.id IN $c1), false))
WITH n, [] AS position
ORDER BY n.sortKey
WITH collect({node: n, position: position}) AS matched
WITH matched, [x IN matched WHERE $afterKey IS NULL OR ((x.node.sortKey > $afterKey))][0..$limit] AS page
CALL (matched) {
UNWIND matched AS x
WITH x.node.direction AS direction, count(*) AS count
ORDER BY direction
RETURN collect({direction: direction, count: count}) AS facet
}
WITH matched, page, facet AS facet0
CALL (matched) {
UNWIND matched AS x
WITH x.node AS n
MATCH (n)<-[:MEASURED_BY]-(i:PolicyItem)
WITH i.fieldNumber AS number, count(DISTINCT n) AS count
ORDER BY number
RETURN collect({number: number, count: count}) AS facet
}
WITH matched, page, facet0, facet AS facet1
CALL (matched) {
UNWIND matched AS x
WITH x.node AS n
WITH ([l IN [COLLECT {
MATCH (r:Record:IndicatorResult {subjectId: n.id})
WHERE coalesce(r.retracted, false) = false
RETURN {value: r.value, year: r.fiscalYear} ORDER BY r.fiscalYear DESC, r.revision DESC LIMIT 1
}[0]] |
[t0 IN [coalesce($c2.overrides[n.id].baselineFiscalYear, $c2.baselineFiscalYear)] |
[tT IN [coalesce($c2.overrides[n.id].targetFiscalYear, $c2.targetFiscalYear)] |
CASE
WHEN n.target IS NULL THEN 'NOT_ASSESSED'
WHEN n.targetBound IN ['以内', '以下'] AND l IS NOT NULL THEN
CASE WHEN l.value <= n.target THEN 'TARGET_ACHIEVED' ELSE 'DETERIORATION' END
WHEN n.targetBound = '以上' AND l IS NOT NULL THEN
CASE WHEN l.value >= n.target THEN 'TARGET_ACHIEVED' ELSE 'DETERIORATION' END
WHEN n.targetBound IN ['以内', '以下', '以上'] OR n.current IS NULL OR n.current = n.target OR l IS NULL
THEN 'NOT_ASSESSED'
WHEN (n.target > n.current AND l.value >= n.target) OR (n.target < n.current AND l.value <= n.target)
THEN 'TARGET_ACHIEVED'
WHEN l.year <= t0 THEN 'NOT_ASSESSED'
ELSE
[ratio IN [floor(1000 * (
CASE WHEN n.current > 0 AND l.value > 0 AND n.target > 0
AND l.value <= n.current * $c2.compoundGrowthMaxFactor
AND l.value * $c2.compoundGrowthMaxFactor >= n.current
AND n.target <= n.current * $c2.compoundGrowthMaxFactor
AND n.target * $c2.compoundGrowthMaxFactor >= n.current
THEN ((toFloat(l.value) / n.current) ^ (1.0 / (l.year - t0)) - 1)
/ ((toFloat(n.target) / n.current) ^ (1.0 / (tT - t0)) - 1)
ELSE ((l.value - n.current) / toFloat(l.year - t0)) / ((n.target - n.current) / toFloat(tT - t0))
END) + 0.5) / 1000] |
CASE
WHEN ratio >= $c2.onTrack THEN 'ON_TRACK'
WHEN ratio >= $c2.needsAcceleration THEN 'NEEDS_ACCELERATION'
WHEN ratio >= $c2.limitedProgress THEN 'LIMITED_PROGRESS'
ELSE 'DETERIORATION'
END][0]
END][0]][0]][0]) AS status, count(*) AS count
ORDER BY status
RETURN collect({status: status, count: count}) AS facet
}
WITH matched, page, facet0, facet1, facet AS facet2
CALL (matched) {
UNWIND matched AS x
WITH x.node AS n
MATCH (n)<-[:MEASURED_BY]-(:PolicyItem)-[:CONTRIBUTES_TO]->(s:Sdg)
WITH s.number AS number, count(DISTINCT n) AS count
ORDER BY number
RETURN collect({number: number, count: count}) AS facet
}
WITH matched, page, facet0, facet1, facet2, facet AS facet3
CALL (matched) {
UNWIND matched AS x
WITH x.node AS n
WITH (n.target) AS v
WHERE v IS NOT NULL
RETURN [count(v), min(v), max(v), avg(v), sum(v)] AS aggregate
}
WITH matched, page, facet0, facet1, facet2, facet3, aggregate AS aggregate0
CALL (matched) {
UNWIND matched AS x
WITH x.node AS n
WITH ([v IN [COLLECT {
MATCH (r:Record:IndicatorResult {subjectId: n.id})
WHERE r.fiscalYear = $c3 AND coalesce(r.retracted, false) = false
RETURN r.value ORDER BY r.revision DESC LIMIT 1
}[0]] |
CASE
WHEN v IS NULL OR n.target IS NULL THEN null
WHEN n.targetBound IN ['以内', '以下'] THEN
CASE WHEN v <= n.target THEN 100.0 WHEN n.target = 0 THEN -100.0
ELSE floor(-(v - n.target) / abs(toFloat(n.target)) * 1000 + 0.5) / 10 END
WHEN n.targetBound = '以上' THEN
CASE WHEN v >= n.target THEN 100.0 WHEN n.target = 0 THEN -100.0
ELSE floor(-(n.target - v) / abs(toFloat(n.target)) * 1000 + 0.5) / 10 END
WHEN n.current IS NULL OR n.current = n.target THEN null
ELSE floor((v - n.current) / toFloat(n.target - n.current) * 1000 + 0.5) / 10
END][0]) AS v
WHERE v IS NOT NULL
RETURN [count(v), min(v), max(v), avg(v), sum(v)] AS aggregate
}
WITH matched, page, facet0, facet1, facet2, facet3, aggregate0, aggregate AS aggregate1
CALL (matched) {
UNWIND matched AS x
WITH x.node AS n
WITH (COLLECT {
MATCH (r:Record:IndicatorResult {subjectId: n.id})
WHERE r.fiscalYear = $c4 AND coalesce(r.retracted, false) = false
RETURN r.value ORDER BY r.revision DESC LIMIT 1
}[0]) AS v
WHERE v IS NOT NULL
RETURN [count(v), min(v), max(v), avg(v), sum(v)] AS aggregate
}
WITH matched, page, facet0, facet1, facet2, facet3, aggregate0, aggregate1, aggregate AS aggregate2
RETURN size(matched) AS totalCount, [node IN [x IN page | x.node] | node {.id, .sortKey, .name}] AS pageNodes, [x IN page | x.position] AS pagePositions,
{directions: facet0, fields: facet1, outlooks: facet2, sdgs: facet3} AS facets, {\`target\`: aggregate0, \`achievementRate:2024\`: aggregate1, \`value:2024\`: aggregate2} AS aggregates
-- params
{
 "c0": [
  "1-1"
 ],
 "c1": [
  "indicator:1-1-1"
 ],
 "c2": {
  "baselineFiscalYear": 2021,
  "targetFiscalYear": 2027,
  "overrides": {},
  "onTrack": 0.95,
  "needsAcceleration": 0.6,
  "limitedProgress": 0,
  "compoundGrowthMaxFactor": 10
 },
 "c3": 2024,
 "c4": 2024,
 "after": null,
 "afterKey": null,
 "afterValues": [],
 "limit": 3
}"
`);
  });

  it('reformSheets: role, area, evaluation and declared numbers, sorted by target year', async () => {
    expect(
      await compiledSelection(graphql`
        {
          reformSheets(
            first: 3
            filter: {
              department: "行政管理課"
              role: EXECUTING
              area: 1
              evaluations: ["A"]
              yearlyTargetCount: { gte: 5 }
              startYear: { lte: 2024 }
            }
            orderBy: [{ field: TARGET_YEAR }, { field: CODE, direction: DESC }]
          ) {
            totalCount
            nodes {
              code
              name
              targetYear {
                year
              }
            }
          }
        }
      `),
    ).toMatchInlineSnapshot(`
"MATCH (a:Department)-[:EXECUTES]->(n:ReformSheet)
WHERE a.id IN $c0
WITH DISTINCT n
WITH n
WHERE (n.areaNumber IN $c1) AND (n.evaluation IN $c2) AND (coalesce((n.startYear) <= $c3, false)) AND (coalesce((n.yearlyTargetCount) >= $c4, false))
WITH n, [n.targetYear, n.sortKey] AS position
ORDER BY position[0] IS NULL, position[0] ASC, position[1] IS NULL, position[1] DESC, n.sortKey
WITH collect({node: n, position: position}) AS matched
WITH matched, [x IN matched WHERE $afterKey IS NULL OR ((($afterValues[0] IS NOT NULL AND (x.position[0] IS NULL OR x.position[0] > $afterValues[0]))) OR (((x.position[0] IS NULL) = ($afterValues[0] IS NULL) AND (x.position[0] IS NULL OR x.position[0] = $afterValues[0])) AND ($afterValues[1] IS NOT NULL AND (x.position[1] IS NULL OR x.position[1] < $afterValues[1]))) OR (((x.position[0] IS NULL) = ($afterValues[0] IS NULL) AND (x.position[0] IS NULL OR x.position[0] = $afterValues[0])) AND ((x.position[1] IS NULL) = ($afterValues[1] IS NULL) AND (x.position[1] IS NULL OR x.position[1] = $afterValues[1])) AND x.node.sortKey > $afterKey))][0..$limit] AS page
RETURN size(matched) AS totalCount, [node IN [x IN page | x.node] | node {.id, .sortKey, .code, .name, .targetYearLabel, .targetYear}] AS pageNodes, [x IN page | x.position] AS pagePositions,
{} AS facets, {} AS aggregates
-- params
{
 "c0": [
  "department:administrative-management"
 ],
 "c1": [
  1
 ],
 "c2": [
  "A"
 ],
 "c3": 2024,
 "c4": 5,
 "after": null,
 "afterKey": null,
 "afterValues": [],
 "limit": 4
}"
`);
  });

  it('reformSheets: measures and viewpoint, facets and aggregates', async () => {
    expect(
      await compiledSelection(graphql`
        {
          reformSheets(first: 1, filter: { measuresAll: ["5-1-3"], viewpoint: "効率", measureFields: [5] }) {
            facets {
              areas {
                count
              }
              departments {
                count
              }
              evaluations {
                count
              }
              sdgs {
                count
              }
            }
            aggregate {
              startYear {
                min
              }
              targetYear {
                max
              }
              yearlyTargetCount {
                average
              }
              number {
                sum
              }
            }
            nodes {
              code
            }
          }
        }
      `),
    ).toMatchInlineSnapshot(`
"MATCH (a:Measure)<-[:SUPPORTS]-(n:ReformSheet)
WHERE a.code IN $c0
WITH DISTINCT n
WITH n
WHERE (EXISTS { (n)-[:SUPPORTS]->(:Measure)<-[:HAS_MEASURE]-(p:PolicyItem) WHERE p.fieldNumber IN $c1 }) AND (n.searchText CONTAINS $c2)
WITH n, [] AS position
ORDER BY n.sortKey
WITH collect({node: n, position: position}) AS matched
WITH matched, [x IN matched WHERE $afterKey IS NULL OR ((x.node.sortKey > $afterKey))][0..$limit] AS page
CALL (matched) {
UNWIND matched AS x
WITH x.node.areaNumber AS number, count(*) AS count
ORDER BY number
RETURN collect({number: number, count: count}) AS facet
}
WITH matched, page, facet AS facet0
CALL (matched) {
UNWIND matched AS x
WITH x.node AS n
MATCH (n)<-[:EXECUTES]-(d:Department)
WITH d, count(DISTINCT n) AS count
ORDER BY count DESC, d.sortKey
RETURN collect({id: d.id, name: d.name, nameEn: d.nameEn, count: count}) AS facet
}
WITH matched, page, facet0, facet AS facet1
CALL (matched) {
UNWIND matched AS x
WITH x.node.evaluation AS evaluation, count(*) AS count
ORDER BY evaluation IS NULL, evaluation
RETURN collect({evaluation: evaluation, count: count}) AS facet
}
WITH matched, page, facet0, facet1, facet AS facet2
CALL (matched) {
UNWIND matched AS x
WITH x.node AS n
MATCH (n)-[:SUPPORTS]->(:Measure)<-[:HAS_MEASURE]-(:PolicyItem)-[:CONTRIBUTES_TO]->(s:Sdg)
WITH s.number AS number, count(DISTINCT n) AS count
ORDER BY number
RETURN collect({number: number, count: count}) AS facet
}
WITH matched, page, facet0, facet1, facet2, facet AS facet3
CALL (matched) {
UNWIND matched AS x
WITH x.node AS n
WITH (n.startYear) AS v
WHERE v IS NOT NULL
RETURN [count(v), min(v), max(v), avg(v), sum(v)] AS aggregate
}
WITH matched, page, facet0, facet1, facet2, facet3, aggregate AS aggregate0
CALL (matched) {
UNWIND matched AS x
WITH x.node AS n
WITH (n.targetYear) AS v
WHERE v IS NOT NULL
RETURN [count(v), min(v), max(v), avg(v), sum(v)] AS aggregate
}
WITH matched, page, facet0, facet1, facet2, facet3, aggregate0, aggregate AS aggregate1
CALL (matched) {
UNWIND matched AS x
WITH x.node AS n
WITH (n.yearlyTargetCount) AS v
WHERE v IS NOT NULL
RETURN [count(v), min(v), max(v), avg(v), sum(v)] AS aggregate
}
WITH matched, page, facet0, facet1, facet2, facet3, aggregate0, aggregate1, aggregate AS aggregate2
CALL (matched) {
UNWIND matched AS x
WITH x.node AS n
WITH (n.number) AS v
WHERE v IS NOT NULL
RETURN [count(v), min(v), max(v), avg(v), sum(v)] AS aggregate
}
WITH matched, page, facet0, facet1, facet2, facet3, aggregate0, aggregate1, aggregate2, aggregate AS aggregate3
RETURN size(matched) AS totalCount, [node IN [x IN page | x.node] | node {.id, .sortKey, .code}] AS pageNodes, [x IN page | x.position] AS pagePositions,
{areas: facet0, departments: facet1, evaluations: facet2, sdgs: facet3} AS facets, {\`startYear\`: aggregate0, \`targetYear\`: aggregate1, \`yearlyTargetCount\`: aggregate2, \`number\`: aggregate3} AS aggregates
-- params
{
 "c0": [
  "5-1-3"
 ],
 "c1": [
  5
 ],
 "c2": "効率",
 "after": null,
 "afterKey": null,
 "afterValues": [],
 "limit": 2
}"
`);
  });

  it('reformSheets: the relationships of the page nodes, in the same statement', async () => {
    expect(
      await compiledSelection(graphql`
        {
          reformSheets(first: 2) {
            nodes {
              code
              area {
                name
              }
              departments {
                name
              }
              measures {
                code
                policyItem {
                  code
                  sdgs {
                    number
                  }
                }
              }
            }
          }
        }
      `),
    ).toMatchInlineSnapshot(`
"CALL () {
MATCH (n:ReformSheet)
WITH n, [] AS position
ORDER BY n.sortKey
WITH collect({node: n, position: position}) AS matched
WITH matched, [x IN matched WHERE $afterKey IS NULL OR ((x.node.sortKey > $afterKey))][0..$limit] AS page
RETURN size(matched) AS totalCount, [node IN [x IN page | x.node] | node {.id, .sortKey, .code}] AS pageNodes, [x IN page | x.position] AS pagePositions,
{} AS facets, {} AS aggregates
}
CALL (pageNodes) {
UNWIND pageNodes[0..$limit - 1] AS rootNode
MATCH (n0:Entity {id: rootNode.id})
CALL (n0) {
CALL (n0) {
MATCH (n0)-[:IN_AREA]->(n1:ReformArea)
RETURN n1
}
WITH n1 {.sortKey, .name} AS p1 ORDER BY p1.sortKey
RETURN collect([p1.name]) AS c1
}
CALL (n0) {
CALL (n0) {
MATCH (n0)<-[:EXECUTES]-(n1:Department)
RETURN n1
}
WITH n1 {.sortKey, .name} AS p1 ORDER BY p1.sortKey
RETURN collect([p1.name]) AS c2
}
CALL (n0) {
CALL (n0) {
MATCH (n0)-[:SUPPORTS]->(n1:Measure)
RETURN n1
}
CALL (n1) {
CALL (n1) {
MATCH (n1)<-[:HAS_MEASURE]-(n2:PolicyItem)
RETURN n2
}
CALL (n2) {
CALL (n2) {
MATCH (n2)-[:CONTRIBUTES_TO]->(n3:Sdg)
RETURN n3
}
WITH n3 {.sortKey, .number} AS p3 ORDER BY p3.sortKey
RETURN collect([p3.number]) AS c5
}
WITH n2 {.sortKey, .id, .code} AS p2, c5 ORDER BY p2.sortKey
RETURN collect([p2.id, p2.code, c5]) AS c4
}
WITH n1 {.sortKey, .id, .code, .status} AS p1, c4 ORDER BY p1.sortKey
RETURN collect([p1.id, p1.code, p1.status, c4]) AS c3
}
RETURN collect({id: n0.id, c1: c1, c2: c2, c3: c3}) AS prefetch
}
RETURN *
-- params
{
 "after": null,
 "afterKey": null,
 "afterValues": [],
 "limit": 3
}"
`);
  });
});
