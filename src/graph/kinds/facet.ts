import type { AnchorHop } from './anchor';

/**
 * The facets a kind's connection counts, declared with its attributes (`<kind>.kind.ts`) where a facet
 * follows one of two shapes, each a template of cypher/fragments/common/ (src/read/page/declared-facets.ts):
 * per SDG the matched nodes reach through a path (hop by hop from the node `n` to the SDG, as anchors walk),
 * or per value of one of the node's own properties. A facet of another shape stays a file of the kind's folder
 * (`facet-<name>`). A facet per SDG declared with its `description` is also a field of the kind's `<Label>Facets`
 * type by itself (src/read/page/paged-kind.ts); any other is one entry of the kind's `pagedKind({ facets })`.
 */
export type FacetDeclaration =
  | { readonly perSdg: readonly AnchorHop[]; readonly description?: string }
  | { readonly perValueOf: string; readonly as: 'number' | 'status' | 'direction' };

/** A kind's declared facets by facet name (the `facet-<name>` of its fragments). */
export type Facets = Readonly<Record<string, FacetDeclaration>>;

export function declareFacets<const F extends Facets>(facets: F): F {
  return facets;
}
