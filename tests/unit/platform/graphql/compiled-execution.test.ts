import { ApolloServer } from '@apollo/server';
import {
  execute,
  getIntrospectionQuery,
  GraphQLBoolean,
  GraphQLError,
  GraphQLID,
  GraphQLInputObjectType,
  GraphQLInt,
  GraphQLInterfaceType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  Kind,
  parse,
  type OperationDefinitionNode,
} from 'graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { CompiledExecution, MAX_COMPILED_SELECTIONS } from '../../../../src/platform/graphql/compiled-execution';
import { formatError } from '../../../../src/platform/graphql/format-error';
import { expandedSelectionSize } from '../../../../src/platform/graphql/expanded-selection-size';

function firstOperation(query: string): OperationDefinitionNode {
  const operation = parse(query).definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  if (!operation) throw new Error('no operation');
  return operation;
}

/**
 * The compiled executor answers as graphql-js answers: each document below is asked of Apollo Server as it
 * runs without one (graphql-js's `execute`) and of Apollo Server with the compiled executor, and the two
 * answers must be the same: status, data and errors (messages, codes, paths, locations), both formatted as the
 * service formats errors. graphql-js is the oracle here, so this compares the executor alone with a plain Apollo
 * Server; the service's own stack is tested over HTTP (tests/integration/platform/graphql/). The schema has
 * what the service's schema has: a custom scalar, an
 * interface whose type resolver returns a name, non-null fields that fail, a resolver that throws a
 * GraphQLError with a code, lists, arguments and variables.
 */
const Node = new GraphQLInterfaceType({
  name: 'Node',
  fields: { id: { type: new GraphQLNonNull(GraphQLID) } },
  resolveType: (value: { kind: string }) => value.kind,
});
const Measure = new GraphQLObjectType({
  name: 'Measure',
  interfaces: [Node],
  fields: {
    id: { type: new GraphQLNonNull(GraphQLID) },
    name: { type: GraphQLString },
    updatedAt: { type: GraphQLDateTime },
    budget: { type: new GraphQLNonNull(GraphQLInt) },
    refused: {
      type: GraphQLString,
      resolve: () => {
        throw new GraphQLError('not for you', { extensions: { code: 'FORBIDDEN' } });
      },
    },
  },
});
const Department = new GraphQLObjectType({
  name: 'Department',
  interfaces: [Node],
  fields: { id: { type: new GraphQLNonNull(GraphQLID) }, name: { type: GraphQLString } },
});
const NODES = [
  { kind: 'Measure', id: 'm1', name: '防災訓練', updatedAt: new Date('2026-04-01T00:00:00Z'), budget: 12 },
  { kind: 'Department', id: 'd1', name: '危機管理課' },
  { kind: 'Measure', id: 'm2', name: null, updatedAt: null, budget: null },
];
/**
 * A filter that contains itself, as the service's filters do (`AND: [MeasureFilter!]`), and a non-null field
 * with a default, as the service's orders have (`direction: SortDirection! = ASC`).
 */
const NodeFilter: GraphQLInputObjectType = new GraphQLInputObjectType({
  name: 'NodeFilter',
  fields: () => ({
    id: { type: GraphQLID },
    deleted: { type: new GraphQLNonNull(GraphQLBoolean), defaultValue: false },
    AND: { type: new GraphQLList(new GraphQLNonNull(NodeFilter)) },
  }),
});
const idsOf = (filter: { id?: string; AND?: unknown[] } | undefined): string[] =>
  filter === undefined
    ? []
    : [...(filter.id ? [filter.id] : []), ...(filter.AND ?? []).flatMap((f) => idsOf(f as never))];
const schema = new GraphQLSchema({
  types: [Measure, Department],
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      nodes: {
        type: new GraphQLNonNull(new GraphQLList(Node)),
        args: { first: { type: new GraphQLNonNull(GraphQLInt), defaultValue: 10 }, filter: { type: NodeFilter } },
        resolve: (_root, { first, filter }: { first: number; filter?: { id?: string; AND?: unknown[] } }) =>
          Promise.resolve(NODES.filter((node) => idsOf(filter).every((id) => node.id === id)).slice(0, first)),
      },
      measure: {
        type: Measure,
        args: { id: { type: new GraphQLNonNull(GraphQLID) } },
        resolve: (_root, { id }: { id: string }) => NODES.find((node) => node.id === id),
      },
      viewer: { type: GraphQLString, resolve: (_root, _args, context: { viewer: string }) => context.viewer },
    },
  }),
});

