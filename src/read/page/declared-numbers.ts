import type { Attributes } from '../../graph/kinds/attribute';
import type { Declaration } from '../../graph/kinds/declared-property';
import type { AggregateQuantity } from './aggregate';
import type { CypherPart } from './cypher-part';
import { propertyQuantity } from './fragments';

/**
 * What a node type's declared numbers (src/graph/kinds/) add to its connection: a sort order for each
 * orderable one (its order enum value, sorted by the stored number) and an aggregate figure for each
 * aggregatable one, both over cypher/fragments/common/property.cypher. The kind's page spec and order input
 * spread these after their own.
 */

/** The order enum values the declaration adds (`START_YEAR`); a declared text sorts as stored. */
export type DeclaredOrderValue<D extends Attributes> = {
  [K in keyof D]: D[K] extends { readonly order: { readonly value: infer V extends string } } ? V : never;
}[keyof D];

/** Each declared order value with its sort fragment, for kindPageSpec's `orderFields`. */
export function declaredOrderFields<D extends Attributes>(declaration: D): Record<DeclaredOrderValue<D>, CypherPart> {
  return Object.fromEntries(
    Object.entries(declaration).flatMap(([name, { order }]) => (order ? [[order.value, propertyQuantity(name)]] : [])),
  ) as Record<DeclaredOrderValue<D>, CypherPart>;
}

/** Each declared order value with its description, for OrderInput. */
export function declaredOrderDescriptions<D extends Attributes>(declaration: D): Record<DeclaredOrderValue<D>, string> {
  return Object.fromEntries(
    Object.values(declaration).flatMap(({ order }) => (order ? [[order.value, order.description]] : [])),
  ) as Record<DeclaredOrderValue<D>, string>;
}

/** Each aggregatable declared number as an aggregate figure of the connection, by its field name. */
export function declaredAggregates(declaration: Declaration): Record<string, AggregateQuantity> {
  return Object.fromEntries(
    Object.entries(declaration).flatMap(([name, { aggregate }]) =>
      aggregate === undefined ? [] : [[name, { quantity: propertyQuantity(name), description: aggregate }]],
    ),
  );
}
