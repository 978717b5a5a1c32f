import {
  getArgumentValues,
  getNamedType,
  isObjectType,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
} from 'graphql';
// The function execution itself uses to collect a field's subfields (graphql 16; marked internal, kept stable
// through 16.x, which package.json pins): planning with it cannot disagree with what will be resolved.
import { collectSubfields } from 'graphql/execution/collectFields';
import { NODE_LABELS, type NodeLabel } from '../../graph/graph-model';
import { keyOf, relationshipOf, type Hop } from '../declared-relationships';
import type { PlannedPage } from './compiled-read';

/** One relationship to fetch for every node of a level, with what to fetch below it. */
export interface PlannedProjection {
  /** How the related nodes are found (src/read/declared-relationships.ts), the same hop the field resolver loads. */
  readonly hop: Hop;
  /**
   * The label of the related nodes (from the field's GraphQL type), which says which properties they store;
   * without it the compiled statement sends every stored property.
   */
  readonly label?: NodeLabel | undefined;
  readonly children: readonly PlannedProjection[];
  /**
   * The related nodes' GraphQL type and the field nodes selecting on them, where nested connections below
   * them can be planned (absent in a plan made by hand).
   */
  readonly selecting?: { readonly type: GraphQLObjectType; readonly fieldNodes: readonly FieldNode[] };
  /**
   * The nested connections selected right below the related nodes, compiled as their resolvers compile them
   * (src/read/prefetch/nested-pages.ts); absent until a root field plans them.
   */
  readonly pages?: readonly PlannedPage[];
}

/** What the selection compiler needs of a request's document, all of it in GraphQLResolveInfo. */
export type Document = Pick<GraphQLResolveInfo, 'schema' | 'fragments' | 'variableValues'>;

/** A root field being resolved: its operation and fragments, its return type and its field nodes. */
export type RootField = Document & Pick<GraphQLResolveInfo, 'operation' | 'returnType' | 'fieldNodes'>;

/**
 * The relationship fields below the nodes a root field returns, as a tree of projections. Walks the
 * selection set the way execution will (graphql-js's own field collection: fragments, inline fragments,
 * @skip/@include with the request's variables), so what is planned is exactly what will be resolved.
 * Fields the relationship table does not have, and fields of interface or union type, are left out: they resolve
 * through their loaders as before. Selections of one relationship under several aliases merge into one.
 */
export function planProjections(
  document: Document,
  type: GraphQLObjectType,
  fieldNodes: readonly FieldNode[],
): PlannedProjection[] {
  const byKey = new Map<string, { hop: Hop; type: GraphQLObjectType; nodes: FieldNode[] }>();
  for (const nodes of subfields(document, type, fieldNodes).values()) {
    const first = nodes[0];
    if (!first) continue;
    const fieldName = first.name.value;
    const relationship = relationshipOf(type.name, fieldName);
    const definition = type.getFields()[fieldName];
    if (!relationship || !definition) continue;
    const childType = getNamedType(definition.type);
    if (!isObjectType(childType)) continue;
    const hop = relationship.hop(getArgumentValues(definition, first, document.variableValues));
    const key = keyOf(hop);
    const entry = byKey.get(key);
    if (entry) entry.nodes.push(...nodes);
    else byKey.set(key, { hop, type: childType, nodes: [...nodes] });
  }
  return [...byKey.values()].map(({ hop, type: childType, nodes }) => ({
    hop,
    label: labelOfType(childType),
    children: planProjections(document, childType, nodes),
    selecting: { type: childType, fieldNodes: nodes },
  }));
}

/** The node label whose nodes a GraphQL object type maps (PolicyField is the label Field), if any. */
function labelOfType(type: GraphQLObjectType): NodeLabel | undefined {
  const name = type.name === 'PolicyField' ? 'Field' : type.name;
  return Object.hasOwn(NODE_LABELS, name) ? (name as NodeLabel) : undefined;
}

/**
 * The node type a root field returns and the field nodes selecting on it: the field itself for a node or
 * a list of nodes, `nodes` and `edges.node` for a connection (a type with `edges`, `nodes` and
 * `totalCount`). Undefined when the field returns no object type (an interface, a union, a scalar).
 */
export function rootNodeSelection(
  info: RootField,
): { type: GraphQLObjectType; fieldNodes: readonly FieldNode[] } | undefined {
  const returned = getNamedType(info.returnType);
  if (!isObjectType(returned)) return undefined;
  const fields = returned.getFields();
  const nodesField = fields['nodes'];
  if (!nodesField || !fields['edges'] || !fields['totalCount']) return { type: returned, fieldNodes: info.fieldNodes };
  const nodeType = getNamedType(nodesField.type);
  if (!isObjectType(nodeType)) return undefined;
  const selected = subfields(info, returned, info.fieldNodes);
  const edgeNodes = byFieldName(selected, 'edges');
  const edgeType = fields['edges'] && getNamedType(fields['edges'].type);
  const viaEdges = edgeType && isObjectType(edgeType) ? subfields(info, edgeType, edgeNodes) : new Map();
  const fieldNodes = [...byFieldName(selected, 'nodes'), ...byFieldName(viaEdges, 'node')];
  return { type: nodeType, fieldNodes };
}

export function subfields(
  document: Document,
  type: GraphQLObjectType,
  fieldNodes: readonly FieldNode[],
): Map<string, readonly FieldNode[]> {
  const fragments: Record<string, FragmentDefinitionNode> = document.fragments;
  return collectSubfields(document.schema, fragments, document.variableValues, type, fieldNodes);
}

/** Every field node selecting `fieldName`, whatever its alias. */
function byFieldName(selected: ReadonlyMap<string, readonly FieldNode[]>, fieldName: string): FieldNode[] {
  return [...selected.values()].flat().filter((node) => node.name.value === fieldName);
}
