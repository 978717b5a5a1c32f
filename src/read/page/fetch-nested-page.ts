import DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import { afterPosition, sliceParams, toPage, type Page, type PageOrder } from './fetch-page';
import type { RequestContext } from '../request-context';
import type { PlainRow } from '../../db/plain-values';
import { RowReader } from '../../db/row-reader';
import type { NodeProperties } from '../graph-loaders';
import { projectedProperties } from '../prefetch/property-demand';
import { compilePage, type CompiledPage } from './compile-page';
import type { Condition } from './condition';
import type { Slice } from './fetch-filtered-page';
import type { PageSpec } from './page-spec';
import { selectedSubfields } from './selected-fields';
import { describeOrder, normalizeOrder, orderTag, type OrderKey } from './sort-order';

/**
 * Nested connections (`Department.measuresConnection` …): the same filter, order, cursors and facets as the
 * root connection, one page per parent. Parents asking the same question in one request (same field and
 * arguments) share one DataLoader, so their pages come from one statement over all of them (no N+1).
 */
type RowLoader = DataLoader<string, PlainRow | undefined>;
const loadersOf = new WeakMap<RequestContext, Map<string, RowLoader>>();

export async function fetchNestedPage<T extends { sortKey: string }, F extends string, Facet extends string>(
  ctx: RequestContext,
  spec: PageSpec<F, Facet>,
  scope: string,
  parentId: string,
  condition: Condition,
  orderBy: readonly OrderKey<F>[] | null | undefined,
  slice: Slice,
  info: GraphQLResolveInfo,
  map: (node: NodeProperties) => T,
): Promise<Page<T>> {
  const keys = normalizeOrder(orderBy, (field) => spec.orderFields[field] === null);
  const order: PageOrder = { tag: orderTag(spec.name, keys), keyCount: keys.length, described: describeOrder(keys) };
  const position = afterPosition(slice.after, order);
  const facets = [...selectedSubfields(info, 'facets')].filter((name): name is Facet => name in spec.facets);
  const compiled = compilePage(spec, condition, keys, facets, projectedProperties(info, spec.label, 'page'), scope);
  const params = { ...compiled.params, ...sliceParams(position, slice.first) };
  const row = await loaderFor(ctx, compiled, params).load(parentId);
  const page = toPage(row, slice.first, slice.after, map, order, { projected: true });
  // A parent with nothing matching has no row; its facets are the empty counts of an empty set.
  return row === undefined ? { ...page, facets: Object.fromEntries(facets.map((name) => [name, []])) } : page;
}

function loaderFor(ctx: RequestContext, compiled: CompiledPage, params: Record<string, unknown>): RowLoader {
  const loaders = loadersOf.get(ctx) ?? new Map<string, RowLoader>();
  loadersOf.set(ctx, loaders);
  const key = `${compiled.statement.text}\n${JSON.stringify(params)}`;
  let loader = loaders.get(key);
  if (loader === undefined) {
    loader = new DataLoader(async (parents: readonly string[]) => {
      const rows = await ctx.gateway.readStatement(compiled.statement, { ...params, parents: [...parents] });
      const byParent = new Map(rows.map((row) => [new RowReader(row).string('parent'), row]));
      return parents.map((parent) => byParent.get(parent));
    });
    loaders.set(key, loader);
  }
  return loader;
}
