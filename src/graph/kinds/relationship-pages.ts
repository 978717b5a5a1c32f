import type { NodeLabel } from '../graph-model';
import { followedBy, reachedBy, reversedHops, type AnchorDeclaration, type Anchors } from './anchor';
import type { FacetDeclaration, Facets } from './facet';
import type { Relationships } from './relationship';

/**
 * What a kind's connection gains from its declared relationships (`filter` and `sdgFacet` of an entry in
 * `<KIND>_RELATIONSHIPS`, relationship.ts): the path written once in the entry gives the anchor, the condition
 * and the facet, as `<KIND>_ANCHORS` and `<KIND>_FACETS` would declare them by hand.
 *
 * - The filter's anchor starts from the related nodes by their key (`RELATED_KEYS`) and walks the path back to
 *   the kind's node; its condition is that path walked from the node (the template condition-by-key), the related
 *   node bound as its label in camel case (`reformSheet`: a letter could be the policy item `i` a measures' or
 *   indicators' page binds around its condition, which the EXISTS would then test instead); its name is the
 *   field's in kebab case (`reformSheets`: `reform-sheets`, the `anchor-<name>` a file of the kind's folder would
 *   have).
 * - The facet per SDG counts along the path when it reaches the SDGs (a kind's `sdgs` field and facet are one
 *   entry), else along the path and on along the reached kind's own path to its SDGs (its facet `sdgs`), so
 *   neither half is written twice.
 */

/** The key a filter names related nodes by, per label a relationship filter may reach. */
const RELATED_KEYS: Readonly<Partial<Record<NodeLabel, 'id' | 'code' | 'number'>>> = {
  Measure: 'code',
  PolicyItem: 'code',
  ReformSheet: 'code',
  Indicator: 'id',
  Sdg: 'number',
  Department: 'id',
};

/** The label a relationship's path reaches. */
function reachedLabel(name: string, hops: Relationships[string]['along']): NodeLabel {
  const last = hops.at(-1);
  if (last === undefined) throw new Error(`relationship ${name}: its path has no hop`);
  return reachedBy(last);
}

/** `reformSheets` as `reform-sheets`. */
const kebab = (name: string): string => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

/** The anchors (with their conditions and filter fields) of the relationships that declare a filter. */
export function relationshipAnchors(relationships: Relationships): Anchors {
  return Object.fromEntries(
    Object.entries(relationships).flatMap(([name, relationship]): [string, AnchorDeclaration][] => {
      if (relationship.filter === undefined) return [];
      const from = reachedLabel(name, relationship.along);
      const key = RELATED_KEYS[from];
      if (key === undefined) throw new Error(`relationship ${name}: no filter key is declared for ${from}`);
      // The label's own name, never a variable the page binds around the condition (`n`, the context's `i`).
      const as = from.charAt(0).toLowerCase() + from.slice(1);
      const condition = { as, filter: { field: name, description: relationship.filter } };
      return [[kebab(name), { from, key, hops: reversedHops(relationship.along), condition }]];
    }),
  );
}

/**
 * The facets per SDG of the relationships that declare one; `sdgFacetOf` gives a reached label's facet `sdgs`
 * (the path it counts its own SDGs along), asked only for a path that does not reach the SDGs itself.
 */
export function relationshipFacets(
  relationships: Relationships,
  sdgFacetOf: (label: NodeLabel) => FacetDeclaration | undefined,
): Facets {
  return Object.fromEntries(
    Object.entries(relationships).flatMap(([name, relationship]) => {
      if (relationship.sdgFacet === undefined) return [];
      const { name: facet, description } = relationship.sdgFacet;
      const reached = reachedLabel(name, relationship.along);
      if (reached === 'Sdg') return [[facet, { perSdg: relationship.along, description }]];
      const own = sdgFacetOf(reached);
      if (own === undefined || !('perSdg' in own))
        throw new Error(`relationship ${name}: ${reached} declares no facet per SDG (sdgs) to go on along`);
      return [[facet, { perSdg: followedBy(relationship.along, ...own.perSdg), description }]];
    }),
  );
}
