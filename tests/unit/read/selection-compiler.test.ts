import type { CypherFile } from '../../../src/db/cypher-files';
import { readFileSync } from 'node:fs';
import {
  buildSchema,
  Kind,
  parse,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { CypherRegistry } from '../../../src/db/cypher-registry';
import type { CompiledStatement } from '../../../src/db/graph-gateway';
import { parseFragment } from '../../../src/db/cypher-fragment';
import { compilePrefetch } from '../../../src/read/prefetch/compile-prefetch';
import { projectedProperties, typeNameOf } from '../../../src/read/prefetch/property-demand';
import { RowReader } from '../../../src/db/row-reader';
import type { PlainValue } from '../../../src/db/plain-values';
import type { NodeLabel } from '../../../src/graph/graph-model';
import { MAPPERS } from '../../../src/model/node/to-graphql-node';
import { keyOf } from '../../../src/read/declared-relationships';
import { NODE_PROPERTIES } from '../../../src/graph/node-properties';
import {
  planProjections,
  rootNodeSelection,
  type PlannedProjection,
  type RootField,
} from '../../../src/read/prefetch/selection-plan';
import { SCHEMA_FILE } from '../../../src/cli/schema-text';

const schema: GraphQLSchema = buildSchema(readFileSync(SCHEMA_FILE, 'utf8'));
const SEED_GRAPH = 'seed/graph.json';

/** A mapped object's fields by name. */
const fieldsOf = (mapped: object): Map<string, unknown> => new Map(Object.entries(mapped) as [string, unknown][]);
const cypher = CypherRegistry.load();
const source = cypher;

/** The first root field of `query` as a resolver sees it (what GraphQLResolveInfo carries). */
function rootField(query: string, variableValues: Record<string, unknown> = {}): RootField {
  const document = parse(query);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const field = operation?.selectionSet.selections.find((s): s is FieldNode => s.kind === Kind.FIELD);
  const definition = field && schema.getQueryType()?.getFields()[field.name.value];
  if (!operation || !field || !definition) throw new Error(`no root field in ${query}`);
  const fragments = Object.fromEntries(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  return { schema, fragments, variableValues, operation, returnType: definition.type, fieldNodes: [field] };
}

/** The planned projection keys, nested, e.g. `out:HAS_ITEM(in:RESPONSIBLE_FOR)`. */
function planOf(query: string, variables?: Record<string, unknown>): string {
  const field = rootField(query, variables);
  const root = rootNodeSelection(field);
  if (!root) return '(no object type)';
  const show = (plan: readonly PlannedProjection[]): string =>
    plan.map((p) => (p.children.length ? `${keyOf(p.hop)}(${show(p.children)})` : keyOf(p.hop))).join(' ');
  return show(planProjections(field, root.type, root.fieldNodes));
}

function compiledText(
  query: string,
  statement: CypherFile | CompiledStatement,
  kind: 'list' | 'rows',
  column: string,
): string {
  const field = rootField(query);
  const root = rootNodeSelection(field);
  if (!root) throw new Error('no object type');
  const plan = planProjections(field, root.type, root.fieldNodes);
  const rootStatement = typeof statement === 'string' ? { text: source.get(statement), origin: statement } : statement;
  return compilePrefetch(source, rootStatement, { kind, column }, plan, (label) =>
    projectedProperties(field, label, 'related'),
  ).statement.text;
}

describe('the selection compiler', () => {
  it('plans the relationship fields of a connection, through nodes and edges.node alike', () => {
    expect(
      planOf(`{ policyItems(first: 10) { totalCount nodes { code measures { code departments { name } } }
        edges { node { sdgs { number } } } } }`),
    ).toBe('path:policy-item/measures-kept(in:RESPONSIBLE_FOR) out:CONTRIBUTES_TO');
  });

  it('follows named and inline fragments, and fetches one relationship once whatever its aliases', () => {
    const query = `{ measure(code: "5-1-3") { ...M ... on Measure { owners: departments { id } } } }
      fragment M on Measure { code a: departments { name } item: policyItem { name } }`;
    expect(planOf(query)).toBe('in:RESPONSIBLE_FOR in:HAS_MEASURE');
    const text = compiledText(query, 'graph/nodes-by-id', 'rows', 'node');
    expect(text.match(/RESPONSIBLE_FOR/g)).toHaveLength(1);
    // Aliases are the client's text: they never reach the statement, whose columns are generated.
    expect(text).not.toMatch(/owners|\ba:|item/);
  });

  it('applies @skip and @include with the request variables', () => {
    const query = `query ($skip: Boolean!, $sheets: Boolean!) { measure(code: "5-1-3") {
      departments @skip(if: $skip) { name } reformSheets @include(if: $sheets) { code } } }`;
    expect(planOf(query, { skip: true, sheets: false })).toBe('');
    expect(planOf(query, { skip: false, sheets: true })).toBe('in:RESPONSIBLE_FOR in:SUPPORTS');
  });

  it('chooses the projection from the arguments, with their defaults', () => {
    expect(planOf('{ department(ref: "x") { executes: reformSheets(role: EXECUTING) { code } } }')).toBe(
      'out:EXECUTES',
    );
    expect(planOf('{ department(ref: "x") { reformSheets { code } } }')).toBe('path:department/reform-sheets');
  });

  it('leaves out what it does not know: computed fields and fields of abstract type', () => {
    expect(planOf('{ department(ref: "x") { collaborators { sharedMeasures } } }')).toBe('');
    expect(planOf('{ node(id: "measure:5-1-3") { ... on Measure { departments { name } } } }')).toBe(
      '(no object type)',
    );
  });

  it('wraps the root statement and nests one CALL per level, parent and node renamed per level', () => {
    // Each related node as a list of the properties the operation reads of its type, then its children's
    // columns: the SDGs' number, and of the policy items their id alone (`number` is asked of the SDGs), each
    // read in one map projection with the sort key that orders them.
    const text = compiledText(
      '{ measure(code: "5-1-3") { policyItem { sdgs { number } } } }',
      'graph/nodes-by-id',
      'rows',
      'node',
    );
    expect(text).toBe(
      [
        'CALL () {',
        'UNWIND $ids AS id',
        'MATCH (n:Entity {id: id})',
        'WITH id, properties(n) AS node',
        'WHERE node.id IS NOT NULL',
        'RETURN id, node',
        '}',
        'WITH collect(node) AS rootNodes',
        'CALL (rootNodes) {',
        'UNWIND rootNodes AS rootNode',
        'MATCH (n0:Entity {id: rootNode.id})',
        'CALL (n0) {',
        'CALL (n0) {',
        'MATCH (n0)<-[:HAS_MEASURE]-(n1:PolicyItem)',
        'RETURN n1',
        '}',
        'CALL (n1) {',
        'CALL (n1) {',
        'MATCH (n1)-[:CONTRIBUTES_TO]->(n2:Sdg)',
        'RETURN n2',
        '}',
        'WITH n2 {.sortKey, .number} AS p2 ORDER BY p2.sortKey',
        'RETURN collect([p2.number]) AS c2',
        '}',
        'WITH n1 {.sortKey, .id} AS p1, c2 ORDER BY p1.sortKey',
        'RETURN collect([p1.id, c2]) AS c1',
        '}',
        'RETURN collect({id: n0.id, c1: c1}) AS prefetch',
        '}',
        'RETURN *',
      ].join('\n'),
    );
  });

  it('compiles a page statement as it is, its nodes taken from pageNodes', () => {
    // A page statement as src/read/page/ compiles one (comments and all): the compiler takes it as it is.
    const page = {
      text: '// a page\nCALL () { MATCH (m:Measure) RETURN m ORDER BY m.sortKey }\nWITH collect(m) AS matched\nRETURN size(matched) AS totalCount, matched[0..$limit] AS pageNodes',
      origin: 'measures page',
    };
    const text = compiledText('{ measures { nodes { departments { name } } } }', page, 'list', 'pageNodes');
    expect(text.startsWith('CALL () {\nCALL () {')).toBe(true);
    expect(text).toContain('CALL (pageNodes) {\nUNWIND pageNodes AS rootNode');
    expect(text).not.toContain('//');
  });
});

describe('the properties projected for related nodes', () => {
  const demand = (query: string, label: NodeLabel): string[] => projectedProperties(rootField(query), label, 'related');

  it('are the ones the selected fields read, with status always and id when something reads it', () => {
    expect(demand('{ fields { policyItems { measures { code reformSheets { code } } } } }', 'Measure')).toEqual([
      'id',
      'code',
      'status',
    ]);
    // A field counts on the type it is selected on: `name`, asked of the sheets, is not projected for measures.
    expect(demand('{ fields { policyItems { measures { code reformSheets { name } } } } }', 'Measure')).not.toContain(
      'name',
    );
    // Selected on an interface, it counts for every type implementing it.
    expect(demand('{ search(text: "防災") { node { id ... on Measure { code } } } }', 'Measure')).toEqual([
      'id',
      'code',
      'status',
    ]);
    // A leaf reads no id: nothing is primed below its nodes, and no field asks for it.
    expect(demand('{ fields { policyItems { measures { reformSheets { code name } } } } }', 'ReformSheet')).toEqual([
      'code',
      'name',
    ]);
    expect(demand('{ fields { policyItems { measures { reformSheets { id code } } } } }', 'ReformSheet')).toEqual([
      'id',
      'code',
    ]);
    // A nested connection below the node is fetched by its id.
    expect(demand('{ sdgs { measuresConnection(first: 1) { totalCount } } }', 'Sdg')).toEqual(['id']);
  });

  it('add the sort key for the nodes of a page, which their cursors carry', () => {
    const query = '{ measures(first: 3) { nodes { code } } }';
    expect(projectedProperties(rootField(query), 'Measure', 'page')).toEqual(['id', 'sortKey', 'code', 'status']);
  });

  it('follow assembled fields to the properties they are built from', () => {
    expect(demand('{ measure(code: "5-1-3") { departments { source { line } } } }', 'Department')).toEqual([
      'sourceDocument',
      'sourceLine',
    ]);
    const sheet = demand(
      '{ measure(code: "5-1-3") { reformSheets { startYear { year } collectiveTerms } } }',
      'ReformSheet',
    );
    expect(sheet).toEqual(expect.arrayContaining(['startYearLabel', 'startYear', 'executingTerms', 'partnerTerms']));
    expect(sheet).not.toContain('viewpoint');
  });

  it('are judged on the whole document: a field in any fragment or under any root field counts', () => {
    const properties = demand(
      `{ measure(code: "5-1-3") { ...M } sdg(number: 1) { reformSheets { yearlyTargets { text } } } }
        fragment M on Measure { policyItem { name } description }`,
      'Measure',
    );
    expect(properties).toContain('description');
  });

  it('are the whole node (but search-only texts) when a field of unknown reading is selected', () => {
    const indicator = demand('{ policyItem(code: "1-1") { indicators { progress { grade } } } }', 'Indicator');
    const stored = ['id', 'sortKey', 'sourceDocument', 'sourceLine', ...Object.keys(NODE_PROPERTIES.Indicator)];
    expect(indicator).toEqual(stored.filter((property) => property !== 'searchText'));
    const item = demand('{ fields { policyItems { collaboration } } }', 'PolicyItem');
    expect(item).not.toContain('visionText');
    expect(item).toContain('collaboration');
  });

  it('give every mapped field the value the whole node gives, for every field of every label', () => {
    // For each node kind and each field its mapper fills, a node projected for an operation selecting only
    // that field maps it exactly as the whole stored node does: the table of assembled fields is complete.
    const graph = JSON.parse(readFileSync(SEED_GRAPH, 'utf8')) as {
      nodes: { label: NodeLabel; id: string; properties: Record<string, PlainValue> }[];
    };
    const mismatches: string[] = [];
    for (const [label, map] of Object.entries(MAPPERS) as [NodeLabel, (row: RowReader) => object][]) {
      const type = schema.getType(typeNameOf(label));
      if (!type || !('getFields' in type)) throw new Error(`no type for ${label}`);
      const nodes = graph.nodes.filter((node) => node.label === label);
      for (const field of Object.keys(type.getFields())) {
        for (const node of nodes) {
          const whole = fieldsOf(map(new RowReader({ ...node.properties, id: node.id })));
          if (!whole.has(field)) continue;
          const kept = projectedProperties(
            rootField(`{ node(id: "x") { id ... on ${type.name} { ${field} } } }`),
            label,
            'related',
          );
          const stored: Record<string, PlainValue> = { ...node.properties, id: node.id };
          const projection = Object.fromEntries(kept.map((property) => [property, stored[property] ?? null]));
          const projected = fieldsOf(map(new RowReader(projection, true)));
          if (JSON.stringify(projected.get(field)) !== JSON.stringify(whole.get(field))) {
            mismatches.push(`${label}.${field} of ${node.id}`);
            break;
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('folds a nested page into the root statement with its parameters renamed and its parents bound', () => {
    const pageText = [
      'UNWIND $parents AS parent',
      'MATCH (parentNode:Entity {id: parent})-[:HAS_ITEM]->(n:PolicyItem)',
      'WITH parent, n WHERE n.number > $c0',
      'WITH parent, collect(n) AS matched',
      'RETURN parent, size(matched) AS totalCount, [x IN matched[0..$limit] | x {.id}] AS pageNodes,',
      '       [] AS pagePositions, {} AS facets, {} AS aggregates',
    ].join('\n');
    const page = {
      key: 'the resolver’s key',
      compiled: {
        statement: { text: pageText, origin: 'policyItems(filter, orderBy)', cypher: parseFragment('test', pageText) },
        params: { c0: 2, limit: 3 },
        shape: { kind: 'list', column: 'pageNodes' } as const,
        columns: [],
      },
    };
    const root = { text: source.get('graph/nodes-by-id'), origin: 'graph/nodes-by-id' };
    const compiled = compilePrefetch(source, root, { kind: 'rows', column: 'node' }, [], () => [], [page]);
    const { text } = compiled.statement;
    // The root's nodes' ids are the page's parents; its own parameters cannot meet the root's ($ids).
    expect(text).toContain('WITH *, [x IN rootNodes | x.id] AS parentIds');
    expect(text).toContain('UNWIND parentIds AS parent');
    expect(text).toContain('n.number > $page1_c0');
    expect(text).toContain('matched[0..$page1_limit]');
    expect(text).not.toContain('$parents');
    // One list per parent, its entries named by the folded page's rowColumns.
    expect(text).toContain(
      'RETURN collect([parent, totalCount, pageNodes, pagePositions, facets, aggregates]) AS page1',
    );
    expect(compiled.pages).toEqual([
      expect.objectContaining({
        key: page.key,
        column: 'page1',
        params: { page1_c0: 2, page1_limit: 3 },
        rowColumns: ['parent', 'totalCount', 'pageNodes', 'pagePositions', 'facets', 'aggregates'],
      }),
    ]);
  });
});
