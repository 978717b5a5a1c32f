import {
  getNamedType,
  isInputObjectType,
  typeFromAST,
  type GraphQLInputObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';

/**
 * Whether a variable of the operation has an input type that contains itself, directly or through other input
 * types (a filter with `AND: [MeasureFilter!]`). graphql-jit writes the coercion of a variable's value out
 * field by field through its input type; through a type that contains itself that code never ends, and the
 * compile ran the process out of heap. Such operations are left to graphql-js.
 */
export function hasRecursiveInputVariable(schema: GraphQLSchema, operation: OperationDefinitionNode): boolean {
  return (operation.variableDefinitions ?? []).some((definition) => {
    const type = typeFromAST(schema, definition.type);
    const named = type ? getNamedType(type) : undefined;
    return isInputObjectType(named) && reachesItself(named);
  });
}

/** Whether any input type reachable from `start` (itself included) leads back to one on its path. */
function reachesItself(start: GraphQLInputObjectType): boolean {
  const done = new Set<GraphQLInputObjectType>();
  const onPath = new Set<GraphQLInputObjectType>();
  const visit = (type: GraphQLInputObjectType): boolean => {
    if (onPath.has(type)) return true;
    if (done.has(type)) return false;
    onPath.add(type);
    for (const field of Object.values(type.getFields())) {
      const named = getNamedType(field.type);
      if (isInputObjectType(named) && visit(named)) return true;
    }
    onPath.delete(type);
    done.add(type);
    return false;
  };
  return visit(start);
}
