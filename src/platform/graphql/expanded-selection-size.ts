import { Kind, type DocumentNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

/**
 * How many fields an operation selects once every fragment spread is replaced by its fragment, counted up to
 * `cap` (a larger size answers `cap`). A compiled executor is code for that expanded tree, so it is what a
 * compile costs: a chain of fragments each spreading the previous one twice is a short document whose tree
 * doubles with every link (22 links, four million fields), which graphql-js executes by merging the fields of
 * each level but a compiler would write out in full. Each fragment's size is counted once (memoized), so the
 * count itself costs the length of the document.
 */
export function expandedSelectionSize(document: DocumentNode, operation: OperationDefinitionNode, cap: number): number {
  const fragments = new Map<string, SelectionSetNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition.selectionSet);
  const sizes = new Map<string, number>();
  const sizeOf = (selectionSet: SelectionSetNode, visiting: ReadonlySet<string>): number => {
    let size = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD)
        size += 1 + (selection.selectionSet ? sizeOf(selection.selectionSet, visiting) : 0);
      else if (selection.kind === Kind.INLINE_FRAGMENT) size += sizeOf(selection.selectionSet, visiting);
      else size += fragmentSize(selection.name.value, visiting);
      if (size >= cap) return cap;
    }
    return size;
  };
  const fragmentSize = (name: string, visiting: ReadonlySet<string>): number => {
    const known = sizes.get(name);
    if (known !== undefined) return known;
    const selectionSet = fragments.get(name);
    // An unknown or cyclic spread never passes validation; counted as nothing should one get here.
    if (!selectionSet || visiting.has(name)) return 0;
    const size = sizeOf(selectionSet, new Set([...visiting, name]));
    sizes.set(name, size);
    return size;
  };
  return sizeOf(operation.selectionSet, new Set());
}
