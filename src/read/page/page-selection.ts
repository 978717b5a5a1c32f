import { projectedProperties } from '../prefetch/property-demand';
import { getNamedType, isObjectType } from 'graphql';
import { parseSelection, type ParsedSelection } from '../prefetch/parse-selection';
import { subfields, type RootField } from '../prefetch/selection-plan';
import type { CursorPosition } from './cursor';
import { BadUserInputError } from '../../core/errors';
import { PAGE_SIZE } from './pagination.args';
import { afterPosition, type PageOrder, type Slice } from './page-arguments';
import type { PageSpec } from './page-spec';
import { selectedAggregates, type AggregateRequest } from './selected-aggregates';
import { selectedSubfields } from './selected-fields';
import { describeOrder, normalizeOrder, orderTag, type OrderKey } from './sort-order';

/**
 * The first step of reading a connection's page (root or nested): its arguments and its selection as the
 * compiler needs them. A bad `orderBy` or cursor is refused here, before anything is compiled or run.
 */
export interface PageSelection<F extends string, Facet extends string> {
  /** The order after the rules every connection shares (normalizeOrder). */
  readonly order: readonly OrderKey<F>[];
  /** The same order as its cursors know it. */
  readonly pageOrder: PageOrder;
  readonly slice: Slice;
  /** Where the page continues (the `after` cursor decoded against the order); null from the start. */
  readonly position: CursorPosition | null;
  /** The facets selected below `facets`. */
  readonly facets: readonly Facet[];
  /** The numbers selected below `aggregate`. */
  readonly aggregates: readonly AggregateRequest[];
  /** The properties the operation reads of the page's nodes. */
  readonly properties: readonly string[];
  /** The relationship fields selected below the page's nodes. */
  readonly below: ParsedSelection;
  /**
   * Whether the page's items are read (`nodes`, `edges` or `pageInfo`). When only counts and figures are
   * (`totalCount`, `facets`, `aggregate`), the statement lists no items: they were most of the bytes of a
   * nested aggregate's answer, decoded and mapped for nothing.
   */
  readonly listsItems: boolean;
}

/** The connection fields that need the page's items. */
const ITEM_FIELDS: ReadonlySet<string> = new Set(['nodes', 'edges', 'pageInfo']);

export function parsePageSelection<F extends string, Facet extends string>(
  spec: PageSpec<F, Facet>,
  info: RootField,
  orderBy: readonly OrderKey<F>[] | null | undefined,
  slice: Slice,
): PageSelection<F, Facet> {
  // Checked by its resolver too, but a nested connection is compiled into its root's statement before its own
  // resolver runs: `first: 2147483647` made that statement's LIMIT (first + 1) overflow Neo4j's integer.
  if (!Number.isSafeInteger(slice.first) || slice.first < PAGE_SIZE.min || slice.first > PAGE_SIZE.max) {
    throw new BadUserInputError(`first must be ${PAGE_SIZE.min} to ${PAGE_SIZE.max}, got ${slice.first}`, {
      argument: 'first',
    });
  }
  const order = normalizeOrder(orderBy, (field) => spec.orderFields[field] === null);
  const pageOrder = { tag: orderTag(spec.name, order), keyCount: order.length, described: describeOrder(order) };
  return {
    order,
    pageOrder,
    slice,
    position: afterPosition(slice.after, pageOrder),
    facets: [...selectedSubfields(info, 'facets')].filter((name): name is Facet => name in spec.facets),
    aggregates: selectedAggregates(info, spec),
    properties: projectedProperties(info, spec.label, 'page'),
    below: parseSelection(info),
    listsItems: listsItems(info),
  };
}

/** Whether the selection on the connection (graphql-js's own collection, directives applied) reads items. */
function listsItems(info: RootField): boolean {
  const connection = getNamedType(info.returnType);
  if (!isObjectType(connection)) return true;
  for (const nodes of subfields(info, connection, info.fieldNodes).values())
    if (nodes.some((node) => ITEM_FIELDS.has(node.name.value))) return true;
  return false;
}
