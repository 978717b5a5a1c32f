import type { GraphQLResolveInfo } from 'graphql';
import { fetchPage, type Page } from './fetch-page';
import type { RequestContext } from '../request-context';
import type { NodeProperties } from '../graph-loaders';
import { projectedProperties } from '../prefetch/property-demand';
import { compilePage } from './compile-page';
import type { Condition } from './condition';
import type { PageSpec } from './page-spec';
import { selectedSubfields } from './selected-fields';
import { describeOrder, normalizeOrder, orderTag, type OrderKey } from './sort-order';

/** `first`/`after` of a connection. */
export interface Slice {
  readonly first: number;
  readonly after?: string | null;
}

/**
 * One page of a root connection (`measures`, `policyItems`, `indicators`, `reformSheets`): compiles the
 * filter's condition tree, the order and the facets the request selects into one statement and runs it
 * through fetchPage, with cursors that carry the order (and the relationship fields selected below the
 * page's nodes compiled into the same statement, src/read/prefetch/).
 */
export function fetchFilteredPage<T extends { sortKey: string }, F extends string, Facet extends string>(
  ctx: RequestContext,
  spec: PageSpec<F, Facet>,
  condition: Condition,
  orderBy: readonly OrderKey<F>[] | null | undefined,
  slice: Slice,
  info: GraphQLResolveInfo,
  map: (node: NodeProperties) => T,
): Promise<Page<T>> {
  const order = normalizeOrder(orderBy, (field) => spec.orderFields[field] === null);
  const facets = [...selectedSubfields(info, 'facets')].filter((name): name is Facet => name in spec.facets);
  const { statement, params } = compilePage(
    spec,
    condition,
    order,
    facets,
    projectedProperties(info, spec.label, 'page'),
  );
  const pageOrder = { tag: orderTag(spec.name, order), keyCount: order.length, described: describeOrder(order) };
  return fetchPage(ctx.gateway, statement, params, slice.first, slice.after, map, pageOrder, {
    info,
    loaders: ctx.loaders,
  });
}
