import { Field, ID, InterfaceType } from 'type-graphql';

/**
 * Anything with a readable graph id (`measure:5-1-3`, `sdg:17`). `kind` names the GraphQL type, so
 * `node(id:)`, search hits and paths can return any node and clients spread on `... on Measure`.
 */
/** A node's GraphQL type name: its `kind` (class instances and the plain rows standing for them both carry it). */
export const nodeTypeName = (value: { kind: string }): string => value.kind;

@InterfaceType({
  description: 'A node of the policy graph, identified by its readable id such as `measure:5-1-3` or `sdg:17`.',
  resolveType: nodeTypeName,
})
export abstract class Node {
  @Field(() => ID, { description: 'Readable, stable id `kind:key`, e.g. `measure:5-1-3`.' })
  id!: string;

  /** The GraphQL type name (not exposed; used to resolve the interface). */
  kind!: string;
}
