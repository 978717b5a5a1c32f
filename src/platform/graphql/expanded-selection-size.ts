import {
  getNamedType,
  isAbstractType,
  isCompositeType,
  isObjectType,
  Kind,
  typeFromAST,
  type DocumentNode,
  type GraphQLCompositeType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/**
 * How many fields a compiled executor of an operation is code for, counted up to `cap` (a larger size answers
 * `cap`). A compiler writes out what graphql-js works out per request: every fragment spread replaced by its
 * fragment, and below a field of an interface or union, the selection once for each object type it may be.
 * Both multiply: a chain of fragments each spreading the previous one twice doubles with every link (22 links,
 * four million fields), and interfaces nested in interfaces multiply by their types at every level. graphql-js
 * merges each level's fields as it goes and never builds that tree; a compile would, in time and memory. Each
 * (selection, type) pair is counted once (memoized), so the count costs about the length of the document
 * times the types it names.
 */
export function expandedSelectionSize(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  cap: number,
): number {
  const fragments = new Map<string, { readonly on: string; readonly selectionSet: SelectionSetNode }>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, {
        on: definition.typeCondition.name.value,
        selectionSet: definition.selectionSet,
      });
  const counted = new Map<SelectionSetNode, Map<string, number>>();

  const applies = (condition: string | undefined, type: GraphQLObjectType): boolean => {
    if (condition === undefined || condition === type.name) return true;
    const conditionType = schema.getType(condition);
    return conditionType !== undefined && isAbstractType(conditionType) && schema.isSubType(conditionType, type);
  };
  const below = (selectionSet: SelectionSetNode, type: GraphQLCompositeType): number => {
    if (isObjectType(type)) return sizeOn(selectionSet, type);
    let size = 0;
    for (const possible of schema.getPossibleTypes(type)) {
      size += sizeOn(selectionSet, possible);
      if (size >= cap) return cap;
    }
    return size;
  };
  const sizeOn = (selectionSet: SelectionSetNode, type: GraphQLObjectType): number => {
    const known = counted.get(selectionSet)?.get(type.name);
    if (known !== undefined) return known;
    // Marked before counting, so a fragment cycle (which validation refuses) ends here as nothing.
    const byType = counted.get(selectionSet) ?? new Map<string, number>();
    counted.set(selectionSet, byType.set(type.name, 0));
    let size = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        size += 1;
        const field = type.getFields()[selection.name.value];
        const returned = field ? getNamedType(field.type) : undefined;
        if (selection.selectionSet && returned && isCompositeType(returned))
          size += below(selection.selectionSet, returned);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (applies(selection.typeCondition?.name.value, type)) size += sizeOn(selection.selectionSet, type);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment && applies(fragment.on, type)) size += sizeOn(fragment.selectionSet, type);
      }
      if (size >= cap) break;
    }
    size = Math.min(size, cap);
    byType.set(type.name, size);
    return size;
  };

  const root = typeFromAST(schema, {
    kind: Kind.NAMED_TYPE,
    name: { kind: Kind.NAME, value: rootTypeName(schema, operation) },
  });
  return root && isObjectType(root) ? sizeOn(operation.selectionSet, root) : 0;
}

function rootTypeName(schema: GraphQLSchema, operation: OperationDefinitionNode): string {
  return schema.getRootType(operation.operation)?.name ?? '';
}
