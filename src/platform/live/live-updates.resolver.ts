import { Resolver, Root, Subscription } from 'type-graphql';
import { DataVersionChange } from './data-version-change.type';
import { dataVersionFeedOf } from './live-context';

@Resolver()
export class LiveUpdatesResolver {
  @Subscription(() => DataVersionChange, {
    description:
      'The data version this instance serves: first the version now, then each new one, within DATA_VERSION_POLL_MS (250 ms) of a write through any instance over the same database. A new version means answers may have changed: ask your queries again. Over WebSocket only (graphql-transport-ws at /graphql).',
    subscribe: ({ context }) => dataVersionFeedOf(context).changes(),
  })
  dataVersionChanged(@Root() change: DataVersionChange): DataVersionChange {
    return change;
  }
}
