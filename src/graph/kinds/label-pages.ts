import type { NodeLabel } from '../graph-model';
import type { Anchors } from './anchor';
import type { FacetDeclaration, Facets } from './facet';
import { INDICATOR_ANCHORS, INDICATOR_FACETS, INDICATOR_RELATIONSHIPS } from './indicator.kind';
import { MEASURE_ANCHORS, MEASURE_FACETS, MEASURE_RELATIONSHIPS } from './measure.kind';
import { POLICY_ITEM_ANCHORS, POLICY_ITEM_FACETS, POLICY_ITEM_RELATIONSHIPS } from './policy-item.kind';
import { REFORM_SHEET_ANCHORS, REFORM_SHEET_FACETS, REFORM_SHEET_RELATIONSHIPS } from './reform-sheet.kind';
import type { Relationships } from './relationship';
import { relationshipAnchors, relationshipFacets } from './relationship-pages';

/**
 * What every kind with a root connection declares for its pages, by label: its anchors and facets written by
 * hand (anchor.ts, facet.ts) and its relationships, whose filters and facets join them (relationship-pages.ts).
 */
interface LabelPages {
  readonly anchors: Anchors;
  readonly facets: Facets;
  readonly relationships: Relationships;
}

const LABEL_PAGES: Readonly<Partial<Record<NodeLabel, LabelPages>>> = {
  Indicator: { anchors: INDICATOR_ANCHORS, facets: INDICATOR_FACETS, relationships: INDICATOR_RELATIONSHIPS },
  Measure: { anchors: MEASURE_ANCHORS, facets: MEASURE_FACETS, relationships: MEASURE_RELATIONSHIPS },
  PolicyItem: { anchors: POLICY_ITEM_ANCHORS, facets: POLICY_ITEM_FACETS, relationships: POLICY_ITEM_RELATIONSHIPS },
  ReformSheet: {
    anchors: REFORM_SHEET_ANCHORS,
    facets: REFORM_SHEET_FACETS,
    relationships: REFORM_SHEET_RELATIONSHIPS,
  },
};

/**
 * The anchors of a kind's pages: those `<KIND>_ANCHORS` declares, then those of its relationships' filters.
 * Read when a kind's spec or filter is built, so every entry declared by then is among them.
 */
export function anchorsOf(label: NodeLabel): Anchors {
  const pages = LABEL_PAGES[label];
  return pages === undefined ? {} : joined(label, pages.anchors, relationshipAnchors(pages.relationships));
}

/**
 * The facets of a kind's pages: those `<KIND>_FACETS` declares, then those of its relationships (a path that
 * does not reach the SDGs goes on along the reached kind's facet `sdgs`).
 */
export function facetsOf(label: NodeLabel): Facets {
  const pages = LABEL_PAGES[label];
  if (pages === undefined) return {};
  const derived = relationshipFacets(pages.relationships, (reached) => sdgFacetOf(reached, [label]));
  return joined(label, pages.facets, derived);
}

/**
 * A kind's facet `sdgs`, the path it counts its own SDGs along: declared by hand, or by the relationship whose
 * facet it is (which may itself go on along another kind's; `through` holds the kinds on the way, so a loop of
 * such facets is refused rather than followed forever).
 */
export function sdgFacetOf(label: NodeLabel, through: readonly NodeLabel[] = []): FacetDeclaration | undefined {
  const pages = LABEL_PAGES[label];
  if (pages === undefined) return undefined;
  if (through.includes(label)) throw new Error(`facets per SDG go round in a loop: ${[...through, label].join(' → ')}`);
  const declared = pages.facets['sdgs'];
  if (declared !== undefined) return declared;
  const its = Object.entries(pages.relationships).filter(([, relationship]) => relationship.sdgFacet?.name === 'sdgs');
  return relationshipFacets(Object.fromEntries(its), (reached) => sdgFacetOf(reached, [...through, label]))['sdgs'];
}

/** Declared entries then derived ones; a name both give is a mistake of the declaration, refused at start-up. */
function joined<T>(label: NodeLabel, declared: Readonly<Record<string, T>>, derived: Readonly<Record<string, T>>) {
  const twice = Object.keys(derived).find((name) => name in declared);
  if (twice !== undefined) throw new Error(`${label}: ${twice} is declared by hand and by a relationship`);
  return Object.assign({}, declared, derived);
}
