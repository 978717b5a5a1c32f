import type { ClassType } from 'type-graphql';
import { Connection } from './page/connection';
import { NODE_LABELS, type NodeLabel } from '../graph/graph-model';
import type { NodeProperties } from './graph-loaders';
import { all, holds, type Condition } from './page/condition';
import type { PageSpec } from './page/page-spec';
import type { StoredAsIs } from '../graph/map-node';

/**
 * A list of a type that has no filter, order or facets of its own (SDGs, departments, projects, related
 * plans, linkage plans and their initiatives): what a nested connection of it needs. It is paged in code
 * order (the sortKey), like its plain list.
 */
export interface PlainListKind<T extends { sortKey: string }> {
  readonly spec: PageSpec<'CODE', never>;
  readonly connection: ClassType;
  readonly condition: Condition;
  readonly map: (node: NodeProperties) => T;
  /** The fields `map` takes over from stored properties as they are (src/read/page/page-items.ts). */
  readonly storedAsIs: StoredAsIs;
}

/** A GraphQL object type of the graph: its class, which maps a stored node into it. */
export type NodeClass<T = unknown> = ClassType & {
  from(this: void, row: NodeProperties): T;
  readonly storedAsIs: StoredAsIs;
};

/** A node's object with the sortKey its cursor is made of. */
type PageItem = object & { sortKey: string };

const connections = new Map<string, ClassType>();

/**
 * The plain kind of `target` (its `<Type>Connection` made once per type). `notDeleted`: the field's plain
 * list leaves out nodes the next plan deletes (manyNotDeleted), so its connection does too.
 */
export function plainListKind(target: NodeClass, notDeleted: boolean): PlainListKind<PageItem> {
  const typeName = target.name;
  const label: NodeLabel | undefined =
    typeName === 'PolicyField' ? 'Field' : Object.hasOwn(NODE_LABELS, typeName) ? (typeName as NodeLabel) : undefined;
  if (label === undefined) throw new Error(`${typeName} is not a node type of the graph`);
  let connection = connections.get(typeName);
  if (!connection) {
    connection = Connection(target, typeName, `A page of ${typeName} nodes, in code order, with the total count.`);
    connections.set(typeName, connection);
  }
  return {
    spec: { name: typeName, label, anchors: [], orderFields: { CODE: null }, facets: {}, aggregates: {} },
    connection,
    condition: notDeleted ? holds('fragments/common/not-deleted') : all([]),
    // Cursors are made of the sortKey, which these types do not keep: the page's item carries it beside.
    map: (node) => Object.assign(target.from(node) as object, { sortKey: node.string('sortKey') }),
    storedAsIs: target.storedAsIs,
  };
}
