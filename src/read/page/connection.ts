import { Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { encodeCursor } from './cursor';
import { Aggregate, type AggregateQuantity, type AggregateValues } from './aggregate';
import { PageInfo } from './page-info.type';

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface ConnectionShape<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
  /** The figures the page statement computed over the whole filtered set (see Aggregate). */
  aggregate?: AggregateValues;
}

/**
 * Builds `XEdge` and `XConnection` object types for a node type (type-graphql's generic-types pattern), so
 * every paginated list has the same shape: edges with cursors, nodes, pageInfo and totalCount.
 */
export function Connection<T extends object>(
  itemType: ClassType<T>,
  name: string,
  description: string,
  facetsType?: ClassType,
  aggregates: Readonly<Record<string, AggregateQuantity>> = {},
) {
  const AggregateType = Aggregate(name, aggregates);

  @ObjectType(`${name}Edge`, { description: `An edge of ${name}Connection: one ${name} and its cursor.` })
  class EdgeType {
    @Field({ description: 'Opaque cursor of this item; pass it as `after` to continue after it.' })
    cursor!: string;

    @Field(() => itemType, { description: `The ${name}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description })
  class ConnectionType implements ConnectionShape<T> {
    @Field(() => [EdgeType], { description: 'The items of this page with their cursors.' })
    edges!: Edge<T>[];

    @Field(() => [itemType], { description: 'The items of this page (the same as edges.node).' })
    nodes!: T[];

    @Field(() => PageInfo, { description: 'Whether more pages exist, and the cursors to reach them.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'Number of items matching the filter, over all pages.' })
    totalCount!: number;

    @Field(() => AggregateType, {
      description:
        'Count and number figures (min, max, average, sum) over the whole filtered set (all pages), from the same statement as the page.',
    })
    aggregate!: AggregateValues;
  }

  if (facetsType !== undefined) {
    // Only the connections whose resolvers compute facets (see src/read/page/fetch-page.ts) declare the field.
    Field(() => facetsType, {
      nullable: true,
      description: 'Counts over the whole filtered set (all pages), by the facets selected; same match as totalCount.',
    })(ConnectionType.prototype, 'facets');
  }

  return ConnectionType;
}

/** A page as the repositories return it: the items (one more than asked, to know if more follow) and the total. */
export interface PageRows<T extends { sortKey: string }> {
  readonly items: readonly T[];
  readonly totalCount: number;
}

/**
 * `cursorOf` makes each item's cursor (by default its sortKey, the default order's position; sorted pages
 * pass one that encodes the sort position and order, see cursor.ts).
 */
export function toConnection<T extends { sortKey: string }>(
  page: PageRows<T>,
  first: number,
  after: string | null | undefined,
  cursorOf: (node: T, index: number) => string = (node) => encodeCursor(node.sortKey),
): ConnectionShape<T> {
  const items = page.items.slice(0, first);
  const edges = items.map((node, index) => ({ cursor: cursorOf(node, index), node }));
  return {
    edges,
    nodes: items,
    totalCount: page.totalCount,
    pageInfo: {
      hasNextPage: page.items.length > first,
      hasPreviousPage: after !== null && after !== undefined,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
