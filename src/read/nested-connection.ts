import type { CypherSource } from '../db/cypher-registry';
import type { Cypher } from '../db/cypher';
import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Resolver, Root, type ClassType } from 'type-graphql';
import { FilterArg, OrderByArg } from './filter/list-args';
import { executePage, type Page } from './page/fetch-page';
import { PaginationArgs } from './page/pagination.args';
import type { RequestContext } from './request-context';
import type { CompileContext } from './compile-context';
import type { NodeProperties } from './graph-loaders';
import type { Condition } from './page/condition';
import { compilePageRead } from './page/compile-page-read';
import { parsePageSelection, type PageSelection } from './page/page-selection';
import type { PageSpec } from './page/page-spec';
import type { OrderKey } from './page/sort-order';
import type { PlainListKind } from './plain-list-kind';
import type { CompiledRead } from './prefetch/compiled-read';
import { reusedCompile } from './prefetch/compile-memo';
import { NestedPage, withNestedPages } from './prefetch/nested-pages';
import type { RootField } from './prefetch/selection-plan';
import type { StoredAsIs } from '../graph/map-node';
import { pageItems } from './page/page-items';

/**
 * One kind of filtered, sortable list (measures, policy items, reform sheets): what a connection of it
 * needs, declared once in its feature folder and shared by the root connection and the nested ones.
 */
export interface ListKind<
  T extends { sortKey: string },
  Filter extends object,
  OrderField extends string,
  Facet extends string,
> {
  readonly spec: PageSpec<OrderField, Facet>;
  /** The GraphQL types of the connection, its `filter` and its `orderBy` items. */
  readonly connection: ClassType;
  readonly filter: ClassType<Filter>;
  readonly order: ClassType;
  /** The filter as a condition tree (resolving department names against the request's directory). */
  readonly condition: (filter: Filter | null, ctx: Pick<CompileContext, 'departments'>) => Promise<Condition>;
  readonly map: (node: NodeProperties) => T;
  /** The fields `map` takes over from stored properties as they are (src/read/page/page-items.ts). */
  readonly storedAsIs: StoredAsIs;
}

/** What a connection's resolver hands on for one page: its arguments and the request. */
export interface ListPageArgs<Filter, OrderField extends string> {
  readonly filter: Filter | null;
  readonly orderBy: OrderKey<OrderField>[] | null;
  readonly slice: PaginationArgs;
  readonly ctx: RequestContext;
  readonly info: GraphQLResolveInfo;
}

/**
 * One page of a kind's root list in the three steps of every read: parse the arguments and the selection,
 * compile one statement, execute it. The nested connections below take the same first two steps
 * (compileListPage), so a root connection and its nested ones cannot come to read their arguments
 * differently.
 */
export async function listPage<T extends { sortKey: string }, Filter extends object, OrderField extends string>(
  kind: ListKind<T, Filter, OrderField, string>,
  args: ListPageArgs<Filter, OrderField>,
): Promise<Page<T>> {
  const { selection, compiled, map } = await reusedCompile(args.ctx, args.info, kind.spec.name, (planning) =>
    compileListPage(kind, Object.assign({}, args, { ctx: planning })),
  );
  return executePage(args.ctx, compiled, selection, map);
}

/**
 * The first two steps of a kind's page: parse, then compile. The nested connections right below its nodes
 * are planned too, and its statement answers them (src/read/prefetch/nested-pages.ts): a root page's, and a
 * nested page's in turn, so pages of pages come from the root's one statement. Nothing runs: the context
 * only names the statements' parts, the departments and where the compile leaves its marks.
 */
export async function compileListPage<T extends { sortKey: string }, Filter extends object, OrderField extends string>(
  kind: ListKind<T, Filter, OrderField, string>,
  {
    filter,
    orderBy,
    slice,
    ctx,
    info,
  }: Omit<ListPageArgs<Filter, OrderField>, 'info' | 'ctx'> & {
    readonly info: RootField;
    readonly ctx: CompileContext;
  },
  scope?: Cypher,
): Promise<PreparedPage<T, OrderField, string>> {
  const parsed = parsePageSelection(kind.spec, info, orderBy, slice);
  const selection = Object.assign({}, parsed, { below: await withNestedPages(parsed.below, ctx) });
  const condition = await kind.condition(filter, ctx);
  return {
    selection,
    compiled: compilePageRead(ctx.gateway.statements, kind.spec, condition, selection, scope),
    map: pageItems(info, kind.storedAsIs, kind.map),
  };
}

/** A page's first two steps done: its selection, its compiled read, and how its rows become its items. */
export interface PreparedPage<T, OrderField extends string, Facet extends string> {
  readonly selection: PageSelection<OrderField, Facet>;
  readonly compiled: CompiledRead;
  readonly map: (node: NodeProperties) => T;
}

/** A nested page's first two steps (parse, compile) for one parent of a plain kind (no filter or order). */
async function compilePlainPage<T extends { sortKey: string }>(
  kind: PlainListKind<T>,
  { slice, ctx, info }: { readonly slice: PaginationArgs; readonly ctx: CompileContext; readonly info: RootField },
  scope: Cypher,
): Promise<PreparedPage<T, 'CODE', never>> {
  const parsed = parsePageSelection(kind.spec, info, null, slice);
  const selection = Object.assign({}, parsed, { below: await withNestedPages(parsed.below, ctx) });
  return {
    selection,
    compiled: compilePageRead(ctx.gateway.statements, kind.spec, kind.condition, selection, scope),
    map: pageItems(info, kind.storedAsIs, kind.map),
  };
}

