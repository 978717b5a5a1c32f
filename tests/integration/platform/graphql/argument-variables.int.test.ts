import fc from 'fast-check';
import { buildClientSchema, getIntrospectionQuery, type IntrospectionQuery } from 'graphql';
import { createAuthenticator } from '../../../../src/platform/auth/authenticator';
import { mintToken } from '../../../../src/platform/auth/mint-token';
import { argumentTargets, type ArgumentTarget } from '../../../helpers/argument-targets';
import { captureLogs, type CapturedLogs } from '../../../helpers/log-capture';
import { openApi, type ApiFixture } from '../../../helpers/api-fixture';

/**
 * Every argument a client can send a variable into, and every field of their input objects, through the
 * service `npm start` builds, with a value of each kind a client gets wrong: null (a Relay app's `count: Int`
 * sent as null into `first: Int! = 50`), the wrong type, negative, past 2^31, a float, a list, an object. The
 * places are read from the schema the service introspects to (every argument of every root field, and of every
 * connection below the root), so a new field is covered the day it is added. Whatever the value, the answer is
 * a client error, never a 5xx or INTERNAL_SERVER_ERROR, nothing is logged as the service's fault, and every
 * error names the argument, the input field or the variable (named after them), so the client can tell what to
 * fix; a field's other required arguments are sent too, with a value of their type, and an error may name one
 * of those. An admin sends every request, so the fields for editors and admins reach their arguments. Half the
 * draws are arguments (about 130), half input fields (about 700). fast-check prints the seed and the shrunk
 * request on failure (pass `seed` and `path` to `fc.assert` to replay it).
 */
const RUNS = 600;
const SECRET = 'argument-variables-test-secret-0123456789';

/** Values of every kind, whatever the argument's type: one of them is usually of the right type. */
const WRONG_VALUES: readonly unknown[] = [
  null,
  'not-a-value',
  true,
  -1,
  -(2 ** 31) - 1,
  2 ** 31,
  2 ** 53,
  1.5,
  [1, 2],
  [],
  { unknownField: 1 },
  {},
];

interface Answer {
  readonly status: number;
  readonly errors?: readonly { message: string; extensions?: { code?: string } }[];
}

describe('every argument given a wrong variable through the real service', () => {
  let api: ApiFixture;
  let logs: CapturedLogs;
  let targets: ArgumentTarget[];
  /** An admin's headers: `changes` and the other fields for editors reach their arguments, not a sign-in refusal. */
  let admin: Record<string, string>;
  /** How the draws were refused: GraphQL's refusals of the variable, and the rest (the arguments' own). */
  const refused = { variable: 0, argument: 0 };

  beforeAll(async () => {
    logs = captureLogs('warn');
    api = await openApi({
      logger: logs.logger,
      authenticate: createAuthenticator({ secret: SECRET, jwksUrl: undefined, anonymousRead: true }),
    });
    admin = { authorization: `Bearer ${await mintToken(SECRET, { sub: 'argument-prober', role: 'admin' })}` };
    const introspection = await api.server.query<IntrospectionQuery>(getIntrospectionQuery());
    if (!introspection.data) throw new Error(`introspection failed: ${JSON.stringify(introspection.errors)}`);
    targets = argumentTargets(buildClientSchema(introspection.data));
  }, 60_000);
  afterAll(() => api.close());

  async function send(target: ArgumentTarget, value: unknown): Promise<void> {
    logs.lines.length = 0;
    const variables = { ...target.others, [target.variable]: value };
    const answer = (await api.server.query(target.query, variables, admin)) as Answer;
    const sent = { target: target.name, variable: target.variableType, value };
    const errors = answer.errors ?? [];
    const faults = errors.filter((error) => error.extensions?.code === 'INTERNAL_SERVER_ERROR');
    expect({ sent, status: answer.status < 500, faults }).toEqual({ sent, status: true, faults: [] });
    // The argument, the input field or its variable (`$first` names `first`), or another argument this request sends.
    const names = new RegExp(
      `\\b(?:${[...target.names, target.variable, ...Object.keys(target.others)].join('|')})\\b`,
    );
    const unnamed = errors.filter((error) => !names.test(error.message)).map((error) => error.message);
    expect({ sent, unnamed }).toEqual({ sent, unnamed: [] });
    const logged = logs.lines.filter((line) => line.level === 'error').map((line) => line.msg);
    expect({ sent, logged }).toEqual({ sent, logged: [] });
    for (const error of errors) {
      if (error.message.startsWith('Variable "$')) refused.variable += 1;
      else refused.argument += 1;
    }
  }

  it('derives root and nested connection arguments from the schema', () => {
    // Root `measures(first: Int! = 50)` and a connection below the root are among them, with the Relay
    // declaration of a nullable variable for a non-null argument with a default.
    expect(targets).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'Query.measures(first)', variableType: 'Int' }),
        expect.objectContaining({ name: 'Department.measuresConnection(first)', variableType: 'Int' }),
        expect.objectContaining({ name: 'Query.measures(orderBy.direction)', variableType: 'SortDirection' }),
      ]),
    );
    // argumentTargets throws when a type with connections is reached by no selection, so none is left out.
    expect(new Set(targets.map((t) => t.name.split('.')[0])).size).toBeGreaterThan(1);
  });

  it.each([
    ['Query.measures(first)', /^Argument "first" of non-null type "Int!" must not be null\.$/],
    ['Department.measuresConnection(first)', /^Argument "first" of non-null type "Int!" must not be null\.$/],
    [
      'Query.measures(orderBy.direction)',
      /^Argument "orderBy" has invalid value \[\{.*direction: \$orderBy_direction.*\}\]\.$/,
    ],
    [
      'Department.measuresConnection(orderBy.direction)',
      /^Argument "orderBy" has invalid value \[\{.*direction: \$orderBy_direction.*\}\]\.$/,
    ],
  ])('answers null for %s, non-null with a default, as graphql-js refuses it', async (name, message) => {
    logs.lines.length = 0;
    const target = targets.find((t) => t.name === name);
    if (!target) throw new Error(`no target ${name}`);
    const answer = (await api.server.query(target.query, { [target.variable]: null }, admin)) as Answer;
    expect(answer.errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(message) as unknown,
        extensions: { code: 'BAD_USER_INPUT' },
      }),
    ]);
    expect(logs.lines.filter((line) => line.level === 'error')).toEqual([]);
  });

  it(`answers ${RUNS} drawn places and values with client errors naming the argument`, async () => {
    const places = fc.oneof(
      fc.constantFrom(...targets.filter((t) => t.names.length === 1)),
      fc.constantFrom(...targets.filter((t) => t.names.length > 1)),
    );
    await fc.assert(fc.asyncProperty(places, fc.constantFrom(...WRONG_VALUES), send), { numRuns: RUNS });
    // The draws reached refusals of both kinds: GraphQL's of the variable, and the arguments' own (the service's
    // ranges, lookups and cursors, and graphql-js's null into a non-null argument).
    expect(refused.variable).toBeGreaterThan(RUNS / 10);
    expect(refused.argument).toBeGreaterThan(RUNS / 20);
  }, 120_000);
});
