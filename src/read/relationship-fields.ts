import type { Cypher } from '../db/cypher';
import { Arg, Ctx, FieldResolver, Resolver, Root, type ClassType } from 'type-graphql';
import {
  nestedConnectionResolver,
  plainConnectionResolver,
  type ListKind,
  type NestedConnection,
} from './nested-connection';
import type { CypherSource } from '../db/cypher-registry';
import { relationshipScope } from './page/fragments';
import { plainListKind, type NodeClass } from './plain-list-kind';
import {
  farLabel,
  related,
  relatedOne,
  RELATIONSHIPS,
  type FieldArguments,
  type RelatedType,
  type Relationship,
  type RelationshipField,
  type Scope,
} from './declared-relationships';
import { NODE_LABELS, type NodeLabel } from '../graph/graph-model';
import type { RequestContext } from './request-context';

/** How a relationship field without arguments answers: the one node or the list its table entry finds, mapped. */
interface RelationshipFieldSpec {
  readonly target: () => NodeClass;
  readonly cardinality: 'one' | 'many';
  readonly description: string;
  /** For a list of revised nodes: the `includeDeleted` argument's description (deleted ones are left out by default). */
  readonly includeDeleted?: string;
  /**
   * For a list: the filtered, sortable kind of its nodes (measures, policy items, indicators, reform sheets),
   * whose filter, order and facets its `<field>Connection` takes; without one, the connection pages the
   * nodes in code order (plainListKind).
   */
  readonly pages?: PagesOf;
}

/** A paged kind's connection resolver below some parent (nestedConnectionResolver with the kind bound). */
export type PagesOf = (nested: NestedConnection) => ClassType;

/** The connection resolver of a kind's pages below some parent. */
export function pagesOf<T extends { sortKey: string }, Filter extends object, O extends string, Facet extends string>(
  kind: ListKind<T, Filter, O, Facet>,
): PagesOf {
  return (nested) => nestedConnectionResolver(kind, nested);
}

/**
 * What the relationship fields need of the entities (src/model/node/), by the label a field's path reaches:
 * its object type, and for the paged kinds (measures, policy items, indicators, reform sheets) their pages.
 */
export interface RelatedKinds {
  readonly typeOf: (label: NodeLabel) => NodeClass;
  readonly pagesOf: (label: NodeLabel) => PagesOf | undefined;
}

/**
 * The field a relationship's declaration says (src/graph/kinds/relationship.ts `single`, `listed`, `paged`):
 * its type the class of the label its path reaches, `includeDeleted` when its nodes are deletable (measures,
 * projects: `Also list measures …`, the label's name in the plural).
 */
function specOf(kinds: RelatedKinds, name: string, relationship: Relationship): RelationshipFieldSpec | undefined {
  const field = relationship.field;
  if (field === undefined) return undefined;
  const to = farLabel(relationship.along);
  const pages = field.paged === true ? kinds.pagesOf(to) : undefined;
  if (field.paged === true && pages === undefined) throw new Error(`${name}: ${to} has no paged kind to page by`);
  return {
    target: () => kinds.typeOf(to),
    cardinality: field.cardinality,
    description: field.description,
    ...(relationship.deletable ? { includeDeleted: `Also list ${NODE_LABELS[to]}s the next plan deletes.` } : {}),
    ...(pages === undefined ? {} : { pages }),
  };
}

/** A nested connection field (`Department.measuresConnection`), made into its resolver once its parent and name are known. */
export interface NestedConnectionSpec {
  readonly resolver: (parent: () => ClassType, field: string) => ClassType;
}

/**
 * A nested connection: pages of `kind` below each parent, bound by the cypher/fragments/ `scope`; `lists`
 * says what, in words, for the field's description (nestedConnectionResolver).
 */
export function connection<
  T extends { sortKey: string },
  Filter extends object,
  OrderField extends string,
  Facet extends string,
>(kind: ListKind<T, Filter, OrderField, Facet>, scope: Scope, lists: string): NestedConnectionSpec {
  return {
    resolver: (parent, field) => nestedConnectionResolver(kind, { parent, field, scope, lists }),
  };
}

/** A type's nested connections of a kind with its own scope (`Department.reformSheetsConnection`), by field name. */
export type NestedConnections = Readonly<Record<`${string}Connection`, NestedConnectionSpec>>;

