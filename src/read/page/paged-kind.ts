import { Field, ObjectType, type ClassType } from 'type-graphql';
import type { NodeLabel } from '../../graph/graph-model';
import type { StoredAsIs } from '../../graph/map-node';
import { numbersOf, type Attributes } from '../../graph/kinds/attribute';
import { facetsOf } from '../../graph/kinds/label-pages';
import { PER_VALUE_COUNTS, SdgCount } from '../filter/facet-counts';
import type { CompileContext } from '../compile-context';
import type { NodeProperties } from '../graph-loaders';
import type { ListKind } from '../nested-connection';
import type { Condition } from './condition';
import { Connection } from './connection';
import {
  declaredAggregates,
  declaredOrderDescriptions,
  declaredOrderFields,
  type DeclaredOrderValue,
} from './declared-numbers';
import { kindPageSpec, type KindPageFragments } from './kind-page-spec';
import { OrderInput } from './order-input';

/** A node type a paged list is made of: its class, and how a stored node becomes one. */
export type PagedType<T extends { sortKey: string }> = ClassType<T> & {
  readonly from: (row: NodeProperties) => T;
  readonly storedAsIs: StoredAsIs;
};

/** A folder of cypher/fragments/ a kind's page is assembled from. */
type PageFolder = Parameters<typeof kindPageSpec>[0];

/** A sort order of the kind's own besides those of its declared numbers: its part and its description. */
export interface OwnOrder<Part> {
  readonly part: Part;
  readonly description: string;
}

/** A facet the kind counts: the GraphQL type of one count, and what the field says. */
export interface FacetCount {
  readonly count: ClassType;
  readonly description: string;
}

/** A number `aggregate` offers that the kind computes (not a declared number's): its quantity and description. */
type OwnAggregate<Folder extends PageFolder> = NonNullable<
  KindPageFragments<string, string, Folder>['aggregates']
>[string];

/**
 * What is the kind's own in a paged list of it; everything else follows from its declaration
 * (src/graph/kinds/<kind>.kind.ts) and the conventions of its fragment folder (kind-page-spec.ts).
 */
export interface PagedKindDeclaration<
  T extends { sortKey: string },
  Filter extends object,
  A extends Attributes,
  OwnOrderField extends string,
  FacetName extends string,
  Folder extends PageFolder,
> extends Pick<
  KindPageFragments<OwnOrderField, FacetName, Folder>,
  'name' | 'label' | 'anchors' | 'exactAnchors' | 'inPolicyItem' | 'facetValues'
> {
  readonly type: PagedType<T>;
  readonly label: NodeLabel;
  /** Its folder under cypher/fragments/. */
  readonly folder: Folder;
  /** The kind's declared attributes: their sort orders and aggregate figures are added to the list's. */
  readonly attributes: A;
  /** The kind in the plural, as the order input's descriptions say it (`measures`). */
  readonly plural: string;
  /** The connection type's description. */
  readonly description: string;
  readonly order: {
    /** The description of CODE, the default order. */
    readonly code: string;
    /** Its own sort orders, each with its part (a file of the folder by its name there, or a part). */
    readonly own: Readonly<
      Record<OwnOrderField, OwnOrder<KindPageFragments<OwnOrderField, FacetName, Folder>['orderFields'][OwnOrderField]>>
    >;
    /** Whether its own orders follow the declared numbers' in the order enum (they come first otherwise). */
    readonly afterDeclared?: boolean;
  };
  readonly facets: {
    /** The facets type's description. */
    readonly description: string;
    /** Each facet, in the order of the facets type's fields. */
    readonly counts: Readonly<Record<FacetName, FacetCount>>;
  };
  /** The figures `aggregate` offers that the kind computes, after the declared numbers'. */
  readonly aggregates?: Readonly<Record<string, OwnAggregate<Folder>>>;
  readonly filter: ClassType<Filter>;
  /** The filter as a condition tree (resolving department names against the request's directory). */
  readonly condition: (filter: Filter | null, ctx: Pick<CompileContext, 'departments'>) => Promise<Condition>;
}

/**
 * A paged kind's list (its page spec, connection, order input and facets type, ListKind) made from its declaration
 * and the few things that are its own, so that a kind's folder in src/model/ holds no wiring. The GraphQL types are
 * made by functions (type-graphql's generic-types pattern), named `<Label>Connection`, `<Label>Order`,
 * `<Label>Facets` as before.
 */
