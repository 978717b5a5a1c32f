import type { AggregateQuantity } from './aggregate';
import type { NodeLabel } from '../../graph/graph-model';
import type { Anchors } from '../../graph/properties/anchor';
import type { Facets } from '../../graph/properties/facet';
import { LABEL_ANCHORS, LABEL_FACETS } from '../../graph/properties/label-pages';
import type { PageSpec } from './page-spec';

/**
 * A PageSpec written by the conventions every kind's folder cypher/fragments/<folder>/ follows, so each
 * kind declares only what is its own. Fragment names here are relative to that folder: the scan is `scan`,
 * the anchor of a condition `anchor-<condition>` (declared with the kind's attributes and made from a template,
 * src/read/page/declared-anchors.ts, or a file of the folder), each facet `facet-<name>`; and every connection sorts by
 * code (the sortKey, no fragment) and by name (one common fragment), as OrderInput declares.
 */
export interface KindPageFragments<OwnOrderField extends string, FacetName extends string> {
  readonly name: string;
  readonly label: NodeLabel;
  /**
   * The conditions the kind's own anchors serve, narrowest first (see PageSpec.anchors). A condition declared
   * with its anchor (`condition` in the kind's `<KIND>_ANCHORS`) need not be named: those not named here follow
   * the named ones, in the order of their declaration. Name one only to place it.
   */
  readonly anchors?: readonly string[];
  /**
   * Of `anchors`, those that start from exactly the nodes their condition holds for (the same
   * relationships and filters), which the compiler then does not test again (PageSpec.anchors `exact`;
   * tests/integration/read/exact-anchors.int.test.ts compares each with its condition on the whole graph).
   * A declared condition is exact by construction and need not be named.
   */
  readonly exactAnchors?: readonly string[];
  /**
   * The kind belongs to a policy item (measures, indicators): the folder's `context` binds the item as
   * `i`, and the conditions on the item's code, SDGs and field (fragments/common/item-*) anchor on the
   * folder's `anchor-policy-items`, `anchor-sdgs` and `anchor-fields`, after the kind's own anchors.
   */
  readonly inPolicyItem?: boolean;
  /** The facets it counts; those declared in `<KIND>_FACETS` are added when not named here. */
  readonly facets: readonly FacetName[];
  /** The `$value` of facets whose fragment takes one (PageSpec.facetValues). */
  readonly facetValues?: Readonly<Partial<Record<FacetName, () => unknown>>>;
  /** The sort fragment of each order field besides CODE and NAME; one not under `fragments/` is in the folder. */
  readonly orderFields: Readonly<Record<OwnOrderField, string>>;
  /** The numbers `aggregate` offers (PageSpec.aggregates); a quantity not under `fragments/` is in the folder. */
  readonly aggregates?: Readonly<Record<string, AggregateQuantity>>;
}

/** What a kind declares with its attributes that its page spec follows: by default, the label's declarations. */
export interface KindDeclarations {
  readonly anchors: Anchors;
  readonly facets: Facets;
}

export function kindPageSpec<const OwnOrderField extends string, const FacetName extends string>(
  folder: string,
  kind: KindPageFragments<OwnOrderField, FacetName>,
  declared: KindDeclarations = { anchors: LABEL_ANCHORS[kind.label] ?? {}, facets: LABEL_FACETS[kind.label] ?? {} },
): PageSpec<OwnOrderField | 'CODE' | 'NAME', string> {
  // A name already under fragments/ (a common fragment, a declared property's) is taken as it is.
  const fragment = (name: string): string => (name.startsWith('fragments/') ? name : `fragments/${folder}/${name}`);
  /** `names` with each fragment name resolved in the folder. */
  const inFolder = <K extends string>(names: readonly (readonly [K, string])[]): Record<K, string> =>
    Object.fromEntries(names.map(([key, name]) => [key, fragment(name)])) as Record<K, string>;
  const named = kind.anchors ?? [];
  const declaredConditions = Object.entries(declared.anchors)
    .filter(([, anchor]) => anchor.condition !== undefined)
    .map(([condition]) => condition);
  const own = [...named, ...declaredConditions.filter((condition) => !named.includes(condition))].map((condition) => ({
    condition: fragment(condition),
    anchor: fragment(`anchor-${condition}`),
    exact: declaredConditions.includes(condition) || kind.exactAnchors?.includes(condition) === true,
  }));
  const facetNames: readonly string[] = [
    ...kind.facets,
    ...Object.keys(declared.facets).filter((facet) => !(kind.facets as readonly string[]).includes(facet)),
  ];
  const policyItemAnchors = [
    { condition: 'fragments/common/item-codes', anchor: fragment('anchor-policy-items'), exact: false },
    { condition: 'fragments/common/item-sdgs', anchor: fragment('anchor-sdgs'), exact: false },
    { condition: 'fragments/common/item-fields', anchor: fragment('anchor-fields'), exact: false },
  ];
  return {
    name: kind.name,
    label: kind.label,
    scan: fragment('scan'),
    anchors: kind.inPolicyItem === true ? [...own, ...policyItemAnchors] : own,
    ...(kind.inPolicyItem === true ? { context: { fragment: fragment('context'), variables: ['i'] } } : {}),
    orderFields: {
      CODE: null,
      NAME: 'fragments/common/order-name',
      ...inFolder(Object.entries(kind.orderFields) as [OwnOrderField, string][]),
    },
    facets: inFolder(facetNames.map((facet) => [facet, `facet-${facet}`] as const)),
    ...(kind.facetValues === undefined ? {} : { facetValues: kind.facetValues }),
    aggregates: Object.fromEntries(
      Object.entries(kind.aggregates ?? {}).map(([field, aggregate]) => [
        field,
        Object.assign({}, aggregate, { quantity: fragment(aggregate.quantity) }),
      ]),
    ),
  };
}
