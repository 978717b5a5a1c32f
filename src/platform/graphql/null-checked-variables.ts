import {
  isNonNullType,
  Kind,
  TypeInfo,
  typeFromAST,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';

/**
 * The operation's nullable variables that stand directly for a non-null field of an input object, such as
 * `orderBy: [{ field: CODE, direction: $d }]` with `$d: SortDirection` for `direction: SortDirection! = ASC`.
 * GraphQL's rules allow it because the field has a default; a `null` sent for the variable must then be refused
 * while the argument is coerced. graphql-js refuses it (`Argument "orderBy" has invalid value …`); graphql-jit
 * checks only arguments themselves and hands the resolver the null (an internal error at the root, a silently
 * ignored order below it). A request sending `null` for one of these is left to graphql-js.
 */
export function nullCheckedVariables(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): ReadonlySet<string> {
  const nullable = new Set(
    (operation.variableDefinitions ?? [])
      .filter((definition) => {
        const type = typeFromAST(schema, definition.type);
        return type !== undefined && !isNonNullType(type);
      })
      .map((definition) => definition.variable.name.value),
  );
  const checked = new Set<string>();
  if (nullable.size === 0) return checked;
  // The whole document: fragments the operation spreads are walked too (a variable of another operation of
  // the same name only makes a request go to graphql-js needlessly, never wrongly).
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      [Kind.OBJECT_FIELD]: (field) => {
        if (field.value.kind !== Kind.VARIABLE || !nullable.has(field.value.name.value)) return;
        if (isNonNullType(typeInfo.getInputType())) checked.add(field.value.name.value);
      },
    }),
  );
  return checked;
}
