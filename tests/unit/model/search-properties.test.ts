import { readFileSync } from 'node:fs';
import {
  buildSchema,
  Kind,
  parse,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import type { NodeLabel } from '../../../src/graph/graph-model';
import { SEARCHABLE_FIELDS } from '../../../src/graph/searchable-fields';
import { SCHEMA_FILE } from '../../../src/cli/schema-text';
import { RowReader } from '../../../src/db/row-reader';
import { Measure } from '../../../src/model/measure/measure.type';
import { toGraphQLNodeFor } from '../../../src/model/node/to-graphql-node';
import { searchProperties } from '../../../src/model/search/search-statement';

const schema: GraphQLSchema = buildSchema(readFileSync(SCHEMA_FILE, 'utf8'));

/** What a resolver's info carries of the operation `query`. */
function documentOf(query: string) {
  const document = parse(query);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  if (!operation) throw new Error(`no operation in ${query}`);
  const fragments = Object.fromEntries(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  return { schema, operation, fragments };
}

const propertiesOf = (query: string, kinds: NodeLabel[] | null): readonly string[] =>
  searchProperties(documentOf(query), kinds);

describe('the properties a search returns of its hits', () => {
  it('are only the id and status when the hits are read by id (not a measure’s kilobytes of text)', () => {
    expect(propertiesOf('{ search(text: "防災", types: [MEASURE]) { node { id } } }', ['Measure'])).toEqual([
      'id',
      'status',
    ]);
  });

  it('follow the fields read on the hits’ kinds, in fragments too', () => {
    const query = `{ search(text: "防災", types: [MEASURE, SDG]) { score node { id ...M ... on Sdg { number } } } }
      fragment M on Measure { code source { line } }`;
    expect(propertiesOf(query, ['Measure', 'Sdg'])).toEqual([
      'code',
      'id',
      'number',
      'sourceDocument',
      'sourceLine',
      'status',
    ]);
  });

  it('add every searchable text when the operation reads where a hit matched', () => {
    const properties = propertiesOf('{ search(text: "防災") { field node { id } } }', null);
    expect(properties).toEqual(expect.arrayContaining([...SEARCHABLE_FIELDS]));
    expect(properties).not.toContain('searchText');
  });

  it('are every stored property of a kind whose read field is not known to read only some', () => {
    const properties = propertiesOf(
      '{ search(text: "指標", types: [INDICATOR]) { node { ... on Indicator { progress { grade } } } } }',
      ['Indicator'],
    );
    expect(properties).toEqual(expect.arrayContaining(['id', 'name', 'definition', 'unit', 'sortKey']));
  });
});

describe('the objects a search returns as its hits', () => {
  /** A measure as the search statement projects it for `properties`. */
  const hit = (properties: Record<string, string | number>) =>
    new RowReader({ id: 'measure:5-1-3', ...properties }, true);

  it('are the projected rows themselves, with their kind, when the operation reads only what they hold', () => {
    const document = documentOf('{ search(text: "防災") { node { id ... on Measure { code name } } } }');
    const node = toGraphQLNodeFor(document, hit({ status: 'UNCHANGED', code: '5-1-3', name: '協働' }));
    expect(node).not.toBeInstanceOf(Measure);
    expect(node).toEqual({ id: 'measure:5-1-3', kind: 'Measure', status: 'UNCHANGED', code: '5-1-3', name: '協働' });
  });

  it('are mapped into their class when the operation reads a field the row does not hold as it is', () => {
    const document = documentOf('{ search(text: "防災") { node { id ... on Measure { status source { line } } } } }');
    const node = toGraphQLNodeFor(
      document,
      hit({ status: 'CHANGED', code: '5-1-3', name: '協働', sourceDocument: 'x.txt', sourceLine: 3 }),
    );
    expect(node).toBeInstanceOf(Measure);
    expect((node as Measure).source?.line).toBe(3);
  });
});
