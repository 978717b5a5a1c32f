import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { ARGUMENT_LENGTH, MaxChars } from '../../core/argument-length';
import { Node } from '../../graph/node.interface';
import type { RequestContext } from '../../read/request-context';
import { toGraphQLNode } from './to-graphql-node';

@Resolver()
export class NodeResolver {
  @Query(() => Node, {
    nullable: true,
    description: 'Any node by its readable id, e.g. `measure:5-1-3`; null when there is none.',
  })
  async node(
    @Arg('id', () => ID, { description: 'Readable id.' }) @MaxChars(ARGUMENT_LENGTH.id) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Node | null> {
    const node = await ctx.loaders.node.load(id.trim());
    return node ? toGraphQLNode(node) : null;
  }
}
