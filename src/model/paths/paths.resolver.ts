import { IsIn, IsOptional, Max, Min } from 'class-validator';
import { Args, ArgsType, Ctx, Field, ID, Int, Query, Resolver } from 'type-graphql';
import type { Source } from '../../graph/source.type';
import type { RequestContext } from '../../read/request-context';
import { isTimeout } from '../../db/graph-gateway';
import { RowReader } from '../../db/row-reader';
import { BadUserInputError } from '../../core/errors';
import { ARGUMENT_LENGTH, MaxChars } from '../../core/argument-length';
import { RELATIONSHIP_TYPES } from '../../graph/graph-model';
import { toGraphQLNode } from '../node/to-graphql-node';
import { GraphPath, Neighbour, NeighbourDirection } from './graph-path.type';
import { quotedInput } from '../../core/quoted-input';

/** How long a path search may take before it is refused (the database aborts it). */
export const PATH_TIME_BUDGET_MS = 5_000;

@ArgsType()
class PathsArgs {
  @Field(() => ID, { description: 'Id of the node to start from, e.g. `department:crisis-management`.' })
  @MaxChars(ARGUMENT_LENGTH.id)
  from!: string;

  @Field(() => ID, { description: 'Id of the node to reach, e.g. `sdg:17`.' })
  @MaxChars(ARGUMENT_LENGTH.id)
  to!: string;

  @Field(() => Int, { defaultValue: 6, description: 'Longest path to consider, 1 to 8 hops.' })
  @Min(1)
  @Max(8)
  maxHops = 6;

  @Field(() => Int, { defaultValue: 5, description: 'Most paths to return, 1 to 10.' })
  @Min(1)
  @Max(10)
  first = 5;
}

@ArgsType()
class NeighboursArgs {
  @Field(() => ID, { description: 'Id of the node whose neighbours to list.' })
  @MaxChars(ARGUMENT_LENGTH.id)
  id!: string;

  @Field(() => String, { nullable: true, description: 'Only this relationship type, e.g. `RESPONSIBLE_FOR`.' })
  @IsOptional()
  @MaxChars(ARGUMENT_LENGTH.code)
  @IsIn(Object.keys(RELATIONSHIP_TYPES), {
    message: `relationship must be one of ${Object.keys(RELATIONSHIP_TYPES).join(', ')}`,
  })
  relationship?: string | null;

  @Field(() => Int, { defaultValue: 50, description: 'Most neighbours to return, 1 to 200.' })
  @Min(1)
  @Max(200)
  first = 50;
}

@Resolver()
export class PathsResolver {
  @Query(() => [GraphPath], {
    description:
      'Why are two nodes linked? The shortest paths between them (direction ignored), shortest first, each step with its relationship type and the document line asserting it. maxHops ≤ 8; a search over its time budget is BAD_USER_INPUT.',
  })
  async paths(@Args() { from, to, maxHops, first }: PathsArgs, @Ctx() ctx: RequestContext): Promise<GraphPath[]> {
    const [start, end] = await Promise.all([ctx.loaders.node.load(from), ctx.loaders.node.load(to)]);
    if (!start) throw new BadUserInputError(`'from' is the id of no node: ${quotedInput(from)}`, { argument: 'from' });
    if (!end) throw new BadUserInputError(`'to' is the id of no node: ${quotedInput(to)}`, { argument: 'to' });
    let rows;
    try {
      rows = await ctx.gateway.read('paths/shortest', { from, to, maxHops, first }, PATH_TIME_BUDGET_MS);
    } catch (error) {
      if (isTimeout(error)) {
        throw new BadUserInputError(
          `the path search took longer than ${PATH_TIME_BUDGET_MS} ms; try a smaller maxHops`,
          {
            argument: 'maxHops',
          },
        );
      }
      throw error;
    }
    return rows.map((row) => {
      const reader = new RowReader(row);
      const nodes = reader.maps('nodes').map(toGraphQLNode);
      const byId = new Map(nodes.map((n) => [n.id, n]));
      const steps = reader.maps('steps').map((step) => {
        const stepFrom = byId.get(step.string('from'));
        const stepTo = byId.get(step.string('to'));
        if (!stepFrom || !stepTo) throw new Error('a path step names a node outside the path');
        return { from: stepFrom, to: stepTo, relationship: step.string('type'), source: sourceOf(step) };
      });
      return { length: steps.length, nodes, steps };
    });
  }

  @Query(() => [Neighbour], {
    description: 'Nodes adjacent to a node, with the relationship type and direction (for graph views).',
  })
  async neighbours(
    @Args() { id, relationship, first }: NeighboursArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<Neighbour[]> {
    const rows = await ctx.gateway.read('paths/neighbours', { id, type: relationship ?? null, first });
    return rows.map((row) => {
      const reader = new RowReader(row);
      return {
        node: toGraphQLNode(reader.map('node')),
        relationship: reader.string('type'),
        direction: reader.boolean('outgoing') ? NeighbourDirection.OUTGOING : NeighbourDirection.INCOMING,
        source: sourceOf(reader),
      };
    });
  }
}

function sourceOf(reader: RowReader): Source | null {
  const document = reader.optionalString('sourceDocument');
  const line = reader.optionalNumber('sourceLine');
  const page = reader.optionalNumber('sourcePage');
  return document !== null && line !== null ? { document, page, line } : null;
}
