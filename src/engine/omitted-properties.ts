import { visit, type ASTNode, type GraphQLResolveInfo } from 'graphql';

/** Stored only for search statements (folded copies of a node's texts): no mapper reads them. */
const SEARCH_ONLY = ['searchText', 'visionText'];

/**
 * Long optional texts, each with the only GraphQL fields whose values are built from it (Measure.description,
 * ReformSheet.currentSituation…, ReformSheet.yearlyTargets from yearlyTargetTexts). They are most of a
 * node's bytes, and most of a compiled statement's time when sent for every related node.
 */
const LONG_TEXTS: Readonly<Record<string, readonly string[]>> = {
  description: ['description'],
  currentSituation: ['currentSituation'],
  actions: ['actions'],
  effects: ['effects'],
  notes: ['notes'],
  yearlyTargetTexts: ['yearlyTargets'],
};

/** Every property the compiler may leave out of projected nodes (a unit test holds them all optional). */
export const OMITTABLE_PROPERTIES: readonly string[] = [...SEARCH_ONLY, ...Object.keys(LONG_TEXTS)];

/**
 * The properties a compiled statement leaves out of the nodes it primes the loaders with (as null, which the
 * mappers read as absent): the search-only ones always, a long text when no field anywhere in the operation
 * or its fragments, on any type, is one that reads it. Judged on the whole document, not one root field's
 * selection, because the primed loaders serve every field of the request that asks for the same
 * relationship of the same node.
 */
export function omittedProperties(document: Pick<GraphQLResolveInfo, 'operation' | 'fragments'>): string[] {
  const named = new Set<string>();
  const collect = (node: ASTNode): void => {
    visit(node, {
      Field(field) {
        named.add(field.name.value);
      },
    });
  };
  collect(document.operation);
  for (const fragment of Object.values(document.fragments)) collect(fragment);
  const longTexts = Object.entries(LONG_TEXTS)
    .filter(([, fields]) => !fields.some((field) => named.has(field)))
    .map(([property]) => property);
  return [...SEARCH_ONLY, ...longTexts];
}
