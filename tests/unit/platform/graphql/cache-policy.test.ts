import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { cachePolicyPlugin } from '../../../../src/platform/plugins/cache-policy.plugin';

const TYPE_DEFS = `
  type Query { count: Int, item: Item, failing: Int }
  type Item { name: String, parts: [Item!]! }
  type Mutation { touch: Int }
`;
const RESOLVERS = {
  Query: {
    count: () => 3,
    item: () => ({ name: 'a', parts: [{ name: 'b', parts: [] }] }),
    failing: () => {
      throw new Error('no');
    },
  },
  Mutation: { touch: () => 1 },
};

const MAX_AGE = 60;

/** The same schema served with Apollo's cache-control plugin or with ours in its place. */
function server(plugins: ApolloServerPlugin[]): ApolloServer {
  return new ApolloServer({ typeDefs: TYPE_DEFS, resolvers: RESOLVERS, plugins });
}

/** Operations whose policy differs: data, only meta fields, everything skipped, errors, bad variables. */
const OPERATIONS: readonly { readonly query: string; readonly variables?: Record<string, unknown> }[] = [
  { query: '{ count }' },
  { query: '{ item { name parts { name } } }' },
  { query: '{ __typename }' },
  { query: '{ count @skip(if: true) }' },
  { query: 'query ($on: Boolean!) { count @include(if: $on) }', variables: { on: false } },
  { query: 'query ($on: Boolean!) { count @include(if: $on) }', variables: { on: true } },
  { query: 'query ($on: Boolean = false) { count @include(if: $on) }' },
  { query: 'query ($on: Boolean!) { count @include(if: $on) }', variables: { on: 'yes' } },
  { query: '{ ...F } fragment F on Query { item { name } }' },
  { query: '{ failing }' },
  { query: 'mutation { touch }' },
];

describe('the cache policy plugin', () => {
  const apollos = server([ApolloServerPluginCacheControl({ defaultMaxAge: MAX_AGE })]);
  const ours = server([ApolloServerPluginCacheControlDisabled(), cachePolicyPlugin(MAX_AGE)]);
  beforeAll(() => Promise.all([apollos.start(), ours.start()]));
  afterAll(() => Promise.all([apollos.stop(), ours.stop()]));

  const header = async (apollo: ApolloServer, operation: (typeof OPERATIONS)[number]): Promise<string | undefined> =>
    (await apollo.executeOperation(operation)).http.headers.get('cache-control');

  it.each(OPERATIONS)('sets the header Apollo’s plugin sets: $query $variables', async (operation) => {
    const expected = await header(apollos, operation);
    expect(expected).toBeDefined();
    expect(await header(ours, operation)).toBe(expected);
  });

  it('makes data cacheable and the rest not', async () => {
    expect(await header(ours, { query: '{ count }' })).toBe(`max-age=${MAX_AGE}, public`);
    expect(await header(ours, { query: '{ count @skip(if: true) }' })).toBe('no-store');
    expect(await header(ours, { query: '{ failing }' })).toBe('no-store');
  });

  it('refuses to start on a schema with @cacheControl hints, which it would ignore', async () => {
    const hinted = new ApolloServer({
      typeDefs: `enum CacheControlScope { PUBLIC PRIVATE }
        directive @cacheControl(maxAge: Int, scope: CacheControlScope) on FIELD_DEFINITION | OBJECT
        type Query { count: Int @cacheControl(maxAge: 5) }`,
      resolvers: { Query: { count: () => 1 } },
      plugins: [ApolloServerPluginCacheControlDisabled(), cachePolicyPlugin(MAX_AGE)],
    });
    await expect(hinted.start()).rejects.toThrow('@cacheControl on Query.count');
  });
});
