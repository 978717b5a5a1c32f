import { ApolloServerErrorCode } from '@apollo/server/errors';
import { GraphQLError } from 'graphql';
import type { Viewer } from '../../core/viewer';
import { DataVersionFeed } from './data-version-feed';

/** What a subscription's resolvers receive: given per WebSocket connection (src/platform/live/live-socket-server.ts). */
export interface LiveContext {
  /** Who opened the connection (from the bearer token in `connection_init`; anonymous without one). */
  readonly viewer: Viewer;
  readonly dataVersionFeed: DataVersionFeed;
}

/**
 * The feed of a subscription's context. Subscriptions run only over WebSocket; Apollo's HTTP endpoint has
 * no feed in its context, so a subscription POSTed there is told where to go instead.
 */
export function dataVersionFeedOf(context: unknown): DataVersionFeed {
  const feed: unknown =
    typeof context === 'object' && context !== null && 'dataVersionFeed' in context
      ? context.dataVersionFeed
      : undefined;
  if (feed instanceof DataVersionFeed) return feed;
  throw new GraphQLError(
    'Subscriptions are served over WebSocket: connect to /graphql with the graphql-transport-ws protocol (graphql-ws), not over HTTP.',
    { extensions: { code: ApolloServerErrorCode.BAD_REQUEST } },
  );
}
