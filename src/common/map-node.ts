import type { RowReader } from '../db/row-reader';
import type { NodeLabel } from '../graph/graph-model';
import { readNode, type StoredNode } from '../graph/node-properties';
import type { Node } from './node.interface';

/**
 * A stored node as its GraphQL object, the one way every entity's `from` maps a row: an instance of `type`
 * (type-graphql resolves fields on it), its `kind` (the class name, which is the GraphQL type name the Node
 * interface resolves to) and `id`, and the fields `fields` derives from the node's stored properties.
 */
export function mapNode<L extends NodeLabel, T extends Node>(
  type: new () => T,
  label: L,
  row: RowReader,
  fields: (p: StoredNode<L>) => Partial<Omit<T, keyof Node>>,
): T {
  const p = readNode(label, row);
  return Object.assign(new type(), { kind: type.name, id: p.id }, fields(p));
}

/**
 * The fields a node's GraphQL object takes over from its stored properties as they are (`storedFields`),
 * declared by each type as `static storedAsIs`. For an operation that reads no other field of a type, the
 * relationship fields' fast path (src/read/primed-fields.ts) answers with the compiled statement's projected
 * rows themselves instead of mapping each node into its class: those rows hold exactly these values.
 */
export type StoredAsIs = readonly string[];

/**
 * The named stored properties under their own names: the fields a node's GraphQL object takes over as
 * stored (scalars; lists are copied by the caller, since GraphQL objects hold mutable arrays).
 */
export function storedFields<P extends object, K extends keyof P>(p: P, ...keys: readonly K[]): Pick<P, K> {
  const picked = {} as Pick<P, K>;
  for (const key of keys) picked[key] = p[key];
  return picked;
}