/**
 * The resolvers of a type's relationship fields its kind declares (`<KIND>_RELATIONSHIPS` with `single`,
 * `listed` or `paged`: `Measure.departments` …), each list with its `<field>Connection`, and of the nested
 * connections given. A relationship field loads through its entry of the relationship table (`related`,
 * `relatedOne`), so the compiled statement's priming answers it; a nested connection is
 * nestedConnectionResolver's. Fields with arguments of their own (`role`) or a computed answer stay methods of
 * the feature's resolver. type-graphql pairs a field with its resolver by method name, so each field becomes a
 * method of that name carrying the decorators a hand-written one would.
 */
export function relationshipResolvers<T extends RelatedType>(
  parent: () => ClassType,
  type: T,
  kinds: RelatedKinds,
  nestedConnections: NestedConnections = {},
): ClassType[] {
  @Resolver(parent)
  class RelationshipFieldsResolver {}

  const prototype = RelationshipFieldsResolver.prototype as object;
  const connections = Object.entries(nestedConnections).map(([field, spec]) => spec.resolver(parent, field));
  const fields: Readonly<Record<string, Relationship>> = RELATIONSHIPS[type];
  for (const [field, relationship] of Object.entries(fields)) {
    const spec = specOf(kinds, `${type}.${field}`, relationship);
    if (spec === undefined) continue;
    const name = field as RelationshipField<T>;
    // The table entry's `keep` (e.g. deleted measures left out unless includeDeleted) applies inside `related`,
    // as on the fast path of primed fields.
    const nodes = async (root: { readonly id: string }, ctx: RequestContext, args: FieldArguments = {}) =>
      (await related(ctx.loaders, type, name, root.id, args)).map(spec.target().from);
    const resolve =
      spec.cardinality === 'one'
        ? async (root: { readonly id: string }, ctx: RequestContext) =>
            spec.target().from(await relatedOne(ctx.loaders, type, name, root.id))
        : spec.includeDeleted === undefined
          ? nodes
          : (root: { readonly id: string }, includeDeleted: boolean, ctx: RequestContext) =>
              nodes(root, ctx, { includeDeleted });
    const method: PropertyDescriptor = { value: resolve, writable: true, configurable: true };
    Object.defineProperty(prototype, field, method);
    Root()(prototype, field, 0);
    if (spec.includeDeleted !== undefined) {
      Arg('includeDeleted', () => Boolean, { defaultValue: false, description: spec.includeDeleted })(
        prototype,
        field,
        1,
      );
    }
    Ctx()(prototype, field, spec.includeDeleted === undefined ? 1 : 2);
    const returns = spec.cardinality === 'one' ? () => spec.target() : () => [spec.target()];
    FieldResolver(returns, { description: spec.description })(prototype, field, method);
    const connectionField = `${field}Connection` as const;
    if (spec.cardinality === 'many' && !Object.hasOwn(nestedConnections, connectionField)) {
      connections.push(relationshipConnection(parent, relationship, connectionField, spec));
    }
  }
  return [RelationshipFieldsResolver, ...connections];
}

/**
 * The paged sibling of a relationship list (`Sdg.departments` → `Sdg.departmentsConnection`), for every
 * declared list without a nested connection of its own scope: its nodes are found by the list's own hop
 * (relationshipScope), so the connection pages what the list lists; a `paged` list's connection takes the
 * reached kind's filter, order and facets, any other pages in code order.
 */
function relationshipConnection(
  parent: () => ClassType,
  relationship: Relationship,
  field: string,
  spec: RelationshipFieldSpec,
): ClassType {
  const found = relationship.every;
  // Bound once per registry: every request of a service composes from the same one.
  const scopes = new WeakMap<CypherSource, Cypher>();
  const nested = {
    parent,
    field,
    scope: (source: CypherSource) => {
      const kept = scopes.get(source) ?? relationshipScope(source, found);
      scopes.set(source, kept);
      return kept;
    },
    lists: spec.description.replace(/\.$/, ''),
  };
  return spec.pages
    ? spec.pages(nested)
    : plainConnectionResolver(plainListKind(spec.target(), spec.includeDeleted !== undefined), nested);
}
