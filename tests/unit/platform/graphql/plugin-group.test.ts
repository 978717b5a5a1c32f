import { ApolloServer, HeaderMap, type ApolloServerPlugin, type GraphQLRequestListener } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { pluginGroup, SAME_LISTENER, type SameListenerPlugin } from '../../../../src/platform/plugins/plugin-group';

/**
 * The group against Apollo itself: the same plugins, given to one Apollo Server one by one and to another as a
 * group, must see the same hooks in the same order and give the same answers. Each plugin records every hook
 * Apollo offers it (the ends of parsing, validation, execution and field resolution too).
 */
const typeDefs = 'type Query { greeting: String, broken: String }';
const resolvers = {
  Query: {
    greeting: () => 'hello',
    broken: () => {
      throw new GraphQLError('a resolver failed');
    },
  },
};

/** What a recording plugin does besides recording. */
interface Behaviour {
  /** Answers the operation itself (responseForOperation). */
  readonly answers?: boolean;
  /** Throws synchronously from this hook. */
  readonly throwsIn?: 'didResolveOperation' | 'willSendResponse';
  /** Starts no request listener. */
  readonly silent?: boolean;
  /** Gives the same listener to every request, as requestHooksPlugin does (the group takes it once). */
  readonly same?: boolean;
}

function recording(name: string, events: string[], behaviour: Behaviour = {}): ApolloServerPlugin {
  const record = (hook: string) => {
    events.push(`${name}.${hook}`);
    if (behaviour.throwsIn === hook) throw new Error(`${name} refuses in ${hook}`);
    return Promise.resolve();
  };
  const recordEnd = (event: string) => {
    events.push(event);
    return Promise.resolve();
  };
  const listener: GraphQLRequestListener<object> = {
    didResolveSource: () => record('didResolveSource'),
    parsingDidStart: async () => {
      await record('parsingDidStart');
      return (error) => recordEnd(`${name}.parsingDidEnd(${error ? 'error' : ''})`);
    },
    validationDidStart: async () => {
      await record('validationDidStart');
      return (errors) => recordEnd(`${name}.validationDidEnd(${errors?.length ?? 0})`);
    },
    didResolveOperation: () => record('didResolveOperation'),
    didEncounterErrors: () => record('didEncounterErrors'),
    responseForOperation: async () => {
      await record('responseForOperation');
      return behaviour.answers
        ? {
            body: { kind: 'single', singleResult: { data: { greeting: name } } },
            http: { status: undefined, headers: new HeaderMap() },
          }
        : null;
    },
    executionDidStart: async () => {
      await record('executionDidStart');
      return {
        executionDidEnd: () => recordEnd(`${name}.executionDidEnd`),
        willResolveField: ({ info }) => {
          events.push(`${name}.willResolveField(${info.fieldName})`);
          return () => void events.push(`${name}.didResolveField(${info.fieldName})`);
        },
      };
    },
    willSendResponse: () => record('willSendResponse'),
  };
  if (behaviour.same) {
    const same: SameListenerPlugin<object> = {
      requestDidStart: () => Promise.resolve(listener),
      [SAME_LISTENER]: listener,
    };
    return same;
  }
  return {
    serverWillStart: async () => {
      await record('serverWillStart');
      return { serverWillStop: () => record('serverWillStop') };
    },
    requestDidStart: async () => {
      await record('requestDidStart');
      return behaviour.silent ? undefined : listener;
    },
    unexpectedErrorProcessingRequest: () => record('unexpectedErrorProcessingRequest'),
  };
}

/** The events and answers of `queries`, the plugins given one by one (`grouped` false) or as a group. */
async function run(
  behaviours: readonly Behaviour[],
  queries: readonly string[],
  grouped: boolean,
): Promise<{ events: string[]; answers: unknown[] }> {
  const events: string[] = [];
  const plugins = behaviours.map((behaviour, i) => recording(`p${i}`, events, behaviour));
  const server = new ApolloServer({
    typeDefs,
    resolvers,
    plugins: grouped ? [pluginGroup(plugins)] : plugins,
    logger: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
  });
  await server.start();
  const answers: unknown[] = [];
  for (const query of queries) {
    events.push(`--- ${query}`);
    // An error Apollo has no answer for is thrown by executeOperation (over HTTP it answers 500).
    const answer = await server.executeOperation({ query }).catch((error: unknown) => ({ thrown: String(error) }));
    answers.push('thrown' in answer ? answer : { status: answer.http.status, body: answer.body });
  }
  await server.stop();
  return { events, answers };
}

const QUERIES = ['{ greeting }', '{ greeting', '{ nope }', '{ broken greeting }'];

describe('plugins as one group', () => {
  it.each<[string, Behaviour[]]>([
    ['three plugins', [{}, {}, {}]],
    ['one of them with no request listener', [{}, { silent: true }, {}]],
    ['some with the same listener for every request', [{ same: true }, {}, { same: true }, { silent: true }, {}]],
    ['all with the same listener for every request', [{ same: true }, { same: true }]],
    ['the second answering the operation itself', [{}, { answers: true }, {}]],
    ['the second refusing synchronously at didResolveOperation', [{}, { throwsIn: 'didResolveOperation' }, {}]],
    ['the first failing in willSendResponse', [{ throwsIn: 'willSendResponse' }, {}, {}]],
  ])(
    '%s: the same hooks in the same order, and the same answers, as Apollo calls them one by one',
    async (_name, behaviours) => {
      const apart = await run(behaviours, QUERIES, false);
      const together = await run(behaviours, QUERIES, true);
      expect(together.answers).toEqual(apart.answers);
      expect(together.events).toEqual(apart.events);
    },
  );

  it('records what the documents say happened (the comparison above compares something)', async () => {
    const { events, answers } = await run([{}, {}], ['{ greeting }'], true);
    expect(answers).toEqual([
      { status: undefined, body: { kind: 'single', singleResult: { data: { greeting: 'hello' } } } },
    ]);
    // Execution listeners and field ends run in reverse order, as Apollo runs them.
    expect(events).toEqual([
      'p0.serverWillStart',
      'p1.serverWillStart',
      '--- { greeting }',
      'p0.requestDidStart',
      'p1.requestDidStart',
      'p0.didResolveSource',
      'p1.didResolveSource',
      'p0.parsingDidStart',
      'p1.parsingDidStart',
      'p1.parsingDidEnd()',
      'p0.parsingDidEnd()',
      'p0.validationDidStart',
      'p1.validationDidStart',
      'p1.validationDidEnd(0)',
      'p0.validationDidEnd(0)',
      'p0.didResolveOperation',
      'p1.didResolveOperation',
      'p0.responseForOperation',
      'p1.responseForOperation',
      'p0.executionDidStart',
      'p1.executionDidStart',
      'p1.willResolveField(greeting)',
      'p0.willResolveField(greeting)',
      'p0.didResolveField(greeting)',
      'p1.didResolveField(greeting)',
      'p1.executionDidEnd',
      'p0.executionDidEnd',
      'p0.willSendResponse',
      'p1.willSendResponse',
      'p0.serverWillStop',
      'p1.serverWillStop',
    ]);
  });

  it('starts no listener hook that no plugin has, so Apollo wraps no resolver for fields nobody watches', async () => {
    const group = pluginGroup([
      { requestDidStart: () => Promise.resolve({ executionDidStart: () => Promise.resolve({}) }) },
    ]);
    const listener = await group.requestDidStart?.({} as never);
    const execution = await listener?.executionDidStart?.({} as never);
    expect(execution).toBeDefined();
    expect(execution !== undefined && 'willResolveField' in execution).toBe(false);
  });
});
