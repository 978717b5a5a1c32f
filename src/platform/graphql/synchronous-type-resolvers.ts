import { isAbstractType, type GraphQLSchema, type GraphQLTypeResolver } from 'graphql';

/** A type resolver as the schema's decorators declare them: a value in, its object type's name out, at once. */
export type TypeNameOf = GraphQLTypeResolver<never, unknown>;

/**
 * Puts the declared type resolvers of interfaces and unions back on the built schema as they are. type-graphql
 * wraps each declared `resolveType` in an async function (its SchemaGenerator.getResolveTypeFunction), so
 * graphql-js completed every value of such a type through a promise: each search hit's node, each node of a
 * path and each `node(id:)` answer waited a microtask for its type name, and the list holding them was completed
 * by Promise.all rather than in one pass. `resolvers` are the very functions the decorators declare, so the
 * answers stay the same. Throws naming a type that is not an interface or union of the schema.
 */
export function resolveTypesAtOnce(schema: GraphQLSchema, resolvers: Readonly<Record<string, TypeNameOf>>): void {
  for (const [name, resolve] of Object.entries(resolvers)) {
    const type = schema.getType(name);
    if (!isAbstractType(type))
      throw new Error(`resolveTypesAtOnce: ${name} is not an interface or union of the schema`);
    type.resolveType = resolve as GraphQLTypeResolver<unknown, unknown>;
  }
}
