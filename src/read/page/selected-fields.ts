import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * The names of the fields selected below `field` of the resolved field (`facets` → `sdgs`, `fields`),
 * through fragments and inline fragments, so a resolver computes only what was asked for. Directives are
 * not evaluated: a field under `@skip` still counts as selected (computed, then not sent).
 */
export function selectedSubfields(
  info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>,
  field: string,
): Set<string> {
  const found = new Set<string>();
  const visit = (selections: SelectionSetNode | undefined, inside: boolean) => {
    for (const selection of selections?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        if (inside) found.add(selection.name.value);
        else if (selection.name.value === field) visit(selection.selectionSet, true);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet, inside);
      } else {
        visit(info.fragments[selection.name.value]?.selectionSet, inside);
      }
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet, false);
  return found;
}
