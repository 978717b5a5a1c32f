import { compiledSelection, graphql } from '../../../helpers/compiled-selection';

/**
 * The compile tier, nested connections: every one of them, each folded into its root's statement (one
 * page per parent, the parents' ids a parameter of the page), with filters, orders, facets and aggregates
 * where the kind has them, and pages of pages. See root-connections.test.ts for what a snapshot stands for.
 */
describe('compile tier: nested connections', () => {
  it('Department: measures filtered and sorted, policy items, SDGs and reform sheets', async () => {
    expect(
      await compiledSelection(graphql`
        {
          department(ref: "行政管理課") {
            measuresConnection(first: 2, filter: { sdg: 16 }, orderBy: [{ field: NAME }]) {
              totalCount
              nodes {
                code
              }
            }
            policyItemsConnection(first: 1) {
              totalCount
            }
            sdgsConnection {
              nodes {
                number
              }
            }
            reformSheetsConnection(first: 3) {
              facets {
                evaluations {
                  count
                }
              }
              nodes {
                code
              }
            }
          }
        }
      `),
    ).toMatchInlineSnapshot(`
"CALL () {
MATCH (n:Entity {id: $id})
RETURN n {.id} AS node
}
WITH collect(node) AS rootNodes
WITH *, [x IN rootNodes | x.id] AS parentIds
CALL (parentIds) {
CALL (parentIds) {
UNWIND parentIds AS parent
MATCH (:Department {id: parent})-[:RESPONSIBLE_FOR]->(n:Measure)
WITH DISTINCT parent, n
CALL (n) {
MATCH (i:PolicyItem)-[:HAS_MEASURE]->(n)
RETURN i
}
WITH parent, n, i
WHERE (EXISTS { (i)-[:CONTRIBUTES_TO]->(s:Sdg) WHERE s.number IN $page1_c0 }) AND (n.status <> 'DELETED')
WITH parent, n, [n.name] AS position
ORDER BY position[0] IS NULL, position[0] ASC, n.sortKey
WITH parent, collect({node: n, position: position}) AS matched
WITH parent, matched, [x IN matched WHERE $page1_afterKey IS NULL OR ((($page1_afterValues[0] IS NOT NULL AND (x.position[0] IS NULL OR x.position[0] > $page1_afterValues[0]))) OR (((x.position[0] IS NULL) = ($page1_afterValues[0] IS NULL) AND (x.position[0] IS NULL OR x.position[0] = $page1_afterValues[0])) AND x.node.sortKey > $page1_afterKey))][0..$page1_limit] AS page
RETURN parent, size(matched) AS totalCount, [node IN [x IN page | x.node] | node {.id, .sortKey, .code, .status}] AS pageNodes, [x IN page | x.position] AS pagePositions,
{} AS facets, {} AS aggregates
}
RETURN collect([parent, totalCount, pageNodes, pagePositions, facets, aggregates]) AS page1
}
CALL (parentIds) {
CALL (parentIds) {
UNWIND parentIds AS pageParent
CALL (pageParent) {
UNWIND [pageParent] AS parent
MATCH (parentNode:Entity {id: parent})
CALL (parentNode) {
WITH parentNode AS parent
MATCH (parent)-[:RESPONSIBLE_FOR]->(m:Measure)<-[:HAS_MEASURE]-(node:PolicyItem)
WHERE m.status <> 'DELETED'
RETURN DISTINCT node
}
WITH parent, node AS n
WITH DISTINCT n
RETURN count(n) AS totalCount
}
RETURN pageParent AS parent, totalCount, [] AS pageNodes, [] AS pagePositions, {} AS facets, {} AS aggregates
}
RETURN collect([parent, totalCount, pageNodes, pagePositions, facets, aggregates]) AS page2
}
CALL (parentIds) {
CALL (parentIds) {
UNWIND parentIds AS parent
MATCH (parentNode:Entity {id: parent})
CALL (parentNode) {
WITH parentNode AS parent
MATCH (parent)-[:RESPONSIBLE_FOR]->(m:Measure)<-[:HAS_MEASURE]-(:PolicyItem)-[:CONTRIBUTES_TO]->(node:Sdg)
WHERE m.status <> 'DELETED'
RETURN DISTINCT node
}
WITH parent, node AS n
WITH DISTINCT parent, n
WITH parent, n, [] AS position
ORDER BY n.sortKey
WITH parent, collect({node: n, position: position}) AS matched
WITH parent, matched, [x IN matched WHERE $page3_afterKey IS NULL OR ((x.node.sortKey > $page3_afterKey))][0..$page3_limit] AS page
RETURN parent, size(matched) AS totalCount, [node IN [x IN page | x.node] | node {.id, .sortKey, .number}] AS pageNodes, [x IN page | x.position] AS pagePositions,
{} AS facets, {} AS aggregates
}
RETURN collect([parent, totalCount, pageNodes, pagePositions, facets, aggregates]) AS page3
}
CALL (parentIds) {
CALL (parentIds) {
UNWIND parentIds AS parent
MATCH (:Department {id: parent})-[:EXECUTES|PARTNERS_ON]->(n:ReformSheet)
WITH DISTINCT parent, n
WITH parent, n, [] AS position
ORDER BY n.sortKey
WITH parent, collect({node: n, position: position}) AS matched
WITH parent, matched, [x IN matched WHERE $page4_afterKey IS NULL OR ((x.node.sortKey > $page4_afterKey))][0..$page4_limit] AS page
CALL (matched) {
UNWIND matched AS x
WITH x.node.evaluation AS evaluation, count(*) AS count
ORDER BY evaluation IS NULL, evaluation
RETURN collect({evaluation: evaluation, count: count}) AS facet
}
WITH parent, matched, page, facet AS facet0
RETURN parent, size(matched) AS totalCount, [node IN [x IN page | x.node] | node {.id, .sortKey, .code}] AS pageNodes, [x IN page | x.position] AS pagePositions,
{evaluations: facet0} AS facets, {} AS aggregates
}
RETURN collect([parent, totalCount, pageNodes, pagePositions, facets, aggregates]) AS page4
}
RETURN *
-- params
{
 "id": "department:administrative-management",
 "page1_c0": [
  16
 ],
 "page1_after": null,
 "page1_afterKey": null,
 "page1_afterValues": [],
 "page1_limit": 3,
 "page3_after": null,
 "page3_afterKey": null,
 "page3_afterValues": [],
 "page3_limit": 51,
 "page4_after": null,
 "page4_afterKey": null,
 "page4_afterValues": [],
 "page4_limit": 4
}"
`);
  });

  it('Department: the indicators it answers for, filtered by direction and sorted', async () => {
    expect(
      await compiledSelection(graphql`
        {
          department(ref: "財政課") {
            indicatorsConnection(first: 2, filter: { direction: DECREASE }, orderBy: [{ field: NAME }]) {
              totalCount
              nodes {
                id
                name
              }
            }
          }
        }
      `),
    ).toMatchInlineSnapshot(`
"CALL () {
MATCH (n:Entity {id: $id})
RETURN n {.id} AS node
}
WITH collect(node) AS rootNodes
WITH *, [x IN rootNodes | x.id] AS parentIds
CALL (parentIds) {
CALL (parentIds) {
UNWIND parentIds AS parent
MATCH (:Entity {id: parent})-[:ANSWERS_FOR]->(n:Indicator)
WITH DISTINCT parent, n
WITH parent, n
WHERE n.direction IN $page1_c0
WITH parent, n, [n.name] AS position
ORDER BY position[0] IS NULL, position[0] ASC, n.sortKey
WITH parent, collect({node: n, position: position}) AS matched
WITH parent, matched, [x IN matched WHERE $page1_afterKey IS NULL OR ((($page1_afterValues[0] IS NOT NULL AND (x.position[0] IS NULL OR x.position[0] > $page1_afterValues[0]))) OR (((x.position[0] IS NULL) = ($page1_afterValues[0] IS NULL) AND (x.position[0] IS NULL OR x.position[0] = $page1_afterValues[0])) AND x.node.sortKey > $page1_afterKey))][0..$page1_limit] AS page
RETURN parent, size(matched) AS totalCount, [node IN [x IN page | x.node] | node {.id, .sortKey, .name}] AS pageNodes, [x IN page | x.position] AS pagePositions,
{} AS facets, {} AS aggregates
}
RETURN collect([parent, totalCount, pageNodes, pagePositions, facets, aggregates]) AS page1
}
RETURN *
-- params
{
 "id": "department:finance",
 "page1_c0": [
  "DECREASE"
 ],
 "page1_after": null,
 "page1_afterKey": null,
 "page1_afterValues": [],
 "page1_limit": 3
}"
`);
  });

  it('PolicyField: policy items with facets, below the short list', async () => {
    expect(
      await compiledSelection(graphql`
        {
          fields {
            number
            policyItemsConnection(first: 2, filter: { detailed: true }) {
              totalCount
              facets {
                sdgs {
                  count
                }
              }
              nodes {
                code
              }
            }
          }
        }
      `),
    ).toMatchInlineSnapshot(`
"CALL () {
MATCH (n:Field)
WITH n, n {.sortKey, .id, .number} AS stored
ORDER BY stored.sortKey
RETURN stored {.id, .number} AS node
}
WITH collect(node) AS rootNodes
WITH *, [x IN rootNodes | x.id] AS parentIds
CALL (parentIds) {
CALL (parentIds) {
UNWIND parentIds AS parent
MATCH (:Entity {id: parent})-[:HAS_ITEM]->(n:PolicyItem)
WITH DISTINCT parent, n
WITH parent, n
WHERE n.detailed = $page1_c0
WITH parent, n, [] AS position
ORDER BY n.sortKey
WITH parent, collect({node: n, position: position}) AS matched
WITH parent, matched, [x IN matched WHERE $page1_afterKey IS NULL OR ((x.node.sortKey > $page1_afterKey))][0..$page1_limit] AS page
CALL (matched) {
UNWIND matched AS x
WITH x.node AS n
MATCH (n)-[:CONTRIBUTES_TO]->(s:Sdg)
WITH s.number AS number, count(DISTINCT n) AS count
ORDER BY number
RETURN collect({number: number, count: count}) AS facet
}
WITH parent, matched, page, facet AS facet0
RETURN parent, size(matched) AS totalCount, [node IN [x IN page | x.node] | node {.id, .sortKey, .code}] AS pageNodes, [x IN page | x.position] AS pagePositions,
{sdgs: facet0} AS facets, {} AS aggregates
}
RETURN collect([parent, totalCount, pageNodes, pagePositions, facets, aggregates]) AS page1
}
RETURN *
-- params
{
 "page1_c0": true,
 "page1_after": null,
 "page1_afterKey": null,
 "page1_afterValues": [],
 "page1_limit": 3
}"
`);
  });

  it('LinkagePlan and Initiative: initiatives and policy items, a page of pages', async () => {
    expect(
      await compiledSelection(graphql`
        {
          linkagePlan(number: 2) {
            policyItemsConnection(first: 2) {
              totalCount
            }
            initiativesConnection(first: 2) {
              nodes {
                number
                policyItemsConnection(first: 1) {
                  nodes {
                    code
                  }
                }
              }
            }
          }
        }
      `),
    ).toMatchInlineSnapshot(`
"CALL () {
MATCH (n:Entity {id: $id})
RETURN n {.id} AS node
}
WITH collect(node) AS rootNodes
WITH *, [x IN rootNodes | x.id] AS parentIds
CALL (parentIds) {
CALL (parentIds) {
UNWIND parentIds AS pageParent
CALL (pageParent) {
UNWIND [pageParent] AS parent
MATCH (:LinkagePlan {id: parent})-[:HAS_INITIATIVE]->(:Initiative)-[:TARGETS]->(n:PolicyItem)
WITH DISTINCT n
RETURN count(n) AS totalCount
}
RETURN pageParent AS parent, totalCount, [] AS pageNodes, [] AS pagePositions, {} AS facets, {} AS aggregates
}
RETURN collect([parent, totalCount, pageNodes, pagePositions, facets, aggregates]) AS page1
}
CALL (parentIds) {
CALL (parentIds) {
CALL (parentIds) {
UNWIND parentIds AS parent
MATCH (:Entity {id: parent})-[:HAS_INITIATIVE]->(n:Initiative)
WITH DISTINCT parent, n
WITH parent, n, [] AS position
ORDER BY n.sortKey
WITH parent, collect({node: n, position: position}) AS matched
WITH parent, matched, [x IN matched WHERE $page2_afterKey IS NULL OR ((x.node.sortKey > $page2_afterKey))][0..$page2_limit] AS page
RETURN parent, size(matched) AS totalCount, [node IN [x IN page | x.node] | node {.id, .sortKey, .number}] AS pageNodes, [x IN page | x.position] AS pagePositions,
{} AS facets, {} AS aggregates
}
WITH *, [x IN pageNodes[0..$page2_limit - 1] | x.id] AS page2_parentIds
CALL (page2_parentIds) {
CALL (page2_parentIds) {
UNWIND page2_parentIds AS parent
MATCH (:Entity {id: parent})-[:TARGETS]->(n:PolicyItem)
WITH DISTINCT parent, n
WITH parent, n, [] AS position
ORDER BY n.sortKey
WITH parent, collect({node: n, position: position}) AS matched
WITH parent, matched, [x IN matched WHERE $page2_page1_afterKey IS NULL OR ((x.node.sortKey > $page2_page1_afterKey))][0..$page2_page1_limit] AS page
RETURN parent, size(matched) AS totalCount, [node IN [x IN page | x.node] | node {.id, .sortKey, .code}] AS pageNodes, [x IN page | x.position] AS pagePositions,
{} AS facets, {} AS aggregates
}
RETURN collect([parent, totalCount, pageNodes, pagePositions, facets, aggregates]) AS page1
}
RETURN parent, totalCount, pageNodes, pagePositions, facets, aggregates, page1
}
RETURN collect([parent, totalCount, pageNodes, pagePositions, facets, aggregates, page1]) AS page2
}
RETURN *
-- params
{
 "id": "linkage-plan:2",
 "page2_after": null,
 "page2_afterKey": null,
 "page2_afterValues": [],
 "page2_limit": 3,
 "page2_page1_after": null,
 "page2_page1_afterKey": null,
 "page2_page1_afterValues": [],
 "page2_page1_limit": 2
}"
`);
  });

  it('Measure: departments, SDGs and reform sheets, plain pages in code order', async () => {
    expect(
      await compiledSelection(graphql`
        {
          measure(code: "5-1-3") {
            departmentsConnection(first: 1) {
              totalCount
              nodes {
                name
              }
            }
            sdgsConnection {
              nodes {
                number
              }
            }
            reformSheetsConnection {
              totalCount
              aggregate {
                startYear {
                  min
                }
              }
            }
          }
        }
      `),
    ).toMatchInlineSnapshot(`
"CALL () {
MATCH (n:Entity {id: $id})
RETURN n {.id, .status} AS node
}
WITH collect(node) AS rootNodes
WITH *, [x IN rootNodes | x.id] AS parentIds
CALL (parentIds) {
CALL (parentIds) {
UNWIND parentIds AS parent
MATCH (:Entity {id: parent})<-[:RESPONSIBLE_FOR]-(n:Department)
WITH DISTINCT parent, n
WITH parent, n, [] AS position
ORDER BY n.sortKey
WITH parent, collect({node: n, position: position}) AS matched
WITH parent, matched, [x IN matched WHERE $page1_afterKey IS NULL OR ((x.node.sortKey > $page1_afterKey))][0..$page1_limit] AS page
RETURN parent, size(matched) AS totalCount, [node IN [x IN page | x.node] | node {.id, .sortKey, .name}] AS pageNodes, [x IN page | x.position] AS pagePositions,
{} AS facets, {} AS aggregates
}
RETURN collect([parent, totalCount, pageNodes, pagePositions, facets, aggregates]) AS page1
}
CALL (parentIds) {
CALL (parentIds) {
UNWIND parentIds AS parent
MATCH (parentNode:Entity {id: parent})
CALL (parentNode) {
WITH parentNode AS parent
MATCH (parent)<-[:HAS_MEASURE]-(:PolicyItem)-[:CONTRIBUTES_TO]->(node:Sdg)
RETURN DISTINCT node
}
WITH parent, node AS n
WITH DISTINCT parent, n
WITH parent, n, [] AS position
ORDER BY n.sortKey
WITH parent, collect({node: n, position: position}) AS matched
WITH parent, matched, [x IN matched WHERE $page2_afterKey IS NULL OR ((x.node.sortKey > $page2_afterKey))][0..$page2_limit] AS page
RETURN parent, size(matched) AS totalCount, [node IN [x IN page | x.node] | node {.id, .sortKey, .number}] AS pageNodes, [x IN page | x.position] AS pagePositions,
{} AS facets, {} AS aggregates
}
RETURN collect([parent, totalCount, pageNodes, pagePositions, facets, aggregates]) AS page2
}
CALL (parentIds) {
CALL (parentIds) {
UNWIND parentIds AS pageParent
CALL (pageParent) {
UNWIND [pageParent] AS parent
MATCH (:Entity {id: parent})<-[:SUPPORTS]-(n:ReformSheet)
WITH DISTINCT n
WITH n, n.startYear AS v0
RETURN count(n) AS totalCount, {\`startYear\`: [count(v0), min(v0), max(v0), avg(v0), sum(v0)]} AS aggregates
}
RETURN pageParent AS parent, totalCount, [] AS pageNodes, [] AS pagePositions, {} AS facets, aggregates
}
RETURN collect([parent, totalCount, pageNodes, pagePositions, facets, aggregates]) AS page3
}
RETURN *
-- params
{
 "id": "measure:5-1-3",
 "page1_after": null,
 "page1_afterKey": null,
 "page1_afterValues": [],
 "page1_limit": 2,
 "page2_after": null,
 "page2_afterKey": null,
 "page2_afterValues": [],
 "page2_limit": 51
}"
`);
  });

  it('PolicyItem: every connection below a policy item', async () => {
    expect(
      await compiledSelection(graphql`
        {
          policyItem(code: "1-1") {
            projectsConnection {
              totalCount
            }
            sdgsConnection {
              totalCount
            }
            indicatorsConnection(orderBy: [{ field: TARGET }]) {
              nodes {
                name
              }
            }
            relatedPlansConnection {
              totalCount
            }
            departmentsConnection {
              totalCount
            }
            reformSheetsConnection {
              totalCount
            }
            linkagePlansConnection {
              totalCount
            }
            initiativesConnection {
              totalCount
            }
            measuresConnection(filter: { status: [CHANGED] }) {
              totalCount
              aggregate {
                departmentCount {
                  max
                }
              }
            }
          }
        }
      `),
    ).toMatchInlineSnapshot(`
"CALL () {
MATCH (n:Entity {id: $id})
RETURN n {.id} AS node
}
WITH collect(node) AS rootNodes
WITH *, [x IN rootNodes | x.id] AS parentIds
CALL (parentIds) {
CALL (parentIds) {
UNWIND parentIds AS pageParent
CALL (pageParent) {
UNWIND [pageParent] AS parent
MATCH (:Entity {id: parent})-[:HAS_PROJECT]->(n:Project)
WITH DISTINCT n
WITH n
WHERE coalesce(n.status, '') <> 'DELETED'
RETURN count(n) AS totalCount
}
RETURN pageParent AS parent, totalCount, [] AS pageNodes, [] AS pagePositions, {} AS facets, {} AS aggregates
}
RETURN collect([parent, totalCount, pageNodes, pagePositions, facets, aggregates]) AS page1
}
CALL (parentIds) {
CALL (parentIds) {
UNWIND parentIds AS pageParent
CALL (pageParent) {
UNWIND [pageParent] AS parent
MATCH (:Entity {id: parent})-[:CONTRIBUTES_TO]->(n:Sdg)
WITH DISTINCT n
RETURN count(n) AS totalCount
}
RETURN pageParent AS parent, totalCount, [] AS pageNodes, [] AS pagePositions, {} AS facets, {} AS aggregates
}
RETURN collect([parent, totalCount, pageNodes, pagePositions, facets, aggregates]) AS page2
}
CALL (parentIds) {
CALL (parentIds) {
UNWIND parentIds AS parent
MATCH (:Entity {id: parent})-[:MEASURED_BY]->(n:Indicator)
WITH DISTINCT parent, n
WITH parent, n, [n.target] AS position
ORDER BY position[0] IS NULL, position[0] ASC, n.sortKey
WITH parent, collect({node: n, position: position}) AS matched
WITH parent, matched, [x IN matched WHERE $page3_afterKey IS NULL OR ((($page3_afterValues[0] IS NOT NULL AND (x.position[0] IS NULL OR x.position[0] > $page3_afterValues[0]))) OR (((x.position[0] IS NULL) = ($page3_afterValues[0] IS NULL) AND (x.position[0] IS NULL OR x.position[0] = $page3_afterValues[0])) AND x.node.sortKey > $page3_afterKey))][0..$page3_limit] AS page
RETURN parent, size(matched) AS totalCount, [node IN [x IN page | x.node] | node {.id, .sortKey, .name}] AS pageNodes, [x IN page | x.position] AS pagePositions,
{} AS facets, {} AS aggregates
}
RETURN collect([parent, totalCount, pageNodes, pagePositions, facets, aggregates]) AS page3
}
CALL (parentIds) {
CALL (parentIds) {
UNWIND parentIds AS pageParent
CALL (pageParent) {
UNWIND [pageParent] AS parent
MATCH (:Entity {id: parent})-[:HAS_RELATED_PLAN]->(n:RelatedPlan)
WITH DISTINCT n
RETURN count(n) AS totalCount
}
RETURN pageParent AS parent, totalCount, [] AS pageNodes, [] AS pagePositions, {} AS facets, {} AS aggregates
}
RETURN collect([parent, totalCount, pageNodes, pagePositions, facets, aggregates]) AS page4
}
CALL (parentIds) {
CALL (parentIds) {
UNWIND parentIds AS pageParent
CALL (pageParent) {
UNWIND [pageParent] AS parent
MATCH (parentNode:Entity {id: parent})
CALL (parentNode) {
WITH parentNode AS parent
MATCH (parent)-[:HAS_MEASURE]->(m:Measure)<-[:RESPONSIBLE_FOR]-(node:Department)
WHERE m.status <> 'DELETED'
RETURN DISTINCT node
}
WITH parent, node AS n
WITH DISTINCT n
RETURN count(n) AS totalCount
}
RETURN pageParent AS parent, totalCount, [] AS pageNodes, [] AS pagePositions, {} AS facets, {} AS aggregates
}
RETURN collect([parent, totalCount, pageNodes, pagePositions, facets, aggregates]) AS page5
}
CALL (parentIds) {
CALL (parentIds) {
UNWIND parentIds AS pageParent
CALL (pageParent) {
UNWIND [pageParent] AS parent
MATCH (parentNode:Entity {id: parent})
CALL (parentNode) {
WITH parentNode AS parent
MATCH (parent)-[:HAS_MEASURE]->(:Measure)<-[:SUPPORTS]-(node:ReformSheet)
RETURN DISTINCT node
}
WITH parent, node AS n
WITH DISTINCT n
RETURN count(n) AS totalCount
}
RETURN pageParent AS parent, totalCount, [] AS pageNodes, [] AS pagePositions, {} AS facets, {} AS aggregates
}
RETURN collect([parent, totalCount, pageNodes, pagePositions, facets, aggregates]) AS page6
}
CALL (parentIds) {
CALL (parentIds) {
UNWIND parentIds AS pageParent
CALL (pageParent) {
UNWIND [pageParent] AS parent
MATCH (parentNode:Entity {id: parent})
CALL (parentNode) {
WITH parentNode AS parent
MATCH (parent)<-[:TARGETS]-(:Initiative)<-[:HAS_INITIATIVE]-(node:LinkagePlan)
RETURN DISTINCT node
}
WITH parent, node AS n
WITH DISTINCT n
RETURN count(n) AS totalCount
}
RETURN pageParent AS parent, totalCount, [] AS pageNodes, [] AS pagePositions, {} AS facets, {} AS aggregates
}
RETURN collect([parent, totalCount, pageNodes, pagePositions, facets, aggregates]) AS page7
}
CALL (parentIds) {
CALL (parentIds) {
UNWIND parentIds AS pageParent
CALL (pageParent) {
UNWIND [pageParent] AS parent
MATCH (:Entity {id: parent})<-[:TARGETS]-(n:Initiative)
WITH DISTINCT n
RETURN count(n) AS totalCount
}
RETURN pageParent AS parent, totalCount, [] AS pageNodes, [] AS pagePositions, {} AS facets, {} AS aggregates
}
RETURN collect([parent, totalCount, pageNodes, pagePositions, facets, aggregates]) AS page8
}
CALL (parentIds) {
CALL (parentIds) {
UNWIND parentIds AS pageParent
CALL (pageParent) {
UNWIND [pageParent] AS parent
MATCH (:PolicyItem {id: parent})-[:HAS_MEASURE]->(n:Measure)
WITH DISTINCT n
WITH n
WHERE (n.status IN $page9_c0) AND (n.status <> 'DELETED')
WITH n, COUNT { (n)<-[:RESPONSIBLE_FOR]-(:Department) } AS v0
RETURN count(n) AS totalCount, {\`departmentCount\`: [count(v0), min(v0), max(v0), avg(v0), sum(v0)]} AS aggregates
}
RETURN pageParent AS parent, totalCount, [] AS pageNodes, [] AS pagePositions, {} AS facets, aggregates
}
RETURN collect([parent, totalCount, pageNodes, pagePositions, facets, aggregates]) AS page9
}
RETURN *
-- params
{
 "id": "policy-item:1-1",
 "page3_after": null,
 "page3_afterKey": null,
 "page3_afterValues": [],
 "page3_limit": 51,
 "page9_c0": [
  "CHANGED"
 ]
}"
`);
  });

  it('ReformSheet: departments, partners, measures and SDGs', async () => {
    expect(
      await compiledSelection(graphql`
        {
          reformSheet(code: "1-6") {
            departmentsConnection {
              nodes {
                name
              }
            }
            partnersConnection {
              nodes {
                name
              }
            }
            measuresConnection(first: 2) {
              nodes {
                code
              }
            }
            sdgsConnection {
              totalCount
            }
          }
        }
      `),
    ).toMatchInlineSnapshot(`
"CALL () {
MATCH (n:Entity {id: $id})
RETURN n {.id} AS node
}
WITH collect(node) AS rootNodes
WITH *, [x IN rootNodes | x.id] AS parentIds
CALL (parentIds) {
CALL (parentIds) {
UNWIND parentIds AS parent
MATCH (:Entity {id: parent})<-[:EXECUTES]-(n:Department)
WITH DISTINCT parent, n
WITH parent, n, [] AS position
ORDER BY n.sortKey
WITH parent, collect({node: n, position: position}) AS matched
WITH parent, matched, [x IN matched WHERE $page1_afterKey IS NULL OR ((x.node.sortKey > $page1_afterKey))][0..$page1_limit] AS page
RETURN parent, size(matched) AS totalCount, [node IN [x IN page | x.node] | node {.id, .sortKey, .name}] AS pageNodes, [x IN page | x.position] AS pagePositions,
{} AS facets, {} AS aggregates
}
RETURN collect([parent, totalCount, pageNodes, pagePositions, facets, aggregates]) AS page1
}
CALL (parentIds) {
CALL (parentIds) {
UNWIND parentIds AS parent
MATCH (:Entity {id: parent})<-[:PARTNERS_ON]-(n:Department)
WITH DISTINCT parent, n
WITH parent, n, [] AS position
ORDER BY n.sortKey
WITH parent, collect({node: n, position: position}) AS matched
WITH parent, matched, [x IN matched WHERE $page2_afterKey IS NULL OR ((x.node.sortKey > $page2_afterKey))][0..$page2_limit] AS page
RETURN parent, size(matched) AS totalCount, [node IN [x IN page | x.node] | node {.id, .sortKey, .name}] AS pageNodes, [x IN page | x.position] AS pagePositions,
{} AS facets, {} AS aggregates
}
RETURN collect([parent, totalCount, pageNodes, pagePositions, facets, aggregates]) AS page2
}
CALL (parentIds) {
CALL (parentIds) {
UNWIND parentIds AS parent
MATCH (:Entity {id: parent})-[:SUPPORTS]->(n:Measure)
WITH DISTINCT parent, n
WITH parent, n
WHERE (true) AND (n.status <> 'DELETED')
WITH parent, n, [] AS position
ORDER BY n.sortKey
WITH parent, collect({node: n, position: position}) AS matched
WITH parent, matched, [x IN matched WHERE $page3_afterKey IS NULL OR ((x.node.sortKey > $page3_afterKey))][0..$page3_limit] AS page
RETURN parent, size(matched) AS totalCount, [node IN [x IN page | x.node] | node {.id, .sortKey, .code, .status}] AS pageNodes, [x IN page | x.position] AS pagePositions,
{} AS facets, {} AS aggregates
}
RETURN collect([parent, totalCount, pageNodes, pagePositions, facets, aggregates]) AS page3
}
CALL (parentIds) {
CALL (parentIds) {
UNWIND parentIds AS pageParent
CALL (pageParent) {
UNWIND [pageParent] AS parent
MATCH (parentNode:Entity {id: parent})
CALL (parentNode) {
WITH parentNode AS parent
MATCH (parent)-[:SUPPORTS]->(:Measure)<-[:HAS_MEASURE]-(:PolicyItem)-[:CONTRIBUTES_TO]->(node:Sdg)
RETURN DISTINCT node
}
WITH parent, node AS n
WITH DISTINCT n
RETURN count(n) AS totalCount
}
RETURN pageParent AS parent, totalCount, [] AS pageNodes, [] AS pagePositions, {} AS facets, {} AS aggregates
}
RETURN collect([parent, totalCount, pageNodes, pagePositions, facets, aggregates]) AS page4
}
RETURN *
-- params
{
 "id": "reform-sheet:1-6",
 "page1_after": null,
 "page1_afterKey": null,
 "page1_afterValues": [],
 "page1_limit": 51,
 "page2_after": null,
 "page2_afterKey": null,
 "page2_afterValues": [],
 "page2_limit": 51,
 "page3_after": null,
 "page3_afterKey": null,
 "page3_afterValues": [],
 "page3_limit": 3
}"
`);
  });

  it('ReformArea: sheets filtered and sorted, below the short list', async () => {
    expect(
      await compiledSelection(graphql`
        {
          reformAreas {
            number
            sheetsConnection(first: 2, filter: { evaluation: "A" }, orderBy: [{ field: START_YEAR, direction: DESC }]) {
              totalCount
              nodes {
                code
              }
            }
          }
        }
      `),
    ).toMatchInlineSnapshot(`
"CALL () {
MATCH (n:ReformArea)
WITH n, n {.sortKey, .id, .number} AS stored
ORDER BY stored.sortKey
RETURN stored {.id, .number} AS node
}
WITH collect(node) AS rootNodes
WITH *, [x IN rootNodes | x.id] AS parentIds
CALL (parentIds) {
CALL (parentIds) {
UNWIND parentIds AS parent
MATCH (:ReformArea {id: parent})<-[:IN_AREA]-(n:ReformSheet)
WITH DISTINCT parent, n
WITH parent, n
WHERE n.evaluation IN $page1_c0
WITH parent, n, [n.startYear] AS position
ORDER BY position[0] IS NULL, position[0] DESC, n.sortKey
WITH parent, collect({node: n, position: position}) AS matched
WITH parent, matched, [x IN matched WHERE $page1_afterKey IS NULL OR ((($page1_afterValues[0] IS NOT NULL AND (x.position[0] IS NULL OR x.position[0] < $page1_afterValues[0]))) OR (((x.position[0] IS NULL) = ($page1_afterValues[0] IS NULL) AND (x.position[0] IS NULL OR x.position[0] = $page1_afterValues[0])) AND x.node.sortKey > $page1_afterKey))][0..$page1_limit] AS page
RETURN parent, size(matched) AS totalCount, [node IN [x IN page | x.node] | node {.id, .sortKey, .code}] AS pageNodes, [x IN page | x.position] AS pagePositions,
{} AS facets, {} AS aggregates
}
RETURN collect([parent, totalCount, pageNodes, pagePositions, facets, aggregates]) AS page1
}
RETURN *
-- params
{
 "page1_c0": [
  "A"
 ],
 "page1_after": null,
 "page1_afterKey": null,
 "page1_afterValues": [],
 "page1_limit": 3
}"
`);
  });

  it('Sdg: departments, reform sheets, policy items and measures with facets and aggregates', async () => {
    expect(
      await compiledSelection(graphql`
        {
          sdgs {
            number
            departmentsConnection(first: 1) {
              totalCount
            }
            reformSheetsConnection(first: 1) {
              totalCount
            }
            policyItemsConnection(first: 1) {
              aggregate {
                measureCount {
                  sum
                }
              }
            }
            measuresConnection(first: 2, filter: { department: "農政課" }) {
              facets {
                statuses {
                  count
                }
              }
              nodes {
                code
              }
            }
          }
        }
      `),
    ).toMatchInlineSnapshot(`
"CALL () {
MATCH (n:Sdg)
WITH n, n {.sortKey, .id, .number} AS stored
ORDER BY stored.sortKey
RETURN stored {.id, .number} AS node
}
WITH collect(node) AS rootNodes
WITH *, [x IN rootNodes | x.id] AS parentIds
CALL (parentIds) {
CALL (parentIds) {
UNWIND parentIds AS pageParent
CALL (pageParent) {
UNWIND [pageParent] AS parent
MATCH (parentNode:Entity {id: parent})
CALL (parentNode) {
WITH parentNode AS parent
MATCH (parent)<-[:CONTRIBUTES_TO]-(:PolicyItem)-[:HAS_MEASURE]->(m:Measure)<-[:RESPONSIBLE_FOR]-(node:Department)
WHERE m.status <> 'DELETED'
RETURN DISTINCT node
}
WITH parent, node AS n
WITH DISTINCT n
RETURN count(n) AS totalCount
}
RETURN pageParent AS parent, totalCount, [] AS pageNodes, [] AS pagePositions, {} AS facets, {} AS aggregates
}
RETURN collect([parent, totalCount, pageNodes, pagePositions, facets, aggregates]) AS page1
}
CALL (parentIds) {
CALL (parentIds) {
UNWIND parentIds AS pageParent
CALL (pageParent) {
UNWIND [pageParent] AS parent
MATCH (parentNode:Entity {id: parent})
CALL (parentNode) {
WITH parentNode AS parent
MATCH (parent)<-[:CONTRIBUTES_TO]-(:PolicyItem)-[:HAS_MEASURE]->(:Measure)<-[:SUPPORTS]-(node:ReformSheet)
RETURN DISTINCT node
}
WITH parent, node AS n
WITH DISTINCT n
RETURN count(n) AS totalCount
}
RETURN pageParent AS parent, totalCount, [] AS pageNodes, [] AS pagePositions, {} AS facets, {} AS aggregates
}
RETURN collect([parent, totalCount, pageNodes, pagePositions, facets, aggregates]) AS page2
}
CALL (parentIds) {
CALL (parentIds) {
UNWIND parentIds AS pageParent
CALL (pageParent) {
UNWIND [pageParent] AS parent
MATCH (:Sdg {id: parent})<-[:CONTRIBUTES_TO]-(n:PolicyItem)
WITH DISTINCT n
WITH n, COUNT { (n)-[:HAS_MEASURE]->(m:Measure) WHERE m.status <> 'DELETED' } AS v0
RETURN count(n) AS totalCount, {\`measureCount\`: [count(v0), min(v0), max(v0), avg(v0), sum(v0)]} AS aggregates
}
RETURN pageParent AS parent, totalCount, [] AS pageNodes, [] AS pagePositions, {} AS facets, aggregates
}
RETURN collect([parent, totalCount, pageNodes, pagePositions, facets, aggregates]) AS page3
}
CALL (parentIds) {
CALL (parentIds) {
UNWIND parentIds AS parent
MATCH (:Sdg {id: parent})<-[:CONTRIBUTES_TO]-(:PolicyItem)-[:HAS_MEASURE]->(n:Measure)
WITH DISTINCT parent, n
WITH parent, n
WHERE (EXISTS { (n)<-[:RESPONSIBLE_FOR]-(d:Department) WHERE d.id IN $page4_c0 }) AND (n.status <> 'DELETED')
WITH parent, n, [] AS position
ORDER BY n.sortKey
WITH parent, collect({node: n, position: position}) AS matched
WITH parent, matched, [x IN matched WHERE $page4_afterKey IS NULL OR ((x.node.sortKey > $page4_afterKey))][0..$page4_limit] AS page
CALL (matched) {
UNWIND matched AS x
WITH x.node.status AS status, count(*) AS count
ORDER BY status
RETURN collect({status: status, count: count}) AS facet
}
WITH parent, matched, page, facet AS facet0
RETURN parent, size(matched) AS totalCount, [node IN [x IN page | x.node] | node {.id, .sortKey, .code, .status}] AS pageNodes, [x IN page | x.position] AS pagePositions,
{statuses: facet0} AS facets, {} AS aggregates
}
RETURN collect([parent, totalCount, pageNodes, pagePositions, facets, aggregates]) AS page4
}
RETURN *
-- params
{
 "page4_c0": [
  "department:agricultural-policy"
 ],
 "page4_after": null,
 "page4_afterKey": null,
 "page4_afterValues": [],
 "page4_limit": 3
}"
`);
  });

  it('a connection below a relationship list, below a root connection', async () => {
    expect(
      await compiledSelection(graphql`
        {
          measures(first: 2) {
            nodes {
              code
              policyItem {
                code
                indicatorsConnection(first: 1, filter: { target: { gt: 0 } }) {
                  totalCount
                  nodes {
                    name
                  }
                }
              }
            }
          }
        }
      `),
    ).toMatchInlineSnapshot(`
"CALL () {
MATCH (n:Measure)
WITH n
WHERE (true) AND (n.status <> 'DELETED')
WITH n, [] AS position
ORDER BY n.sortKey
WITH collect({node: n, position: position}) AS matched
WITH matched, [x IN matched WHERE $afterKey IS NULL OR ((x.node.sortKey > $afterKey))][0..$limit] AS page
RETURN size(matched) AS totalCount, [node IN [x IN page | x.node] | node {.id, .sortKey, .code, .status}] AS pageNodes, [x IN page | x.position] AS pagePositions,
{} AS facets, {} AS aggregates
}
CALL (pageNodes) {
UNWIND pageNodes[0..$limit - 1] AS rootNode
MATCH (n0:Entity {id: rootNode.id})
CALL (n0) {
CALL (n0) {
MATCH (n0)<-[:HAS_MEASURE]-(n1:PolicyItem)
RETURN n1
}
WITH n1 {.sortKey, .id, .code} AS p1 ORDER BY p1.sortKey
WITH collect([p1.id, p1.code]) AS c1
WITH c1, [x IN c1 | x[0]] AS c1_parentIds
CALL (c1_parentIds) {
CALL (c1_parentIds) {
UNWIND c1_parentIds AS parent
MATCH (:Entity {id: parent})-[:MEASURED_BY]->(n:Indicator)
WITH DISTINCT parent, n
WITH parent, n
WHERE coalesce((n.target) > $c1_page1_c0, false)
WITH parent, n, [] AS position
ORDER BY n.sortKey
WITH parent, collect({node: n, position: position}) AS matched
WITH parent, matched, [x IN matched WHERE $c1_page1_afterKey IS NULL OR ((x.node.sortKey > $c1_page1_afterKey))][0..$c1_page1_limit] AS page
RETURN parent, size(matched) AS totalCount, [node IN [x IN page | x.node] | node {.id, .sortKey, .name}] AS pageNodes, [x IN page | x.position] AS pagePositions,
{} AS facets, {} AS aggregates
}
RETURN collect([parent, totalCount, pageNodes, pagePositions, facets, aggregates]) AS c1_page1
}
RETURN c1, c1_page1
}
RETURN collect({id: n0.id, c1: c1, c1_page1: c1_page1}) AS prefetch
}
RETURN *
-- params
{
 "after": null,
 "afterKey": null,
 "afterValues": [],
 "limit": 3,
 "c1_page1_c0": 0,
 "c1_page1_after": null,
 "c1_page1_afterKey": null,
 "c1_page1_afterValues": [],
 "c1_page1_limit": 2
}"
`);
  });
});
