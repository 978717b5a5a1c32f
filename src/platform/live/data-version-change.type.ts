import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    'The data version an instance serves, as `dataVersionChanged` reports it: first the version when the subscription started, then each new one.',
})
export class DataVersionChange {
  @Field({
    description:
      'The data version: the hash of the loaded seed graph, plus `+N` once N changes were recorded. A different value means answers may have changed: ask your queries again.',
  })
  version!: string;

  @Field(() => Int, { description: 'Audited changes (records written) counted in this version; 0 for the seed alone.' })
  changeCount!: number;

  @Field({
    description:
      'True for the first event of a subscription, which tells the version served when it started (not a change); false for each change after it.',
  })
  initial!: boolean;

  @Field({ description: 'When this instance read the version, as an ISO 8601 time (UTC).' })
  observedAt!: string;
}
