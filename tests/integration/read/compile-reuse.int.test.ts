import { parse, type FieldNode, type OperationDefinitionNode } from 'graphql';
import { DepartmentDirectory, departmentsIn } from '../../../src/model/department/department-directory';
import { ANONYMOUS_VIEWER } from '../../../src/core/viewer';
import { silentLogger } from '../../../src/platform/observability/logger';
import { reusedCompile } from '../../../src/read/prefetch/compile-memo';
import { createRequestContext, type RequestContext } from '../../../src/read/request-context';
import { openApi, type ApiFixture } from '../../helpers/api-fixture';

/**
 * A root field's compile is kept for the next request asking the same question (compile-memo.ts): the same
 * field nodes, variables, subject and data version. These tests pin when it is reused and when not, with the
 * service's own request contexts on the test database, and that answers stay right through the whole API.
 */
describe('reusing a root field compile across requests', () => {
  let api: ApiFixture;
  let version: string;
  let directory: DepartmentDirectory;
  beforeAll(async () => {
    api = await openApi();
  });
  afterAll(() => api.close());
  beforeEach(() => {
    version = 'v1';
    directory = new DepartmentDirectory(() => departmentsIn(api.db.gateway), { current: () => version });
  });

  /** A fresh request's context, as the server makes one. */
  const request = (): RequestContext =>
    createRequestContext(
      api.db.gateway,
      { timeoutMs: 10_000, maxSessions: 4 },
      directory,
      Date.now(),
      { viewer: ANONYMOUS_VIEWER, requestId: 'compile-reuse-test' },
      { log: silentLogger() },
    );

  /** The root field nodes of a parsed document, as graphql-js hands them to a resolver. */
  const rootField = (
    text: string,
  ): {
    fieldNodes: FieldNode[];
    nested: FieldNode[];
    info: { fieldNodes: FieldNode[]; variableValues: Record<string, unknown> };
  } => {
    const operation = parse(text).definitions[0] as OperationDefinitionNode;
    const root = operation.selectionSet.selections[0] as FieldNode;
    const nested = root.selectionSet?.selections[0] as FieldNode;
    return { fieldNodes: [root], nested: [nested], info: { fieldNodes: [root], variableValues: {} } };
  };
  const SDG_PAGES = '{ sdgs { measuresConnection(first: 2) { totalCount } } }';

  it('compiles once for two requests and leaves the same marks in the second one', async () => {
    const { info, nested } = rootField(SDG_PAGES);
    let compiles = 0;
    const compile = async (planning: RequestContext): Promise<string> => {
      compiles += 1;
      const nestedCompile = await planning.loaders.oncePerSelection(nested, () => Promise.resolve('nested page'));
      planning.loaders.rememberPlanned(nested, 'the key its answer primes');
      return `root statement over ${nestedCompile}`;
    };

    const first = request();
    expect(await reusedCompile(first, info, 'Sdg', compile)).toBe('root statement over nested page');
    expect(first.loaders.plannedKey(nested)).toBe('the key its answer primes');

    const second = request();
    expect(await reusedCompile(second, info, 'Sdg', compile)).toBe('root statement over nested page');
    expect(compiles).toBe(1);
    // The resolvers after the compile find what it left, as if it had run in this request.
    expect(second.loaders.plannedKey(nested)).toBe('the key its answer primes');
    expect(await second.loaders.oncePerSelection(nested, () => Promise.resolve('compiled again'))).toBe('nested page');
  });

  it('compiles again for other variables, another subject, other field nodes or another data version', async () => {
    const { fieldNodes } = rootField('query ($n: Int) { sdgs { measuresConnection(first: $n) { totalCount } } }');
    let compiles = 0;
    const compile = (): Promise<number> => Promise.resolve((compiles += 1));
    const ask = (variableValues: Record<string, unknown>, subject = 'Sdg', nodes = fieldNodes): Promise<number> =>
      reusedCompile(request(), { fieldNodes: nodes, variableValues }, subject, compile);

    expect(await ask({ n: 1 })).toBe(1);
    expect(await ask({ n: 1 })).toBe(1);
    expect(await ask({ n: 2 })).toBe(2);
    expect(await ask({ n: 1 }, 'Measure')).toBe(3);
    // The same text parsed again is another document: Apollo hands a request the one it kept.
    expect(await ask({ n: 1 }, 'Sdg', rootField('query ($n: Int) { sdgs { code } }').fieldNodes)).toBe(4);
    version = 'v2';
    expect(await ask({ n: 1 })).toBe(5);
    expect(await ask({ n: 1 })).toBe(5);
  });

  it('does not keep a compile whose nested compile failed, nor one the data version changed under', async () => {
    const { info, nested } = rootField(SDG_PAGES);
    let compiles = 0;
    // The first compile's nested page meets a database that went away; its root is compiled all the same.
    const compile = async (planning: RequestContext): Promise<number> => {
      compiles += 1;
      const nestedCompile = planning.loaders.oncePerSelection(nested, () =>
        compiles === 1 ? Promise.reject(new Error('the database went away')) : Promise.resolve('nested page'),
      );
      await nestedCompile.catch(() => undefined);
      if (compiles === 2) version = 'v2';
      return compiles;
    };
    expect(await reusedCompile(request(), info, 'Sdg', compile)).toBe(1);
    expect(await reusedCompile(request(), info, 'Sdg', compile)).toBe(2);
    expect(await reusedCompile(request(), info, 'Sdg', compile)).toBe(3);
    expect(await reusedCompile(request(), info, 'Sdg', compile)).toBe(3);
  });

  it('keeps the marks of two root fields compiled side by side in one request apart', async () => {
    const a = rootField('{ sdgs { measuresConnection(first: 1) { totalCount } } }');
    const b = rootField('{ fields { code } }');
    const context = request();
    const compileA = async (planning: RequestContext): Promise<string> => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      planning.loaders.rememberPlanned(a.nested, 'key of a');
      return 'a';
    };
    const compileB = async (planning: RequestContext): Promise<string> => {
      planning.loaders.rememberPlanned(b.nested, 'key of b');
      await new Promise((resolve) => setTimeout(resolve, 40));
      return 'b';
    };
    const infoA = { fieldNodes: a.fieldNodes, variableValues: {} };
    const infoB = { fieldNodes: b.fieldNodes, variableValues: {} };
    await Promise.all([
      reusedCompile(context, infoA, 'Sdg', compileA),
      reusedCompile(context, infoB, 'Field', compileB),
    ]);

    const next = request();
    await reusedCompile(next, infoA, 'Sdg', compileA);
    expect(next.loaders.plannedKey(a.nested)).toBe('key of a');
    expect(next.loaders.plannedKey(b.nested)).toBeUndefined();
  });

  it('answers each request of one query text by its own variables, cursors and errors', async () => {
    const query = `query ($n: Int!, $after: String) {
      sdgs { number policyItemsConnection(first: $n, after: $after) { totalCount nodes { code } pageInfo { endCursor } } }
    }`;
    type Answer = {
      sdgs: {
        number: number;
        policyItemsConnection: { totalCount: number; nodes: { code: string }[]; pageInfo: { endCursor: string } };
      }[];
    };
    const ask = (variables: Record<string, unknown>) => api.server.query<Answer>(query, variables);
    const sdg11 = (answer: Awaited<ReturnType<typeof ask>>) =>
      answer.data?.sdgs.find((sdg) => sdg.number === 11)?.policyItemsConnection;

    const one = await ask({ n: 1 });
    const two = await ask({ n: 2 });
    const oneAgain = await ask({ n: 1 });
    expect(sdg11(one)?.nodes).toHaveLength(1);
    expect(sdg11(two)?.nodes).toHaveLength(2);
    expect(oneAgain.data).toEqual(one.data);
    for (const answer of [one, two, oneAgain])
      expect((answer.extensions?.cypher as { queries: number }).queries).toBe(1);
    // The second page starts where the first ended, and a garbled cursor is refused each time it is sent.
    const next = await ask({ n: 1, after: sdg11(one)?.pageInfo.endCursor });
    expect(sdg11(next)?.nodes[0]?.code).toBe(sdg11(two)?.nodes[1]?.code);
    for (let i = 0; i < 2; i++) {
      const refused = await ask({ n: 1, after: 'not a cursor' });
      expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect((await ask({ n: 1 })).data).toEqual(one.data);
  });
});
