import { Field, Int, ObjectType } from 'type-graphql';
import { describedEnum } from '../../graph/described-enum';
import { Node } from '../../graph/node.interface';
import { Source } from '../../graph/source.type';

@ObjectType({
  description: 'One relationship along a path, in its own direction, with the document line asserting it.',
})
export class PathStep {
  @Field(() => Node, { description: 'The node the relationship starts at.' })
  from!: Node;

  @Field(() => Node, { description: 'The node the relationship points to.' })
  to!: Node;

  @Field({ description: 'Relationship type, e.g. RESPONSIBLE_FOR, HAS_MEASURE, CONTRIBUTES_TO.' })
  relationship!: string;

  @Field(() => Source, { nullable: true, description: 'The document and line that assert the relationship.' })
  source!: Source | null;
}

@ObjectType({ description: 'A chain of relationships linking two nodes: why they are connected.' })
export class GraphPath {
  @Field(() => Int, { description: 'Number of relationships (hops).' })
  length!: number;

  @Field(() => [Node], { description: 'The nodes along the path, from the first to the last.' })
  nodes!: Node[];

  @Field(() => [PathStep], { description: 'The relationships along the path, in walking order.' })
  steps!: PathStep[];
}

/** Which way a relationship points, seen from the node asked about. */
export const NeighbourDirection = describedEnum(
  'NeighbourDirection',
  'Direction of a relationship seen from the node asked about.',
  {
    OUTGOING: { description: 'The relationship points from the node to the neighbour.' },
    INCOMING: { description: 'The relationship points from the neighbour to the node.' },
  },
);
export type NeighbourDirection = (typeof NeighbourDirection)[keyof typeof NeighbourDirection];

@ObjectType({ description: 'A node adjacent to another, for graph views.' })
export class Neighbour {
  @Field(() => Node, { description: 'The adjacent node.' })
  node!: Node;

  @Field({ description: 'Relationship type joining the two.' })
  relationship!: string;

  @Field(() => NeighbourDirection, { description: 'Which way the relationship points.' })
  direction!: NeighbourDirection;

  @Field(() => Source, { nullable: true, description: 'The document and line that assert the relationship.' })
  source!: Source | null;
}
