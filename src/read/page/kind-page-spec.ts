import type { AggregateQuantity } from './aggregate';
import type { NodeLabel } from '../../graph/graph-model';
import type { Anchors } from '../../graph/kinds/anchor';
import type { Facets } from '../../graph/kinds/facet';
import { anchorsOf, facetsOf } from '../../graph/kinds/label-pages';
import type { PageSpec } from './page-spec';
import { isCypherFile } from '../../db/cypher-registry';
import type { CypherFileUnder } from '../../db/cypher-files';
import type { CypherPart, FragmentFile } from './cypher-part';
import { declaredAnchorPart, declaredConditionPart, declaredFacetPart } from './declared-anchors';

/**
 * A PageSpec written by the conventions every kind's folder cypher/fragments/<folder>/ follows, so each
 * kind declares only what is its own. Fragment names here are relative to that folder: the scan is `scan`,
 * the anchor of a condition `anchor-<condition>` (declared with the kind's attributes and made from a template,
 * src/read/page/declared-anchors.ts, or a file of the folder), each facet `facet-<name>`; and every connection sorts by
 * code (the sortKey, no fragment) and by name (one common fragment), as OrderInput declares. Each part of the
 * spec is a typed handle (cypher-part.ts): a declared one is made here from its declaration, a file's name is
 * checked against the typed index when the spec is built.
 */
export interface KindPageFragments<
  OwnOrderField extends string,
  FacetName extends string,
  Folder extends FragmentFolder = FragmentFolder,
> {
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
  /**
   * The sort part of each order field besides CODE and NAME: a declared number's part, a fragment file, or the
   * name of a file in the folder (`order-status`), each checked by tsc.
   */
  readonly orderFields: Readonly<Record<OwnOrderField, FolderPart<Folder>>>;
  /** The numbers `aggregate` offers (PageSpec.aggregates); a quantity named by a string is a file in the folder. */
  readonly aggregates?: Readonly<Record<string, FolderQuantity<Folder>>>;
}

/** A folder of cypher/fragments/ (`measure`, `common` …), as the typed index knows them. */
type FragmentFolder =
  CypherFileUnder<'fragments'> extends infer Path ? (Path extends `${infer Folder}/${string}` ? Folder : never) : never;

/**
 * A part as a kind's spec names it: a part (a declared template, a fragment file) or a file of the kind's folder
 * by its name there (`order-status`), both checked by tsc against the typed index.
 */
type FolderPart<Folder extends string> = CypherPart | CypherFileUnder<`fragments/${Folder}`>;

/** A number `aggregate` offers, its quantity a part or the name of a file in the kind's folder. */
type FolderQuantity<Folder extends string> = Omit<AggregateQuantity, 'quantity'> & {
  readonly quantity: FolderPart<Folder>;
};

/** What a kind declares with its attributes that its page spec follows: by default, the label's declarations. */
export interface KindDeclarations {
  readonly anchors: Anchors;
  readonly facets: Facets;
}

export function kindPageSpec<
  const OwnOrderField extends string,
  const FacetName extends string,
  const Folder extends FragmentFolder,
>(
  folder: Folder,
  kind: KindPageFragments<OwnOrderField, FacetName, Folder>,
  declared: KindDeclarations = { anchors: anchorsOf(kind.label), facets: facetsOf(kind.label) },
): PageSpec<OwnOrderField | 'CODE' | 'NAME', string> {
  /**
   * A name of the folder as its file; a part (a file tsc checked, a declared template) as it is. A name the
   * conventions make is checked against the typed index here, when the kind's spec is built at start-up.
   */
  const inFolder = (name: string): CypherPart => {
    if (isFragmentFile(name)) return name;
    const file = `fragments/${folder}/${name}`;
    if (!isFragmentFile(file)) throw new Error(`${kind.name}: no fragment cypher/${file}.cypher`);
    return file;
  };
  /** A part the kind names: a file of its folder by its name there, any other part as it is. */
  const partIn = (part: FolderPart<Folder>): CypherPart => (typeof part === 'string' ? inFolder(part) : part);
  const named = kind.anchors ?? [];
  const declaredConditions = Object.entries(declared.anchors)
    .filter(([, anchor]) => anchor.condition !== undefined)
    .map(([condition]) => condition);
  /** The anchor of `condition`: the declared one's template, or the folder's file `anchor-<condition>`. */
  const anchorPart = (condition: string): CypherPart => {
    const anchor = declared.anchors[condition];
    return anchor === undefined ? inFolder(`anchor-${condition}`) : declaredAnchorPart(kind.label, condition, anchor);
  };
  const own = [...named, ...declaredConditions.filter((condition) => !named.includes(condition))].map((condition) => {
    const anchor = declared.anchors[condition];
    return {
      condition:
        anchor?.condition === undefined ? inFolder(condition) : declaredConditionPart(kind.label, condition, anchor),
      anchor: anchorPart(condition),
      exact: declaredConditions.includes(condition) || kind.exactAnchors?.includes(condition) === true,
    };
  });
  const facetNames: readonly string[] = [
    ...kind.facets,
    ...Object.keys(declared.facets).filter((facet) => !(kind.facets as readonly string[]).includes(facet)),
  ];
  const facetPart = (facet: string): CypherPart => {
    const declaration = declared.facets[facet];
    return declaration === undefined ? inFolder(`facet-${facet}`) : declaredFacetPart(kind.label, facet, declaration);
  };
  // Exact: the anchor walks from the item's code, SDG or field down to `n`, and the condition walks the same
  // relationships back up from `n`'s one policy item (`i`). Testing it again cost the SDG 11 aggregate two
  // thirds of its database hits (531 against 171 for the hand-written statement, `npm run bench:profile`).
  const policyItemAnchors = (): PageSpec['anchors'] => [
    { condition: 'fragments/common/item-codes', anchor: anchorPart('policy-items'), exact: true },
    { condition: 'fragments/common/item-sdgs', anchor: anchorPart('sdgs'), exact: true },
    { condition: 'fragments/common/item-fields', anchor: anchorPart('fields'), exact: true },
  ];
  return {
    name: kind.name,
    label: kind.label,
    scan: inFolder('scan'),
    anchors: kind.inPolicyItem === true ? [...own, ...policyItemAnchors()] : own,
    ...(kind.inPolicyItem === true ? { context: { fragment: inFolder('context'), variables: ['i'] } } : {}),
    orderFields: Object.assign(
      { CODE: null, NAME: 'fragments/common/order-name' } as const,
      Object.fromEntries(
        Object.entries<FolderPart<Folder>>(kind.orderFields).map(([key, part]) => [key, partIn(part)]),
      ),
    ) as Record<OwnOrderField | 'CODE' | 'NAME', CypherPart | null>,
    facets: Object.fromEntries(facetNames.map((facet) => [facet, facetPart(facet)])),
    ...(kind.facetValues === undefined ? {} : { facetValues: kind.facetValues }),
    aggregates: Object.fromEntries(
      Object.entries(kind.aggregates ?? {}).map(([field, aggregate]) => [
        field,
        Object.assign({}, aggregate, { quantity: partIn(aggregate.quantity) }),
      ]),
    ),
  };
}

function isFragmentFile(name: string): name is FragmentFile {
  return isCypherFile(name) && name.startsWith('fragments/');
}