export function pagedKind<
  T extends { sortKey: string },
  Filter extends object,
  const A extends Attributes,
  const OwnOrderField extends string,
  const FacetName extends string,
  const Folder extends PageFolder,
>(
  kind: PagedKindDeclaration<T, Filter, A, OwnOrderField, FacetName, Folder>,
): ListKind<T, Filter, OwnOrderField | DeclaredOrderValue<A> | 'CODE' | 'NAME', FacetName> {
  const own = Object.entries<OwnOrder<unknown>>(kind.order.own);
  const ownParts = Object.fromEntries(own.map(([key, { part }]) => [key, part]));
  const ownDescriptions = Object.fromEntries(own.map(([key, { description }]) => [key, description]));
  const inOrder = <V>(owned: Record<string, V>, declared: Record<string, V>): Record<string, V> =>
    kind.order.afterDeclared === true ? Object.assign({}, declared, owned) : Object.assign({}, owned, declared);
  const spec = kindPageSpec(kind.folder, {
    name: kind.name,
    label: kind.label,
    ...(kind.anchors === undefined ? {} : { anchors: kind.anchors }),
    ...(kind.exactAnchors === undefined ? {} : { exactAnchors: kind.exactAnchors }),
    ...(kind.inPolicyItem === undefined ? {} : { inPolicyItem: kind.inPolicyItem }),
    facets: Object.keys(kind.facets.counts) as FacetName[],
    ...(kind.facetValues === undefined ? {} : { facetValues: kind.facetValues }),
    orderFields: inOrder(ownParts, declaredOrderFields(kind.attributes)) as KindPageFragments<
      OwnOrderField,
      FacetName,
      Folder
    >['orderFields'],
    aggregates: Object.assign(declaredAggregates(numbersOf(kind.attributes)), kind.aggregates ?? {}),
  });
  const order = OrderInput(
    kind.label,
    kind.plural,
    Object.assign({ CODE: kind.order.code }, inOrder(ownDescriptions, declaredOrderDescriptions(kind.attributes))),
  );
  const connection = Connection(
    kind.type,
    kind.label,
    kind.description,
    facetsType(kind.label, {
      description: kind.facets.description,
      counts: Object.assign({}, kind.facets.counts, declaredCounts(kind.label, kind.facets.counts)),
    }),
    spec.aggregates,
  );
  return {
    spec: spec as ListKind<T, Filter, OwnOrderField | DeclaredOrderValue<A> | 'CODE' | 'NAME', FacetName>['spec'],
    connection,
    filter: kind.filter,
    order,
    condition: kind.condition,
    map: kind.type.from,
    storedAsIs: kind.type.storedAsIs,
  };
}

/**
 * The facets the kind's declaration (`<KIND>_FACETS` and its relationships' `sdgFacet`, src/graph/kinds/facet.ts)
 * describes: each a field of the facets type, counted per SDG or per value of what it counts, without an entry in
 * the kind's `pagedKind` call.
 */
function declaredCounts(label: NodeLabel, counts: Readonly<Record<string, FacetCount>>): Record<string, FacetCount> {
  return Object.fromEntries(
    Object.entries(facetsOf(label)).flatMap(([name, facet]): [string, FacetCount][] => {
      if (facet.description === undefined) return [];
      if (Object.hasOwn(counts, name))
        throw new Error(`${label} facet ${name}: described twice, in its declaration and its list`);
      const count = 'perSdg' in facet ? SdgCount : PER_VALUE_COUNTS[facet.counted];
      return [[name, { count, description: facet.description }]];
    }),
  );
}

/** The `<Label>Facets` object type: one list of counts per facet, in the order declared. */
function facetsType(
  label: NodeLabel,
  facets: { readonly description: string; readonly counts: Readonly<Record<string, FacetCount>> },
): ClassType {
  class FacetsType {}
  for (const [name, { count, description }] of Object.entries(facets.counts)) {
    Field(() => [count], { description })(FacetsType.prototype, name);
  }
  ObjectType(`${label}Facets`, { description: facets.description })(FacetsType);
  return FacetsType;
}
