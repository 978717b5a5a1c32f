import { Field, ID, InterfaceType } from 'type-graphql';

/**
 * Anything with a readable graph id (`measure:5-1-3`, `sdg:17`). `kind` names the GraphQL type, so
 * `node(id:)`, search hits and paths can return any node and clients spread on `... on Measure`.
 */
@InterfaceType({
  description: 'A node of the policy graph, identified by its readable id such as `measure:5-1-3` or `sdg:17`.',
  resolveType: (value: { kind: string }) => value.kind,
})
export abstract class Node {
  @Field(() => ID, { description: 'Readable, stable id `kind:key`, e.g. `measure:5-1-3`.' })
  id!: string;

  /** The GraphQL type name (not exposed; used to resolve the interface). */
  kind!: string;
}
