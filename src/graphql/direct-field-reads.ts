import { isObjectType, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

/**
 * Lets graphql-js read plain `@Field` properties itself. type-graphql gives every such field a resolver of
 * its own, which on each call allocates the resolver data (`{ root, args, context, info }`) and a closure and
 * runs the (empty) middleware chain, only to return `root[name]`: graphql-js's default resolver returns the
 * same `source[fieldName]` without them, and a deep answer reads thousands of such fields. type-graphql's own
 * `simpleResolvers` option does the same per class, but would also drop the auth check of a field someone
 * later marks `@Authorized`; here such a field keeps its resolver.
 *
 * Left as type-graphql built them: every `@FieldResolver` (the relationship fields, computed fields), the
 * root types' handlers, and any field, on any type, that has roles or middlewares or whose property is
 * named differently from the field (the default resolver reads the field's name).
 */
export function readFieldsDirectly(schema: GraphQLSchema): void {
  const storage = getMetadataStorage();
  const typeNames = new Map(storage.objectTypes.map((type) => [type.target, type.name]));
  const resolved = new Set(
    storage.fieldResolvers.flatMap((resolver) => {
      const type = typeNames.get(resolver.getObjectType?.() ?? Object);
      return type === undefined ? [] : [`${type}.${resolver.schemaName}`];
    }),
  );
  const kept = new Set(
    storage.fields
      .filter(
        ({ roles, middlewares, name, schemaName }) =>
          (roles?.length ?? 0) > 0 || (middlewares?.length ?? 0) > 0 || name !== schemaName,
      )
      .map(({ schemaName }) => schemaName),
  );
  const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]);
  for (const { name } of storage.objectTypes) {
    const type = schema.getType(name);
    if (!isObjectType(type) || roots.has(type)) continue;
    for (const field of Object.values(type.getFields())) {
      if (!resolved.has(`${name}.${field.name}`) && !kept.has(field.name)) field.resolve = undefined;
    }
  }
}
