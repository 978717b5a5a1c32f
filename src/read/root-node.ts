import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Int, Query, Resolver, type ClassType } from 'type-graphql';
import { ARGUMENT_LENGTH, MaxChars } from '../core/argument-length';
import type { NodeLabel } from '../graph/graph-model';
import type { NodeProperties } from './graph-loaders';
import { compileLabelList, listByLabel } from './prefetch/list-by-label';
import { compileNodeRead, loadNode } from './prefetch/load-node';
import { RootRead } from './root-reads';
import type { RequestContext } from './request-context';

/** A root query for one node of a kind by its code or number: `measure(code: "5-1-3")`, `sdg(number: 11)`. */
export interface RootNode<T, Key extends string | number> {
  /** The query's name. */
  readonly field: string;
  readonly description: string;
  /** The argument: `code` (a string, trimmed) or `number` (an Int). */
  readonly key: Key extends string
    ? { readonly name: 'code'; readonly description: string }
    : { readonly name: 'number'; readonly description: string };
  /** The node's readable id for the key (`measure:5-1-3`). */
  readonly id: (key: Key) => string;
  /** The GraphQL object of a stored node. */
  readonly from: (node: NodeProperties) => T;
}

/**
 * The resolver of a kind's root query by key, null when no node has it. Every such query reads the same way
 * (loadNode: the node and what the selection nests below it, in one statement), so it is written once here,
 * as rootConnectionResolver writes the kinds' root connections.
 */
export function rootNodeResolver<T extends object, Key extends string | number>(
  type: () => ClassType<T>,
  root: RootNode<T, Key>,
): ClassType {
  const keyType = root.key.name === 'code' ? () => String : () => Int;
  // A code is a string with a maximum; a number needs none.
  const keyLength: ParameterDecorator = root.key.name === 'code' ? MaxChars(ARGUMENT_LENGTH.code) : () => undefined;
  @Resolver()
  class RootNodeResolver {
    @Query(type, { nullable: true, description: root.description })
    @RootRead((args, info, ctx) => compileNodeRead(ctx, info, root.id(args[root.key.name] as Key)))
    // The method's name is the query's: type-graphql names a query after its method.
    async [root.field](
      @Arg(root.key.name, keyType, { description: root.key.description }) @keyLength key: Key,
      @Ctx() ctx: RequestContext,
      @Info() info: GraphQLResolveInfo,
    ): Promise<T | null> {
      const node = await loadNode(ctx, info, root.id(key));
      return node ? root.from(node) : null;
    }
  }
  return RootNodeResolver;
}

/** A root query for every node of a short kind, unpaginated (`sdgs`, `linkagePlans`, `reformAreas`). */
export interface RootList<T> {
  readonly field: string;
  readonly description: string;
  readonly label: NodeLabel;
  readonly from: (node: NodeProperties) => T;
}

/** The resolver of a root list: every node of the label in display order (listByLabel). */
export function rootListResolver<T extends object>(type: () => ClassType<T>, root: RootList<T>): ClassType {
  @Resolver()
  class RootListResolver {
    @Query(() => [type()], { description: root.description })
    @RootRead((_args, info, ctx) => compileLabelList(ctx, info, root.label))
    async [root.field](@Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<T[]> {
      return (await listByLabel(ctx, info, root.label)).map(root.from);
    }
  }
  return RootListResolver;
}
