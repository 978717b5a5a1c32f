import { compiledSelection, graphql } from '../../../helpers/compiled-selection';

/**
 * The compile tier, the other root fields: a lookup by key (the node and what is selected below it, one
 * statement; nothing below: the node loader), a department by name, the short lists, and search. See
 * root-connections.test.ts for what a snapshot here stands for.
 */
describe('compile tier: lookups, short lists and search', () => {
  it('measure: only its own properties selected, no statement of its own', async () => {
    expect(
      await compiledSelection(graphql`
        {
          measure(code: "5-1-3") {
            code
            name
          }
        }
      `),
    ).toMatchInlineSnapshot(`"(no statement of its own: the node loader reads it)"`);
  });

  it('measure: single hops out and in, a path, and a hop below a hop', async () => {
    expect(
      await compiledSelection(graphql`
        {
          measure(code: " 5-1-3 ") {
            code
            departments {
              name
            }
            sdgs {
              number
            }
            reformSheets {
              code
            }
            policyItem {
              code
              field {
                name
              }
            }
          }
        }
      `),
    ).toMatchInlineSnapshot(`
"CALL () {
MATCH (n:Entity {id: $id})
RETURN n {.id, .code, .status} AS node, n AS n0
}
CALL (n0) {
CALL (n0) {
MATCH (n0)<-[:RESPONSIBLE_FOR]-(n1:Department)
RETURN n1
}
WITH n1 {.sortKey, .name} AS p1 ORDER BY p1.sortKey
RETURN collect([p1.name]) AS c1
}
CALL (n0) {
CALL (n0) {
MATCH (n0)<-[:HAS_MEASURE]-(:PolicyItem)-[:CONTRIBUTES_TO]->(n1:Sdg)
RETURN DISTINCT n1
}
WITH n1 {.sortKey, .number} AS p1 ORDER BY p1.sortKey
RETURN collect([p1.number]) AS c2
}
CALL (n0) {
CALL (n0) {
MATCH (n0)<-[:SUPPORTS]-(n1:ReformSheet)
RETURN n1
}
WITH n1 {.sortKey, .code} AS p1 ORDER BY p1.sortKey
RETURN collect([p1.code]) AS c3
}
CALL (n0) {
CALL (n0) {
MATCH (n0)<-[:HAS_MEASURE]-(n1:PolicyItem)
RETURN n1
}
CALL (n1) {
CALL (n1) {
MATCH (n1)<-[:HAS_ITEM]-(n2:Field)
RETURN n2
}
WITH n2 {.sortKey, .name} AS p2 ORDER BY p2.sortKey
RETURN collect([p2.name]) AS c5
}
WITH n1 {.sortKey, .id, .code} AS p1, c5 ORDER BY p1.sortKey
RETURN collect([p1.id, p1.code, c5]) AS c4
}
WITH collect(node) AS rootNodes, collect({id: node.id, c1: c1, c2: c2, c3: c3, c4: c4}) AS prefetch
RETURN *
-- params
{
 "id": "measure:5-1-3"
}"
`);
  });

  it('policyItem: every list below it, aliases merged', async () => {
    expect(
      await compiledSelection(graphql`
        {
          policyItem(code: "1-1") {
            code
            a: measures {
              code
            }
            b: measures {
              name
            }
            indicators {
              name
            }
            projects {
              name
            }
            relatedPlans {
              name
            }
            linkagePlans {
              number
            }
            initiatives {
              text
            }
            departments {
              name
            }
          }
        }
      `),
    ).toMatchInlineSnapshot(`
"CALL () {
MATCH (n:Entity {id: $id})
RETURN n {.id, .code} AS node, n AS n0
}
CALL (n0) {
CALL (n0) {
MATCH (n0)-[:HAS_MEASURE]->(n1:Measure)
WHERE n1.status <> 'DELETED'
RETURN DISTINCT n1
}
WITH n1, n1 {.sortKey, .code, .name} AS p1 ORDER BY p1.sortKey
RETURN collect([p1.code, p1.name, n1.status]) AS c1
}
CALL (n0) {
CALL (n0) {
MATCH (n0)-[:MEASURED_BY]->(n1:Indicator)
RETURN n1
}
WITH n1 {.sortKey, .name} AS p1 ORDER BY p1.sortKey
RETURN collect([p1.name]) AS c2
}
CALL (n0) {
CALL (n0) {
MATCH (n0)-[:HAS_PROJECT]->(n1:Project)
WHERE n1.status <> 'DELETED'
RETURN DISTINCT n1
}
WITH n1, n1 {.sortKey, .name} AS p1 ORDER BY p1.sortKey
RETURN collect([p1.name, n1.status]) AS c3
}
CALL (n0) {
CALL (n0) {
MATCH (n0)-[:HAS_RELATED_PLAN]->(n1:RelatedPlan)
RETURN n1
}
WITH n1 {.sortKey, .name, .status} AS p1 ORDER BY p1.sortKey
RETURN collect([p1.name, p1.status]) AS c4
}
CALL (n0) {
CALL (n0) {
MATCH (n0)<-[:TARGETS]-(:Initiative)<-[:HAS_INITIATIVE]-(n1:LinkagePlan)
RETURN DISTINCT n1
}
WITH n1 {.sortKey, .number} AS p1 ORDER BY p1.sortKey
RETURN collect([p1.number]) AS c5
}
CALL (n0) {
CALL (n0) {
MATCH (n0)<-[:TARGETS]-(n1:Initiative)
RETURN n1
}
WITH n1 {.sortKey, .text} AS p1 ORDER BY p1.sortKey
RETURN collect([p1.text]) AS c6
}
CALL (n0) {
CALL (n0) {
MATCH (n0)-[:HAS_MEASURE]->(m:Measure)<-[:RESPONSIBLE_FOR]-(n1:Department)
WHERE m.status <> 'DELETED'
RETURN DISTINCT n1
}
WITH n1 {.sortKey, .name} AS p1 ORDER BY p1.sortKey
RETURN collect([p1.name]) AS c7
}
WITH collect(node) AS rootNodes, collect({id: node.id, c1: c1, c2: c2, c3: c3, c4: c4, c5: c5, c6: c6, c7: c7}) AS prefetch
RETURN *
-- params
{
 "id": "policy-item:1-1"
}"
`);
  });

  it('reformSheet: its area, departments and partners', async () => {
    expect(
      await compiledSelection(graphql`
        {
          reformSheet(code: "1-6") {
            code
            area {
              number
            }
            departments {
              name
            }
            partners {
              name
            }
          }
        }
      `),
    ).toMatchInlineSnapshot(`
"CALL () {
MATCH (n:Entity {id: $id})
RETURN n {.id, .code} AS node, n AS n0
}
CALL (n0) {
CALL (n0) {
MATCH (n0)-[:IN_AREA]->(n1:ReformArea)
RETURN n1
}
WITH n1 {.sortKey, .number} AS p1 ORDER BY p1.sortKey
RETURN collect([p1.number]) AS c1
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
MATCH (n0)<-[:PARTNERS_ON]-(n1:Department)
RETURN n1
}
WITH n1 {.sortKey, .name} AS p1 ORDER BY p1.sortKey
RETURN collect([p1.name]) AS c3
}
WITH collect(node) AS rootNodes, collect({id: node.id, c1: c1, c2: c2, c3: c3}) AS prefetch
RETURN *
-- params
{
 "id": "reform-sheet:1-6"
}"
`);
  });

  it('sdg: fragments and @include walked as execution walks them', async () => {
    expect(
      await compiledSelection(
        graphql`
          query ($deep: Boolean!) {
            sdg(number: 11) {
              ...Goal
            }
          }
          fragment Goal on Sdg {
            number
            policyItems @include(if: $deep) {
              code
            }
            measures {
              code
            }
            departments {
              name
            }
          }
        `,
        { deep: true },
      ),
    ).toMatchInlineSnapshot(`
"CALL () {
MATCH (n:Entity {id: $id})
RETURN n {.id, .number} AS node, n AS n0
}
CALL (n0) {
CALL (n0) {
MATCH (n0)<-[:CONTRIBUTES_TO]-(n1:PolicyItem)
RETURN n1
}
WITH n1 {.sortKey, .code} AS p1 ORDER BY p1.sortKey
RETURN collect([p1.code]) AS c1
}
CALL (n0) {
CALL (n0) {
MATCH (n0)<-[:CONTRIBUTES_TO]-(:PolicyItem)-[:HAS_MEASURE]->(n1:Measure)
WHERE n1.status <> 'DELETED'
RETURN DISTINCT n1
}
WITH n1, n1 {.sortKey, .code} AS p1 ORDER BY p1.sortKey
RETURN collect([p1.code, n1.status]) AS c2
}
CALL (n0) {
CALL (n0) {
MATCH (n0)<-[:CONTRIBUTES_TO]-(:PolicyItem)-[:HAS_MEASURE]->(m:Measure)<-[:RESPONSIBLE_FOR]-(n1:Department)
WHERE m.status <> 'DELETED'
RETURN DISTINCT n1
}
WITH n1 {.sortKey, .name} AS p1 ORDER BY p1.sortKey
RETURN collect([p1.name]) AS c3
}
WITH collect(node) AS rootNodes, collect({id: node.id, c1: c1, c2: c2, c3: c3}) AS prefetch
RETURN *
-- params
{
 "id": "sdg:11"
}"
`);
  });

  it('linkagePlan: its initiatives and their policy items', async () => {
    expect(
      await compiledSelection(graphql`
        {
          linkagePlan(number: 1) {
            name
            initiatives {
              number
              policyItems {
                code
              }
            }
            policyItems {
              code
            }
          }
        }
      `),
    ).toMatchInlineSnapshot(`
"CALL () {
MATCH (n:Entity {id: $id})
RETURN n {.id, .name} AS node, n AS n0
}
CALL (n0) {
CALL (n0) {
MATCH (n0)-[:HAS_INITIATIVE]->(n1:Initiative)
RETURN n1
}
CALL (n1) {
CALL (n1) {
MATCH (n1)-[:TARGETS]->(n2:PolicyItem)
RETURN n2
}
WITH n2 {.sortKey, .code} AS p2 ORDER BY p2.sortKey
RETURN collect([p2.code]) AS c2
}
WITH n1 {.sortKey, .id, .number} AS p1, c2 ORDER BY p1.sortKey
RETURN collect([p1.id, p1.number, c2]) AS c1
}
CALL (n0) {
CALL (n0) {
MATCH (n0)-[:HAS_INITIATIVE]->(:Initiative)-[:TARGETS]->(n1:PolicyItem)
RETURN DISTINCT n1
}
WITH n1 {.sortKey, .code} AS p1 ORDER BY p1.sortKey
RETURN collect([p1.code]) AS c3
}
WITH collect(node) AS rootNodes, collect({id: node.id, c1: c1, c3: c3}) AS prefetch
RETURN *
-- params
{
 "id": "linkage-plan:1"
}"
`);
  });

  it('department: named in Japanese, resolved to its id before the compile', async () => {
    expect(
      await compiledSelection(graphql`
        {
          department(ref: "農政課") {
            name
            measures {
              code
            }
            reformSheets {
              code
            }
          }
        }
      `),
    ).toMatchInlineSnapshot(`
"CALL () {
MATCH (n:Entity {id: $id})
RETURN n {.id, .name} AS node, n AS n0
}
CALL (n0) {
CALL (n0) {
MATCH (n0)-[:RESPONSIBLE_FOR]->(n1:Measure)
WHERE n1.status <> 'DELETED'
RETURN DISTINCT n1
}
WITH n1, n1 {.sortKey, .code} AS p1 ORDER BY p1.sortKey
RETURN collect([p1.code, n1.status]) AS c1
}
CALL (n0) {
CALL (n0) {
MATCH (n0)-[:EXECUTES|PARTNERS_ON]->(n1:ReformSheet)
RETURN DISTINCT n1
}
WITH n1 {.sortKey, .code} AS p1 ORDER BY p1.sortKey
RETURN collect([p1.code]) AS c2
}
WITH collect(node) AS rootNodes, collect({id: node.id, c1: c1, c2: c2}) AS prefetch
RETURN *
-- params
{
 "id": "department:agricultural-policy"
}"
`);
  });

  it('fields: every field in order, only the properties read', async () => {
    expect(
      await compiledSelection(graphql`
        {
          fields {
            number
            name
          }
        }
      `),
    ).toMatchInlineSnapshot(`
"MATCH (n:Field)
WITH n, n {.sortKey, .id, .number, .name} AS stored
ORDER BY stored.sortKey
RETURN stored {.id, .number, .name} AS node
-- params
{}"
`);
  });

  it('fields: their policy items and measures, two levels below the list', async () => {
    expect(
      await compiledSelection(graphql`
        {
          fields {
            number
            policyItems {
              code
              measures {
                code
                departments {
                  name
                }
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
RETURN stored {.id, .number} AS node, n AS n0
}
CALL (n0) {
CALL (n0) {
MATCH (n0)-[:HAS_ITEM]->(n1:PolicyItem)
RETURN n1
}
CALL (n1) {
CALL (n1) {
MATCH (n1)-[:HAS_MEASURE]->(n2:Measure)
WHERE n2.status <> 'DELETED'
RETURN DISTINCT n2
}
CALL (n2) {
CALL (n2) {
MATCH (n2)<-[:RESPONSIBLE_FOR]-(n3:Department)
RETURN n3
}
WITH n3 {.sortKey, .name} AS p3 ORDER BY p3.sortKey
RETURN collect([p3.name]) AS c3
}
WITH n2, n2 {.sortKey, .id, .code} AS p2, c3 ORDER BY p2.sortKey
RETURN collect([p2.id, p2.code, n2.status, c3]) AS c2
}
WITH n1 {.sortKey, .id, .code} AS p1, c2 ORDER BY p1.sortKey
RETURN collect([p1.id, p1.code, c2]) AS c1
}
WITH collect(node) AS rootNodes, collect({id: node.id, c1: c1}) AS prefetch
RETURN *
-- params
{}"
`);
  });

  it('sdgs, reformAreas and linkagePlans: the short lists', async () => {
    expect(
      await compiledSelection(graphql`
        {
          sdgs {
            number
            measures {
              code
            }
          }
        }
      `),
    ).toMatchInlineSnapshot(`
"CALL () {
MATCH (n:Sdg)
WITH n, n {.sortKey, .id, .number} AS stored
ORDER BY stored.sortKey
RETURN stored {.id, .number} AS node, n AS n0
}
CALL (n0) {
CALL (n0) {
MATCH (n0)<-[:CONTRIBUTES_TO]-(:PolicyItem)-[:HAS_MEASURE]->(n1:Measure)
WHERE n1.status <> 'DELETED'
RETURN DISTINCT n1
}
WITH n1, n1 {.sortKey, .code} AS p1 ORDER BY p1.sortKey
RETURN collect([p1.code, n1.status]) AS c1
}
WITH collect(node) AS rootNodes, collect({id: node.id, c1: c1}) AS prefetch
RETURN *
-- params
{}"
`);
    expect(
      await compiledSelection(graphql`
        {
          reformAreas {
            number
            sheets {
              code
            }
          }
        }
      `),
    ).toMatchInlineSnapshot(`
"CALL () {
MATCH (n:ReformArea)
WITH n, n {.sortKey, .id, .number} AS stored
ORDER BY stored.sortKey
RETURN stored {.id, .number} AS node, n AS n0
}
CALL (n0) {
CALL (n0) {
MATCH (n0)<-[:IN_AREA]-(n1:ReformSheet)
RETURN n1
}
WITH n1 {.sortKey, .code} AS p1 ORDER BY p1.sortKey
RETURN collect([p1.code]) AS c1
}
WITH collect(node) AS rootNodes, collect({id: node.id, c1: c1}) AS prefetch
RETURN *
-- params
{}"
`);
    expect(
      await compiledSelection(graphql`
        {
          linkagePlans {
            number
            name
          }
        }
      `),
    ).toMatchInlineSnapshot(`
"MATCH (n:LinkagePlan)
WITH n, n {.sortKey, .id, .number, .name} AS stored
ORDER BY stored.sortKey
RETURN stored {.id, .number, .name} AS node
-- params
{}"
`);
  });

  it('search: every kind, the hits carrying what the operation reads of them', async () => {
    expect(
      await compiledSelection(graphql`
        {
          search(text: "子育て支援") {
            score
            node {
              id
              ... on Measure {
                code
                name
              }
              ... on Sdg {
                number
              }
            }
          }
        }
      `),
    ).toMatchInlineSnapshot(`
"CALL () {
CALL db.index.fulltext.queryNodes('entity_text', $lucene) YIELD node, score
MATCH (node:Entity)
RETURN node, score
UNION ALL
MATCH (node:Entity)
WHERE node.searchText CONTAINS $folded
MATCH (node:Entity)
RETURN node, 0.0 AS score
}
WITH node, max(score) AS score
ORDER BY score DESC, node.sortKey
LIMIT $first
RETURN node {.code, .id, .name, .number, .status} AS node, score
-- params
{
 "lucene": "\\"子育て支援\\"",
 "folded": "子育て支援",
 "first": 20
}"
`);
  });

  it('search: a short text over two kinds scans their labels', async () => {
    expect(
      await compiledSelection(graphql`
        {
          search(text: "ごみ", types: [MEASURE, REFORM_SHEET], first: 5) {
            node {
              id
            }
          }
        }
      `),
    ).toMatchInlineSnapshot(`
"CALL () {
CALL db.index.fulltext.queryNodes('entity_text', $lucene) YIELD node, score
MATCH (node:Measure|ReformSheet)
RETURN node, score
UNION ALL
MATCH (node:Measure|ReformSheet)
WHERE node.searchText CONTAINS $folded
MATCH (node:Measure|ReformSheet)
RETURN node, 0.0 AS score
}
WITH node, max(score) AS score
ORDER BY score DESC, node.sortKey
LIMIT $first
RETURN node {.id, .status} AS node, score
-- params
{
 "lucene": "\\"ごみ\\"",
 "folded": "ごみ",
 "first": 5
}"
`);
  });
});
