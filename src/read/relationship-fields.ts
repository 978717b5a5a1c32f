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
  related,
  relatedOne,
  relationshipOf,
  type FieldArguments,
  type RelatedType,
  type RelationshipField,
  type Scope,
} from './declared-relationships';
import type { RequestContext } from './request-context';

/** How a relationship field without arguments answers: the one node or the list its table entry finds, mapped. */
export interface RelationshipFieldSpec {
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
  readonly pages?: (nested: NestedConnection) => ClassType;
}

/** The connection resolver of a kind's pages below some parent (nestedConnectionResolver with the kind bound). */
function pagesOf<T extends { sortKey: string }, Filter extends object, OrderField extends string, Facet extends string>(
  kind: ListKind<T, Filter, OrderField, Facet> | undefined,
): { pages?: (nested: NestedConnection) => ClassType } {
  return kind ? { pages: (nested) => nestedConnectionResolver(kind, nested) } : {};
}

/** The field's one node (a measure's policy item), which every parent has. */
export function one(target: () => NodeClass, description: string): RelationshipFieldSpec {
  return { target, cardinality: 'one', description };
}

/** The field's list of nodes, in the order its hop returns them. */
export function many<T extends { sortKey: string }, Filter extends object, O extends string, Facet extends string>(
  target: () => NodeClass,
  description: string,
  kind?: ListKind<T, Filter, O, Facet>,
): RelationshipFieldSpec {
  return { target, cardinality: 'many', description, ...pagesOf(kind) };
}

/**
 * The field's list of revised nodes (measures, projects: they carry a change `status`) without those the next
 * plan deletes, unless the field's `includeDeleted` argument asks for them; `listed` names them in its description.
 */
export function manyNotDeleted<
  T extends { sortKey: string },
  Filter extends object,
  O extends string,
  Facet extends string,
>(
  target: () => NodeClass,
  description: string,
  listed: string,
  kind?: ListKind<T, Filter, O, Facet>,
): RelationshipFieldSpec {
  const includeDeleted = `Also list ${listed} the next plan deletes.`;
  return { target, cardinality: 'many', description, includeDeleted, ...pagesOf(kind) };
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

/** A type's relationship fields without arguments, by name, and its nested connections (`…Connection`). */
export type RelationshipFieldTable<T extends RelatedType> = {
  readonly [F in RelationshipField<T>]?: RelationshipFieldSpec;
} & { readonly [field: `${string}Connection`]: NestedConnectionSpec };

/**
 * The resolvers of a type's relationship fields that take no arguments (`Measure.departments` …) and of its
 * nested connections, declared one entry each. A relationship field loads through its entry of the
 * relationship table (`related`, `relatedOne`), so the compiled statement's priming answers it; a nested
 * connection is nestedConnectionResolver's. Fields with arguments (`includeDeleted`, `role`) or a computed
 * answer stay methods of the feature's resolver. type-graphql pairs a field with its resolver by method
 * name, so each field becomes a method of that name carrying the decorators a hand-written one would.
 */
export function relationshipResolvers<T extends RelatedType>(
  parent: () => ClassType,
  type: T,
  table: RelationshipFieldTable<T>,
): ClassType[] {
  @Resolver(parent)
  class RelationshipFieldsResolver {}

  const prototype = RelationshipFieldsResolver.prototype as object;
  const connections: ClassType[] = [];
  for (const [field, spec] of Object.entries(table) as [string, RelationshipFieldSpec | NestedConnectionSpec][]) {
    if ('resolver' in spec) {
      connections.push(spec.resolver(parent, field));
      continue;
    }
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
    if (spec.cardinality === 'many' && table[connectionField] === undefined) {
      connections.push(relationshipConnection(parent, type, name, connectionField, spec));
    }
  }
  return [RelationshipFieldsResolver, ...connections];
}

/**
 * The paged sibling of a relationship list (`Sdg.departments` → `Sdg.departmentsConnection`), for every
 * list a type's table declares without a connection of its own: its nodes are found by the list's own hop
 * (relationshipScope), so the connection pages what the list lists; with the list's `kind` it takes that
 * kind's filter, order and facets, otherwise it pages in code order.
 */
function relationshipConnection<T extends RelatedType>(
  parent: () => ClassType,
  type: T,
  name: RelationshipField<T>,
  field: string,
  spec: RelationshipFieldSpec,
): ClassType {
  const relationship = relationshipOf(type, name);
  if (!relationship) throw new Error(`${type}.${name} is not in the relationship table`);
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
