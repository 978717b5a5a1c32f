import { readFileSync } from 'node:fs';
import {
  buildSchema,
  Kind,
  parse,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import type { NodeLabel } from '../../src/graph/graph-model';
import { SEARCHABLE_FIELDS } from '../../src/graph/searchable-fields';
import { SCHEMA_FILE } from '../../src/schema-text';
import { searchProperties } from '../../src/search/search-properties';

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