const DOCUMENTS: { name: string; query: string; variables?: Record<string, unknown>; operationName?: string }[] = [
  { name: 'the bare request', query: '{ __typename }' },
  {
    name: 'an interface, fragments on each type, a custom scalar',
    query: `{ nodes { __typename id ... on Measure { name updatedAt } ...dept } }
      fragment dept on Department { name }`,
  },
  {
    name: 'a non-null field resolved to null (the error, its path, the nulled parent)',
    query: '{ nodes { ... on Measure { budget } } }',
  },
  { name: 'a resolver throwing a coded error', query: '{ measure(id: "m1") { name refused } }' },
  {
    name: '@skip and @include by variables',
    query: 'query ($a: Boolean!, $b: Boolean!) { measure(id: "m1") { name @include(if: $a) id @skip(if: $b) } }',
    variables: { a: false, b: false },
  },
  {
    name: 'a default argument and a variable',
    query: 'query ($n: Int) { nodes(first: $n) { id } }',
    variables: { n: 2 },
  },
  {
    name: 'a nullable variable sent null into a non-null argument with a default (refused while executing)',
    query: 'query ($n: Int) { nodes(first: $n) { id } }',
    variables: { n: null },
  },
  {
    name: 'a nullable variable sent null into a non-null input field with a default (graphql-jit does not check it)',
    query: 'query ($d: Boolean) { nodes(filter: { deleted: $d }) { id } }',
    variables: { d: null },
  },
  {
    name: 'a variable of the wrong type',
    query: 'query ($n: Int) { nodes(first: $n) { id } }',
    variables: { n: 'two' },
  },
  { name: 'a required variable missing', query: 'query ($id: ID!) { measure(id: $id) { id } }', variables: {} },
  { name: 'the context', query: '{ viewer }' },
  { name: 'two operations and no operation name', query: 'query A { viewer } query B { __typename }' },
  {
    name: 'two operations, the second by name',
    query: 'query A { viewer } query B { __typename }',
    operationName: 'B',
  },
  { name: 'an operation name naming none', query: 'query A { viewer } query B { __typename }', operationName: 'C' },
  { name: 'introspection', query: getIntrospectionQuery() },
];

describe('the compiled executor', () => {
  const execution = new CompiledExecution(schema);
  // Both with the service's error formatting: what a client reads of an error is part of the answer.
  const compiled = new ApolloServer<{ viewer: string }>({
    gateway: execution.gateway(),
    formatError,
    includeStacktraceInErrorResponses: false,
  });
  const interpreted = new ApolloServer<{ viewer: string }>({
    schema,
    formatError,
    includeStacktraceInErrorResponses: false,
  });
  beforeAll(() => Promise.all([compiled.start(), interpreted.start()]));
  afterAll(() => Promise.all([compiled.stop(), interpreted.stop()]));

  const answerOf = async (
    apollo: ApolloServer<{ viewer: string }>,
    query: string,
    variables?: object,
    operationName?: string,
  ) => {
    const answer = await apollo.executeOperation(
      { query, variables, operationName },
      { contextValue: { viewer: 'analyst' } },
    );
    if (answer.body.kind !== 'single') throw new Error('answered incrementally');
    return { status: answer.http.status, result: JSON.parse(JSON.stringify(answer.body.singleResult)) as object };
  };

  it.each(DOCUMENTS)('answers $name as graphql-js does', async ({ query, variables, operationName }) => {
    const expected = await answerOf(interpreted, query, variables, operationName);
    expect(await answerOf(compiled, query, variables, operationName)).toEqual(expected);
    // And graphql-js alone answers so too: the comparison is not of two empty answers.
    const document = parse(query);
    const direct = await execute({ schema, document, variableValues: variables, operationName, contextValue: {} });
    expect(Object.keys(expected.result)).toEqual(expect.arrayContaining(Object.keys(direct)));
  });

  it('leaves to graphql-js, counted, a document whose fragments expand past the bound', async () => {
    // Each fragment spreads the one before twice: 2^21 fields once expanded, a short text that validates.
    const chain = Array.from({ length: 20 }, (_, i) => `fragment F${i + 1} on Query { ...F${i} ...F${i} }`);
    const query = ['{ ...F20 }', 'fragment F0 on Query { viewer }', ...chain].join('\n');
    const before = execution.counts;
    expect(await answerOf(compiled, query)).toEqual(await answerOf(interpreted, query));
    expect(execution.counts.fallback).toBe(before.fallback + 1);
    expect(expandedSelectionSize(schema, parse(query), firstOperation(query), 10 ** 9)).toBe(2 ** 20);
    // Below an interface, the selection once per object type it may be (Measure, Department), fragments by theirs.
    const nodes = '{ nodes { id ... on Measure { name budget } } }';
    expect(expandedSelectionSize(schema, parse(nodes), firstOperation(nodes), 10 ** 9)).toBe(1 + 3 + 1);
    expect(
      expandedSelectionSize(schema, parse(getIntrospectionQuery()), firstOperation(getIntrospectionQuery()), 10 ** 9),
    ).toBeLessThan(MAX_COMPILED_SELECTIONS);
  });

  it('leaves to graphql-js, counted, an operation with a variable of an input type that contains itself', async () => {
    const query = 'query ($f: NodeFilter) { nodes(filter: $f) { id } }';
    const variables = { f: { AND: [{ id: 'd1' }, { AND: [{ id: 'd1' }] }] } };
    const before = execution.counts;
    const expected = await answerOf(interpreted, query, variables);
    expect(expected.result).toEqual({ data: { nodes: [{ id: 'd1' }] } });
    expect(await answerOf(compiled, query, variables)).toEqual(expected);
    expect(execution.counts.fallback).toBe(before.fallback + 1);
  });

  it('compiles a document once and runs the compiled executor for every request sending it', async () => {
    const before = execution.counts;
    for (let i = 0; i < 3; i++) await compiled.executeOperation({ query: '{ nodes(first: 1) { id } }' });
    expect(execution.counts).toEqual({
      compiles: before.compiles + 1,
      compiled: before.compiled + 3,
      fallback: before.fallback,
    });
  });
});
