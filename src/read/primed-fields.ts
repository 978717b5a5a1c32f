import {
  defaultFieldResolver,
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  type GraphQLFieldResolver,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
} from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import type { StoredAsIs } from '../graph/map-node';
import type { NodeProperties } from './graph-loaders';
import { rowsAnswer } from './prefetch/property-demand';
import type { RequestContext } from './request-context';
import { keptOf, keyOf, RELATIONSHIPS, type FieldArguments, type Relationship } from './declared-relationships';

/**
 * How each GraphQL object type's nodes become its objects, by type name: the feature's `static from`, and
 * the fields that mapping takes over from stored properties as they are (src/graph/map-node.ts `StoredAsIs`).
 */
export type NodeMappers = Readonly<
  Record<string, { readonly from: (node: NodeProperties) => object; readonly storedAsIs: StoredAsIs }>
>;

/**
 * Gives every relationship field of the schema a fast path for what a compiled statement answered.
 *
 * The field's own resolver (type-graphql's, then the feature's `@FieldResolver`) converts its parent,
 * collects and validates its parameters, and awaits the loader: a promise and several allocations per field
 * and parent, for an answer the compiled statement has already put in the request's loaders. The fast path
 * reads that answer synchronously (`GraphLoaders.primedList`, filled where the loaders are primed) and
 * returns the objects at once, with the field's `keep` applied: the same objects in the same order, with no
 * promise for graphql-js to wait on. When the operation reads of the type only fields the projected rows
 * hold as the objects would (`rowsAnswer`: ids, fields taken over from stored properties as they are,
 * relationships), the rows themselves are the objects; otherwise each is mapped by the same `from` the
 * resolver uses. Mapping a reform sheet into its class took about 10 µs, and a request such as the
 * dashboard's fields → items → measures → sheets maps hundreds. Whatever was not
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
      const target = getNamedType(field.type);
      const mapper = mappers[target.name];
      if (!mapper || !isObjectType(target)) {
        throw new Error(`no mapper for ${target.name}, the type of ${typeName}.${fieldName}`);
      }
      field.resolve = primedOr(
        relationship,
        objectsFor(target, mapper),
        isListType(getNullableType(field.type)),
        field.resolve ?? defaultFieldResolver,
      );
    }
  }
}

/** How a primed node becomes the field's object for the operation under way. */
type ObjectsFor = (info: GraphQLResolveInfo) => (node: NodeProperties) => object;

/**
 * The row itself when the operation reads of the type only what the row holds as the object would
 * (`rowsAnswer`): no class instance, no copy. Otherwise the type's mapper, as the resolver would.
 */
function objectsFor(type: GraphQLObjectType, mapper: NodeMappers[string]): ObjectsFor {
  const storedAsIs = new Set(mapper.storedAsIs);
  return (info) => (rowsAnswer(info, type, storedAsIs) ? rowOf : mapper.from);
}

const rowOf = (node: NodeProperties): object => node.values;

/** The field's resolver with the fast path in front. */
function primedOr(
  relationship: Relationship,
  objectsOf: ObjectsFor,
  list: boolean,
  resolver: GraphQLFieldResolver<unknown, RequestContext>,
): GraphQLFieldResolver<unknown, RequestContext, FieldArguments> {
  return (parent, args, ctx, info) => {
    const id = idOf(parent);
    const nodes = id === undefined ? undefined : ctx.loaders.primedList(keyOf(relationship.hop(args)), id);
    if (nodes === undefined) return resolver(parent, args, ctx, info);
    if (list) return keptOf(relationship, args, nodes).map(objectsOf(info));
    const [node] = nodes;
    // None where the model says there is one: the resolver reports the broken graph as it always has.
    return node ? objectsOf(info)(node) : resolver(parent, args, ctx, info);
  };
}

export function idOf(parent: unknown): string | undefined {
  if (typeof parent !== 'object' || parent === null) return undefined;
  const id: unknown = (parent as { id?: unknown }).id;
  return typeof id === 'string' ? id : undefined;
}

/** Names of fields type-graphql guards with roles or middlewares, on any type: those keep their resolvers. */
export function guardedFieldNames(): ReadonlySet<string> {
  const storage = getMetadataStorage();
  return new Set(
    [...storage.fields, ...storage.fieldResolvers]
      .filter(({ roles, middlewares }) => (roles !== undefined && roles.length > 0) || (middlewares?.length ?? 0) > 0)
      .map(({ schemaName }) => schemaName),
  );
}