/** `first`/`after` as graphql-js coerced them (defaults applied), for a page planned ahead of its resolver. */
export function sliceOf(args: Readonly<Record<string, unknown>>): PaginationArgs {
  return Object.assign(new PaginationArgs(), {
    first: typeof args['first'] === 'number' ? args['first'] : new PaginationArgs().first,
    after: typeof args['after'] === 'string' ? args['after'] : null,
  });
}

/** A nested connection field: on which type, under which name, and whose nodes it lists. */
export interface NestedConnection {
  readonly parent: () => ClassType;
  readonly field: string;
  /**
   * The scope binding each `parent` (from `$parents`) to its nodes `n`, composed from the compile's registry:
   * a file of cypher/fragments/ or a relationship's hop (`relationshipScope`).
   */
  readonly scope: (source: CypherSource) => Cypher;
  /** What it lists, in words, for the field's description (`Measures the department is responsible for`). */
  readonly lists: string;
}

/**
 * The resolver of one nested connection (`Department.measuresConnection` …): the same filter, order,
 * cursors and facets as the root connection of its kind, one page per parent, pages of many parents from
 * one statement (listPage). Each such field is one call of this factory, listed with the resolvers.
 */
export function nestedConnectionResolver<
  T extends { sortKey: string },
  Filter extends object,
  OrderField extends string,
  Facet extends string,
>(kind: ListKind<T, Filter, OrderField, Facet>, nested: NestedConnection): ClassType {
  @Resolver(nested.parent)
  class NestedConnectionResolver {
    @FieldResolver(() => kind.connection, {
      description:
        `${nested.lists} as a connection: paged (\`first\`/\`after\`), filtered and sorted like the root \`${kind.spec.name}\`, ` +
        'with totalCount and facets; pages of many parents come from one statement.',
    })
    @NestedPage(async (args, info, ctx) => {
      // As graphql-js coerced them; the resolver's are the same values in type-graphql's classes. Made once
      // for these field nodes: the resolver finds this compile instead of making its own.
      const filter = (args['filter'] ?? null) as Filter | null;
      const orderBy = (args['orderBy'] ?? null) as OrderKey<OrderField>[] | null;
      const slice = sliceOf(args);
      const { compiled } = await ctx.loaders.oncePerSelection(info.fieldNodes, () =>
        compileListPage(kind, { filter, orderBy, slice, ctx, info }, nested.scope(ctx.gateway.statements)),
      );
      return compiled;
    })
    // The method's name is the field's: type-graphql pairs a field with its resolver by method name, so the
    // nested connections of one type (Sdg's measures and policy items) need their own names.
    async [nested.field](
      @Root() parent: { readonly id: string },
      @FilterArg(() => kind.filter)
      filter: Filter | null,
      @OrderByArg(() => kind.order)
      orderBy: OrderKey<OrderField>[] | null,
      @Args(() => PaginationArgs) slice: PaginationArgs,
      @Ctx() ctx: RequestContext,
      @Info() info: GraphQLResolveInfo,
    ): Promise<Page<T>> {
      // Parsed and compiled once for all the parents (their arguments are the same), run for this one.
      const prepared = await ctx.loaders.oncePerSelection(info.fieldNodes, () =>
        compileListPage(kind, { filter, orderBy, slice, ctx, info }, nested.scope(ctx.gateway.statements)),
      );
      // Its arguments passed type-graphql's checks: the other parents may take the fast path (primed-pages.ts).
      ctx.loaders.rememberResolved(info.fieldNodes, prepared);
      return executePage(ctx, prepared.compiled, prepared.selection, prepared.map, parent.id);
    }
  }
  return NestedConnectionResolver;
}

/**
 * The resolver of a nested connection of a plain kind (`Sdg.departmentsConnection` …): paged in code order
 * with totalCount, one page per parent, pages of many parents from one statement, like the others.
 */
export function plainConnectionResolver<T extends { sortKey: string }>(
  kind: PlainListKind<T>,
  nested: NestedConnection,
): ClassType {
  @Resolver(nested.parent)
  class PlainConnectionResolver {
    @FieldResolver(() => kind.connection, {
      description: `${nested.lists} as a connection: paged (\`first\`/\`after\`) in code order, with totalCount; pages of many parents come from one statement.`,
    })
    @NestedPage(async (args, info, ctx) => {
      const { compiled } = await ctx.loaders.oncePerSelection(info.fieldNodes, () =>
        compilePlainPage(kind, { slice: sliceOf(args), ctx, info }, nested.scope(ctx.gateway.statements)),
      );
      return compiled;
    })
    // The method's name is the field's (see nestedConnectionResolver).
    async [nested.field](
      @Root() parent: { readonly id: string },
      @Args(() => PaginationArgs) slice: PaginationArgs,
      @Ctx() ctx: RequestContext,
      @Info() info: GraphQLResolveInfo,
    ): Promise<Page<T>> {
      const prepared = await ctx.loaders.oncePerSelection(info.fieldNodes, () =>
        compilePlainPage(kind, { slice, ctx, info }, nested.scope(ctx.gateway.statements)),
      );
      ctx.loaders.rememberResolved(info.fieldNodes, prepared);
      return executePage(ctx, prepared.compiled, prepared.selection, prepared.map, parent.id);
    }
  }
  return PlainConnectionResolver;
}
