import { RowReader } from '../../../src/db/row-reader';
import { NODE_LABELS, type GraphNode, type NodeLabel, type PropertyValue } from '../../../src/graph/graph-model';
import { NODE_PROPERTIES, readNode, type PropertySpec } from '../../../src/graph/node-properties';
import { SEARCHABLE_FIELDS, type SearchableField } from '../../../src/graph/searchable-fields';
import { toGraphQLNode } from '../../../src/model/node/to-graphql-node';
import { GraphValidationError, validateGraph } from '../../../src/ingest/load/graph-validation';
import { readSeedFile } from '../../../src/ingest/load/seed-file';
import { GraphBuilder } from '../../../src/ingest/merge/graph-builder';

const seed = readSeedFile();
if (!seed) throw new Error('seed/graph.json is missing: run `npm run ingest`');
const nodes = seed.graph.nodes;
const labels = Object.keys(NODE_LABELS) as NodeLabel[];
const source = { document: '001_ce2878ebb8c6f072.txt', line: 62 };

/** A stored node as a query returns it: its properties plus the id the loader sets. */
const rowOf = (node: GraphNode, properties: Readonly<Record<string, PropertyValue>> = node.properties): RowReader =>
  new RowReader({ ...properties, id: node.id });

describe('the node-property contract', () => {
  it('describes what seed/graph.json stores: the loader accepts it and refuses a property it does not declare', () => {
    expect(() => validateGraph(seed.graph)).not.toThrow();
    const [first] = nodes;
    if (!first) throw new Error('empty seed');
    const stray = { ...seed.graph, nodes: [{ ...first, properties: { ...first.properties, theme: 'x' } }] };
    expect(() => validateGraph(stray)).toThrow(GraphValidationError);
    expect(() => validateGraph(stray)).toThrow(/stores theme, which the Field contract .* does not declare/);
  });

  it('makes the loader check types and required properties from the contract', () => {
    const measure = nodes.find((n) => n.id === 'measure:5-1-1');
    if (!measure) throw new Error('no measure 5-1-1');
    const withoutStatus = Object.fromEntries(Object.entries(measure.properties).filter(([key]) => key !== 'status'));
    const broken = {
      ...seed.graph,
      nodes: [
        { ...measure, properties: withoutStatus },
        { ...measure, id: 'measure:5-1-99', properties: { ...measure.properties, description: 7 } },
      ],
    };
    expect(() => validateGraph(broken)).toThrow(/measure:5-1-1: status must be one of the following values/);
    expect(() => validateGraph(broken)).toThrow(/measure:5-1-99: description must be a string/);
  });

  it('reads a stored node typed, with null for absent scalars and [] for absent lists', () => {
    const measure = nodes.find((n) => n.id === 'measure:5-1-1');
    if (!measure) throw new Error('no measure 5-1-1');
    const p = readNode('Measure', rowOf(measure));
    expect(p).toMatchObject({ id: 'measure:5-1-1', code: '5-1-1', name: '自治会の支援', status: 'UNCHANGED' });
    expect(p.previousName).toBeNull();
    expect(p.deletionReason).toBeNull();
    expect(p.responsibleTerms).toEqual([]);
  });

  it('refuses a stored value of the wrong type or outside its closed set, naming the property', () => {
    const measure = nodes.find((n) => n.id === 'measure:5-1-1');
    if (!measure) throw new Error('no measure 5-1-1');
    expect(() => readNode('Measure', rowOf(measure, { ...measure.properties, number: 'one' }))).toThrow(
      "column 'number': expected a number or null",
    );
    expect(() => readNode('Measure', rowOf(measure, { ...measure.properties, status: 'MAYBE' }))).toThrow(
      'Measure.status: expected one of UNCHANGED, CHANGED, NEW, DELETED, got "MAYBE"',
    );
  });

  it('types the builder bag per label: a misspelled, missing or retyped property does not compile', () => {
    const graph = new GraphBuilder();
    const bag = { code: '5-1-1', name: '自治会の支援', status: 'UNCHANGED', sortKey: '05-01-01' } as const;
    graph.node('Measure', 'measure:5-1-1', source, bag);
    // @ts-expect-error `stauts` is not a Measure property
    graph.node<'Measure'>('Measure', 'measure:5-1-2', source, { ...bag, stauts: 'NEW' });
    // @ts-expect-error status is required
    graph.node<'Measure'>('Measure', 'measure:5-1-3', source, { code: '5-1-3', name: 'x', sortKey: '05-01-03' });
    // @ts-expect-error status is one of the change marks
    graph.node<'Measure'>('Measure', 'measure:5-1-4', source, { ...bag, status: 'MAYBE' });
    // @ts-expect-error number is a number
    graph.node<'Measure'>('Measure', 'measure:5-1-5', source, { ...bag, number: '5' });
    expect(graph.build().nodes).toHaveLength(5);
  });

  it('stores no searchText on relationships and folds every searchable field into a node', () => {
    const graph = new GraphBuilder();
    graph.node('Indicator', 'indicator:5-1-1', source, {
      code: '5-1-1',
      name: '自治会の加入率',
      definition: '全世帯のうち自治会に加入している世帯の割合',
      direction: 'INCREASE',
      sortKey: '05-01-01',
    });
    graph.node('PolicyItem', 'policy-item:5-1', source, {
      code: '5-1',
      fieldNumber: 5,
      number: 1,
      name: 'x',
      detailed: false,
      sortKey: '05-01',
    });
    graph.relate('MEASURED_BY', 'policy-item:5-1', 'indicator:5-1-1', source);
    const built = graph.build();
    expect(built.nodes.find((n) => n.id === 'indicator:5-1-1')?.properties.searchText).toBe(
      '自治会の加入率\n5-1-1\n全世帯のうち自治会に加入している世帯の割合',
    );
    expect(built.relationships[0]?.properties).toEqual({ sourceDocument: source.document, sourceLine: source.line });
  });

  /**
   * A stored property nobody reads is drift: each property of each label must change the GraphQL object
   * its mapper builds, or be one that search reads (SEARCHABLE_FIELDS).
   */
  it.each(labels)('lets every stored %s property reach the API', (label) => {
    // The node of the label storing the most properties (a detailed policy item, a deleted measure …).
    const [node] = nodes
      .filter((n) => n.label === label)
      .sort((a, b) => Object.keys(b.properties).length - Object.keys(a.properties).length);
    if (!node) throw new Error(`no ${label} in the seed`);
    const specs: Readonly<Record<string, PropertySpec>> = NODE_PROPERTIES[label];
    const unread: string[] = [];
    for (const [key, spec] of Object.entries(specs)) {
      const changed = { ...node.properties, [key]: otherValue(spec, node.properties[key]) };
      const before = toGraphQLNode(rowOf(node));
      const after = toGraphQLNode(rowOf(node, changed));
      if (JSON.stringify(before) === JSON.stringify(after) && !SEARCHABLE_FIELDS.includes(key as SearchableField))
        unread.push(key);
    }
    expect(unread).toEqual([]);
  });
});

/** A value of the property's type that differs from the stored one. */
function otherValue(spec: PropertySpec, current: PropertyValue | undefined): PropertyValue {
  switch (spec.type) {
    case 'string':
      return spec.values ? (spec.values.find((v) => v !== current) ?? '') : `${String(current ?? '')}·changed`;
    case 'number':
      return typeof current === 'number' ? current + 1000 : 1000;
    case 'boolean':
      return current !== true;
    case 'string[]':
      return ['changed', 'twice'];
    case 'number[]':
      return [1000, 2000];
  }
}
