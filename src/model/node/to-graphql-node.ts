import type { StoredAsIs } from '../../graph/map-node';
import type { Node } from '../../graph/node.interface';
import { Department } from '../department/department.type';
import { PolicyField } from '../field/policy-field.type';
import { Indicator } from '../indicator/indicator.type';
import { Initiative, LinkagePlan } from '../linkage-plan/linkage-plan.type';
import { Measure } from '../measure/measure.type';
import { PolicyItem } from '../policy-item/policy-item.type';
import { Project } from '../project/project.type';
import { ReformArea } from '../reform-sheet/reform-area.type';
import { ReformSheet } from '../reform-sheet/reform-sheet.type';
import { RelatedPlan } from '../related-plan/related-plan.type';
import { Sdg } from '../sdg/sdg.type';
import type { NodeProperties } from '../../read/graph-loaders';
import { isObjectType, type GraphQLResolveInfo } from 'graphql';
import { labelOfId, type NodeLabel } from '../../graph/graph-model';
import { rowsAnswer, typeNameOf } from '../../read/prefetch/property-demand';
import type { NodeClass } from '../../read/plain-list-kind';

/** Each label's GraphQL object type (the type a relationship field reaching the label returns). */
export const NODE_CLASSES: Readonly<Record<NodeLabel, NodeClass<Node>>> = {
  Field: PolicyField,
  PolicyItem,
  Measure,
  Department,
  Sdg,
  Indicator,
  Project,
  RelatedPlan,
  ReformArea,
  ReformSheet,
  LinkagePlan,
  Initiative,
};

const byLabel = <V>(of: (type: NodeClass<Node>) => V): Readonly<Record<NodeLabel, V>> =>
  Object.fromEntries(Object.entries(NODE_CLASSES).map(([label, type]) => [label, of(type)])) as Record<NodeLabel, V>;

/** How each label's stored properties become its GraphQL object. */
export const MAPPERS: Readonly<Record<NodeLabel, (p: NodeProperties) => Node>> = byLabel((type) => type.from);

/** Per label, the fields its objects take over from stored properties as they are (src/graph/map-node.ts). */
export const STORED_AS_IS: Readonly<Record<NodeLabel, StoredAsIs>> = byLabel((type) => type.storedAsIs);

/** Any stored node as its GraphQL object (for node(id:), search hits, paths, neighbours). */
export function toGraphQLNode(p: NodeProperties): Node {
  const id = p.string('id');
  const label = labelOfId(id);
  if (!label) throw new Error(`node ${id} has an id of no known kind`);
  return MAPPERS[label](p);
}

const STORED_AS_IS_SETS: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries(STORED_AS_IS).map(([label, fields]) => [label, new Set(fields)]),
);

/**
 * A node projected for an operation (only the properties it reads, property-demand.ts) as its GraphQL
 * object. When the operation reads of the node's type only what the projected row holds as the object would
 * (`rowsAnswer`: ids, fields taken over from stored properties as they are, relationships), the row itself
 * is the object, given its `kind` (the Node interface resolves by it), as the relationship fields' fast path
 * does (src/read/primed-fields.ts); otherwise it is mapped like any node.
 */
export function toGraphQLNodeFor(
  document: Pick<GraphQLResolveInfo, 'operation' | 'fragments' | 'schema'>,
  p: NodeProperties,
): Node {
  const id = p.string('id');
  const label = labelOfId(id);
  if (!label) throw new Error(`node ${id} has an id of no known kind`);
  const typeName = typeNameOf(label);
  const type = document.schema.getType(typeName);
  if (isObjectType(type) && rowsAnswer(document, type, STORED_AS_IS_SETS.get(label) ?? new Set())) {
    // A plain object stands for the class instance here, as the fast path's rows do for related nodes.
    return Object.assign({}, p.values, { kind: typeName }) as unknown as Node;
  }
  return MAPPERS[label](p);
}
