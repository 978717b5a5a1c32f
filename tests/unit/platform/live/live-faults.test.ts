import type { IncomingMessage } from 'node:http';
import type { GraphQLSchema } from 'graphql';
import { MessageType, stringifyMessage, type Message } from 'graphql-ws';
import type { WebSocket } from 'ws';
import { loadConfig } from '../../../../src/core/config';
import { ANONYMOUS_VIEWER } from '../../../../src/core/viewer';
import { DataVersionFeed, type ObservedDataVersion } from '../../../../src/platform/live/data-version-feed';
import { liveGraphQLServer, type ConnectionExtra } from '../../../../src/platform/live/live-graphql-server';
import { graphSchema } from '../../../../src/schema';
import { captureLogs } from '../../../helpers/log-capture';
import { seedGraphSizes } from '../../../helpers/seed-graph-sizes';

/**
 * A fault of the service met by a subscription is the operator's to see, as over HTTP: the client gets
 * INTERNAL_SERVER_ERROR with a request id, and the log has one `error.masked` line with that id, the
 * connection's id and the cause's stack. The fault here is real: the data version cannot be read when the
 * subscription starts. The protocol runs in process (graphql-ws's own server), without a socket.
 */
let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await graphSchema();
});

const unreadableVersion: ObservedDataVersion = {
  current: () => {
    throw new Error('the data version node could not be read');
  },
  onChange: () => () => undefined,
};

const workingVersion: ObservedDataVersion = { current: () => 'v1:0', onChange: () => () => undefined };

/** Opens one connection, subscribes, and returns the messages the server sent up to its first answer. */
async function subscribeOnce(
  dataVersion: ObservedDataVersion,
  language: ConnectionExtra['language'],
): Promise<{ readonly sent: Message[]; readonly logs: ReturnType<typeof captureLogs> }> {
  const logs = captureLogs();
  const server = liveGraphQLServer(
    {
      schema,
      queryLimits: loadConfig({}).queryLimits,
      graphSizes: seedGraphSizes(),
      initTimeoutMs: 10_000,
      log: logs.logger,
    },
    new DataVersionFeed(dataVersion),
  );
  const sent: Message[] = [];
  let handle: ((data: string) => Promise<void>) | undefined;
  let finished: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (finished = resolve));
  const extra: ConnectionExtra = {
    socket: {} as WebSocket,
    request: { headers: {} } as IncomingMessage,
    connectionId: 'connection-under-test',
    viewer: ANONYMOUS_VIEWER,
    language,
  };
  const closed = server.opened(
    {
      protocol: 'graphql-transport-ws',
      send: (data) => {
        const message = JSON.parse(data) as Message;
        sent.push(message);
        if (message.type !== MessageType.ConnectionAck) finished();
        return Promise.resolve();
      },
      close: () => finished(),
      onMessage: (receive) => {
        handle = receive;
      },
    },
    extra,
  );
  if (handle === undefined) throw new Error('graphql-ws did not listen for messages');
  await handle(stringifyMessage({ type: MessageType.ConnectionInit }));
  // graphql-ws's handling of a subscribe message lasts as long as the subscription: it is awaited after the close.
  const subscribed = handle(
    stringifyMessage({
      type: MessageType.Subscribe,
      id: 'subscription-1',
      payload: { query: 'subscription { dataVersionChanged { version } }' },
    }),
  );
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([done, new Promise((resolve) => (timer = setTimeout(resolve, 2_000)))]);
  clearTimeout(timer);
  await closed(1000, 'test over');
  await subscribed;
  return { sent, logs };
}

describe('a fault of the service on a subscription', () => {
  it.each(['en', 'ja'] as const)(
    'is masked for the client (%s) and logged once with its id and stack',
    async (language) => {
      const { sent, logs } = await subscribeOnce(unreadableVersion, language);
      const errors = sent.flatMap((message) =>
        message.type === MessageType.Next
          ? (message.payload.errors ?? [])
          : message.type === MessageType.Error
            ? message.payload
            : [],
      );
      expect(errors).toHaveLength(1);
      const [error] = errors;
      expect(error?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(error?.message).not.toContain('data version node');
      const requestId = error?.extensions?.requestId;
      expect(typeof requestId).toBe('string');

      const masked = logs.events('error.masked');
      expect(masked).toHaveLength(1);
      expect(masked[0]).toMatchObject({
        level: 'error',
        requestId,
        connectionId: 'connection-under-test',
        subscriptionId: 'subscription-1',
      });
      expect(JSON.stringify(masked[0]?.err)).toContain('the data version node could not be read');
      expect(JSON.stringify(masked[0]?.err)).toMatch(/at .*data-version-feed|at .*live-faults/);
    },
  );

  it('logs nothing when the subscription works', async () => {
    const { sent, logs } = await subscribeOnce(workingVersion, 'en');
    const next = sent.find((message) => message.type === MessageType.Next);
    expect(next?.type === MessageType.Next ? next.payload.data : undefined).toEqual({
      dataVersionChanged: { version: 'v1:0' },
    });
    expect(logs.lines.filter((line) => line.level === 'error' || line.level === 'fatal')).toEqual([]);
  });
});
