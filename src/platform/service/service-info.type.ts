import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'What this service is and what its graph holds right now.' })
export class ServiceInfo {
  @Field({ description: 'Name of the service.' })
  name!: string;

  @Field({ description: 'Version of the service (package.json).' })
  version!: string;

  @Field(() => Int, { description: 'Number of nodes in the graph database.' })
  nodeCount!: number;

  @Field(() => Int, { description: 'Number of relationships in the graph database.' })
  relationshipCount!: number;

  @Field(() => String, {
    nullable: true,
    description:
      'The seed the graph was loaded from: the sha-256 of its `seed/graph.json` (what `sha256sum seed/graph.json` prints), the same on every instance over one database once an upgrade or rollback has loaded it; null while no graph is loaded.',
  })
  seedHash!: string | null;
}
