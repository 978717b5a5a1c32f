import type { GraphQLResolveInfo } from 'graphql';
import type { NodeProperties } from '../graph-loaders';
import { projectedProperties } from '../prefetch/property-demand';
import type { RequestContext } from '../request-context';
import { compilePage } from './compile-page';
import type { Condition } from './condition';
import { fetchPage, type Page, type Slice } from './fetch-page';
import type { PageSpec } from './page-spec';
import { selectedSubfields } from './selected-fields';
import { describeOrder, normalizeOrder, orderTag, type OrderKey } from './sort-order';

/** One page of a filtered, sortable list: a root connection, or one parent's nested connection. */
export interface FilteredPageRequest<T, F extends string, Facet extends string> {
  readonly ctx: RequestContext;
  readonly spec: PageSpec<F, Facet>;
  readonly condition: Condition;
  readonly orderBy: readonly OrderKey<F>[] | null | undefined;
  readonly slice: Slice;
  readonly info: GraphQLResolveInfo;
  readonly map: (node: NodeProperties) => T;
  /**
   * A nested connection (`Department.measuresConnection` …): the scope fragment binding each parent to its
   * nodes, and this parent. Same filter, order, cursors and facets as the root connection, one page per
   * parent, the pages of every parent asking the same question from one statement.
   */
  readonly nested?: { readonly scope: string; readonly parentId: string };
}

/**
 * One page of a connection (`measures`, `policyItems`, `indicators`, `reformSheets` and the nested ones):
 * compiles the filter's condition tree, the order and the facets the request selects into one statement
 * and runs it through fetchPage, with cursors that carry the order, and the relationship fields selected
 * below the page's nodes compiled into the same statement (src/read/prefetch/).
 */
export async function fetchFilteredPage<T extends { sortKey: string }, F extends string, Facet extends string>(
  request: FilteredPageRequest<T, F, Facet>,
): Promise<Page<T>> {
  const { ctx, spec, condition, slice, info, map, nested } = request;
  const order = normalizeOrder(request.orderBy, (field) => spec.orderFields[field] === null);
  const facets = [...selectedSubfields(info, 'facets')].filter((name): name is Facet => name in spec.facets);
  const properties = projectedProperties(info, spec.label, 'page');
  const { statement, params } = compilePage(spec, condition, order, facets, properties, nested?.scope);
  const pageOrder = { tag: orderTag(spec.name, order), keyCount: order.length, described: describeOrder(order) };
  const page = await fetchPage({
    ctx,
    statement,
    params,
    slice,
    map,
    order: pageOrder,
    info,
    parentId: nested?.parentId,
  });
  // A parent with nothing matching has no row; its facets are the empty counts of an empty set.
  return nested && page.facets === null
    ? Object.assign({}, page, { facets: Object.fromEntries(facets.map((name) => [name, []])) })
    : page;
}
