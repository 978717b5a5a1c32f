import type { RowReader } from '../db/row-reader';
import type { NodeLabel } from './graph-model';
import { readNode, type StoredNode } from './node-properties';
import type { Node } from './node.interface';

/**
 * A stored node as its GraphQL object, the one way every entity's `from` maps a row: an instance of `type`
 * (type-graphql resolves fields on it), its `kind` (the class name, which is the GraphQL type name the Node
 * interface resolves to) and `id`, the fields it takes over from stored properties as they are (`storedAsIs`),
 * and the fields `derived` computes from the stored properties.
 *
 * Everything is assigned onto the instance (whose class fields it already has) rather than gathered with an
 * object spread first: on Node 20 (V8 11.3) each property an object literal adds after a spread
 * (`{ ...stored, source }`) makes a new hidden class, about 1 µs apiece, which made mapping a policy item
 * take 9 µs instead of under 1 (bench/investigations/object-spread.js).
 */
export function mapNode<L extends NodeLabel, T extends Node, K extends keyof StoredNode<L> & keyof T>(
  type: new () => T,
  label: L,
  row: RowReader,
  storedAsIs: readonly K[] & TakenOverAsIs<StoredNode<L>, T, K>,
  derived?: (p: StoredNode<L>) => Partial<Omit<T, keyof Node | K>>,
): T {
  const p = readNode(label, row);
  const object = new type();
  object.kind = type.name;
  object.id = p.id;
  // TakenOverAsIs has checked, where the keys are named, that each stored value fits the field it fills.
  const fields: Record<K, unknown> = object;
  for (const key of storedAsIs) fields[key] = p[key];
  return derived ? Object.assign(object, derived(p)) : object;
}

/** Refuses (as `never`) a `storedAsIs` naming a property whose stored type does not fit the object's field. */
type TakenOverAsIs<S, T, K extends keyof S & keyof T> = Pick<S, K> extends Pick<T, K> ? unknown : never;

/**
 * The fields a node's GraphQL object takes over from its stored properties as they are, declared by each
 * type as `static storedAsIs`: scalars (a list is copied by `derived`, since GraphQL objects hold mutable
 * arrays). For an operation that reads no other field of a type, the relationship
 * fields' fast path (src/read/primed-fields.ts) answers with the compiled statement's projected rows
 * themselves instead of mapping each node into its class: those rows hold exactly these values.
 */
export type StoredAsIs = readonly string[];
