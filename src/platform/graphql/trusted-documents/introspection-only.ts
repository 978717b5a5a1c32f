import {
  Kind,
  OperationTypeNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** The root fields of introspection: what a schema browser (the IDE's docs and completion) asks for. */
const INTROSPECTION_FIELDS: ReadonlySet<string> = new Set(['__schema', '__type', '__typename']);

/**
 * Whether every operation of the document is a query asking only for introspection (`__schema`, `__type`,
 * `__typename` at its root, through fragments too): such a document reads the schema, never the graph. With a
 * manifest and INTROSPECTION=true, these are what the service lets through unlisted (trusted-documents.ts).
 */
export function isIntrospectionOnly(document: DocumentNode): boolean {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  if (operations.length === 0) return false;
  return operations.every(
    (operation) =>
      operation.operation === OperationTypeNode.QUERY &&
      rootAsksOnlyIntrospection(operation.selectionSet, fragments, new Set()),
  );
}

function rootAsksOnlyIntrospection(
  selectionSet: SelectionSetNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  entered: Set<string>,
): boolean {
  return selectionSet.selections.every((selection) => {
    switch (selection.kind) {
      case Kind.FIELD:
        return INTROSPECTION_FIELDS.has(selection.name.value);
      case Kind.INLINE_FRAGMENT:
        return rootAsksOnlyIntrospection(selection.selectionSet, fragments, entered);
      case Kind.FRAGMENT_SPREAD: {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        // An unknown fragment or a cycle is refused (validation would refuse the document anyway).
        if (fragment === undefined || entered.has(name)) return false;
        entered.add(name);
        return rootAsksOnlyIntrospection(fragment.selectionSet, fragments, entered);
      }
      default:
        return false;
    }
  });
}
