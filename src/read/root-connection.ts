import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Query, Resolver, type ClassType } from 'type-graphql';
import { FilterArg, OrderByArg } from './filter/list-args';
import { PaginationArgs } from './page/pagination.args';
import { compileListPage, listPage, sliceOf, type ListKind } from './nested-connection';
import { RootRead } from './root-reads';
import type { Page } from './page/fetch-page';
import type { OrderKey } from './page/sort-order';
import type { RequestContext } from './request-context';

/** A root connection query: its name and its description. */
export interface RootConnection {
  readonly field: string;
  readonly description: string;
}

/**
 * The resolver of a kind's root connection (`measures`, `policyItems` …): filter, order, cursors and facets
 * from one statement (listPage), the same as the kind's nested connections, which
 * nestedConnectionResolver makes from the same ListKind.
 */
export function rootConnectionResolver<T extends { sortKey: string }, Filter extends object, OrderField extends string>(
  kind: ListKind<T, Filter, OrderField, string>,
  root: RootConnection,
): ClassType {
  @Resolver()
  class RootConnectionResolver {
    @Query(() => kind.connection, { description: root.description })
    // The same first two steps as the resolver's, for arguments as graphql-js coerced them (root-reads.ts).
    @RootRead(async (args, info, ctx) => {
      const filter = (args['filter'] ?? null) as Filter | null;
      const orderBy = (args['orderBy'] ?? null) as OrderKey<OrderField>[] | null;
      return (await compileListPage(kind, { filter, orderBy, slice: sliceOf(args), ctx, info })).compiled;
    })
    // The method's name is the query's: type-graphql names a query after its method.
    async [root.field](
      @FilterArg(() => kind.filter)
      filter: Filter | null,
      @OrderByArg(() => kind.order, 'root')
      orderBy: OrderKey<OrderField>[] | null,
      @Args(() => PaginationArgs) slice: PaginationArgs,
      @Ctx() ctx: RequestContext,
      @Info() info: GraphQLResolveInfo,
    ): Promise<Page<T>> {
      return listPage(kind, { filter, orderBy, slice, ctx, info });
    }
  }
  return RootConnectionResolver;
}
