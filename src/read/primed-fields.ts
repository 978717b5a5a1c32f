import {
  defaultFieldResolver,
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import type { NodeProperties } from './graph-loaders';
import type { RequestContext } from './request-context';
import { keptOf, keyOf, RELATIONSHIPS, type FieldArguments, type Relationship } from './relationships';

/** How each GraphQL object type's nodes become its objects (the features' `static from`), by type name. */
export type NodeMappers = Readonly<Record<string, (node: NodeProperties) => object>>;

/**
 * Gives every relationship field of the schema a fast path for what a compiled statement answered.
 *
 * The field's own resolver (type-graphql's, then the feature's `@FieldResolver`) converts its parent,
 * collects and validates its parameters, and awaits the loader: a promise and several allocations per field
 * and parent, for an answer the compiled statement has already put in the request's loaders. The fast path
 * reads that answer synchronously (`GraphLoaders.primedList`, filled where the loaders are primed) and
 * returns the objects at once, with the field's `keep` applied and mapped by the same `from` the resolver
 * uses: the same objects in the same order, with no promise for graphql-js to wait on. Whatever was not
 * primed (the compiler left the field out, a lookup by `node(id:)`, a computed field) goes to the
 * resolver as before, so the fast path can only ever skip work, never change an answer.
 *
 * What the fast path skips has no effect on these fields: none is `@Authorized` or has a middleware (checked
 * here against type-graphql's metadata; such a field keeps its resolver), the schema has no global
 * middlewares, their arguments are scalars and enums (type-graphql validates only input classes), and the
 * query-cost and depth limits are validation rules that ran before execution.
 */
export function answerPrimedFields(schema: GraphQLSchema, mappers: NodeMappers): void {
  const guarded = guardedFieldNames();
  for (const [typeName, fields] of Object.entries(RELATIONSHIPS)) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) throw new Error(`relationship table: the schema has no object type ${typeName}`);
    const relationships: Readonly<Record<string, Relationship>> = fields;
    for (const [fieldName, relationship] of Object.entries(relationships)) {
      const field = type.getFields()[fieldName];
      if (!field) throw new Error(`relationship table: ${typeName} has no field ${fieldName}`);
      if (guarded.has(fieldName)) continue;
      const target = getNamedType(field.type).name;
      const map = mappers[target];
      if (!map) throw new Error(`no mapper for ${target}, the type of ${typeName}.${fieldName}`);
      field.resolve = primedOr(
        relationship,
        map,
        isListType(getNullableType(field.type)),
        field.resolve ?? defaultFieldResolver,
      );
    }
  }
}

/** The field's resolver with the fast path in front. */
function primedOr(
  relationship: Relationship,
  map: (node: NodeProperties) => object,
  list: boolean,
  resolver: GraphQLFieldResolver<unknown, RequestContext>,
): GraphQLFieldResolver<unknown, RequestContext, FieldArguments> {
  return (parent, args, ctx, info) => {
    const id = idOf(parent);
    const nodes = id === undefined ? undefined : ctx.loaders.primedList(keyOf(relationship.hop(args)), id);
    if (nodes === undefined) return resolver(parent, args, ctx, info);
    if (list) return keptOf(relationship, args, nodes).map(map);
    const [node] = nodes;
    // None where the model says there is one: the resolver reports the broken graph as it always has.
    return node ? map(node) : resolver(parent, args, ctx, info);
  };
}

function idOf(parent: unknown): string | undefined {
  if (typeof parent !== 'object' || parent === null) return undefined;
  const id: unknown = (parent as { id?: unknown }).id;
  return typeof id === 'string' ? id : undefined;
}

/** Names of fields type-graphql guards with roles or middlewares, on any type: those keep their resolvers. */
function guardedFieldNames(): ReadonlySet<string> {
  const storage = getMetadataStorage();
  return new Set(
    [...storage.fields, ...storage.fieldResolvers]
      .filter(({ roles, middlewares }) => (roles !== undefined && roles.length > 0) || (middlewares?.length ?? 0) > 0)
      .map(({ schemaName }) => schemaName),
  );
}
