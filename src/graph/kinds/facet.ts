import type { AnchorHop } from './anchor';

/**
 * The facets a kind's connection counts, declared with its attributes (`<kind>.kind.ts`) where a facet
 * follows one of two shapes, each a template of cypher/fragments/common/ (src/read/page/declared-anchors.ts):
 * per SDG the matched nodes reach through a path (hop by hop from the node `n` to the SDG, as anchors walk),
 * or per value of one of the node's own properties, counted as one of the values `PER_VALUE_COLUMNS` names. A facet
 * of another shape stays a file of the kind's folder (`facet-<name>`). A facet declared with its `description` is
 * also a field of the kind's `<Label>Facets` type by itself (src/read/page/paged-kind.ts: a list of `SdgCount`, or
 * of the count type of what a per-value facet counts); any other is one entry of the kind's `pagedKind({ facets })`.
 */
export type FacetDeclaration =
  | { readonly perSdg: readonly AnchorHop[]; readonly description?: string }
  | { readonly perValueOf: string; readonly counted: PerValueCounted; readonly description?: string };

/**
 * What a facet per value counts, and the column each count names its value by (`{number: 5, count: 12}`): the
 * facets' count types (src/read/filter/facet-counts.ts) are made for these.
 */
export const PER_VALUE_COLUMNS = { field: 'number', area: 'number', status: 'status', direction: 'direction' } as const;

/** What a facet per value counts: a field's or an area's number, a change mark, a direction. */
export type PerValueCounted = keyof typeof PER_VALUE_COLUMNS;

/** A kind's declared facets by facet name (the `facet-<name>` of its fragments). */
export type Facets = Readonly<Record<string, FacetDeclaration>>;

export function declareFacets<const F extends Facets>(facets: F): F {
  return facets;
}
