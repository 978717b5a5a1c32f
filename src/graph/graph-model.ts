/**
 * The graph's vocabulary: node labels with their id prefixes, and the relationship types with the labels
 * they connect (direction as the documents say it). seed/graph.json, the loader's validation, the Cypher
 * and the API all speak these names; this file is the one place they are listed.
 */
export const NODE_LABELS = {
  Field: 'field',
  PolicyItem: 'policy-item',
  Measure: 'measure',
  Department: 'department',
  Sdg: 'sdg',
  Indicator: 'indicator',
  Project: 'project',
  RelatedPlan: 'related-plan',
  ReformArea: 'reform-area',
  ReformSheet: 'reform-sheet',
  LinkagePlan: 'linkage-plan',
  Initiative: 'initiative',
} as const;

export type NodeLabel = keyof typeof NODE_LABELS;

export const RELATIONSHIP_TYPES = {
  HAS_ITEM: { from: 'Field', to: 'PolicyItem' },
  HAS_MEASURE: { from: 'PolicyItem', to: 'Measure' },
  CONTRIBUTES_TO: { from: 'PolicyItem', to: 'Sdg' },
  MEASURED_BY: { from: 'PolicyItem', to: 'Indicator' },
  HAS_PROJECT: { from: 'PolicyItem', to: 'Project' },
  HAS_RELATED_PLAN: { from: 'PolicyItem', to: 'RelatedPlan' },
  RESPONSIBLE_FOR: { from: 'Department', to: 'Measure' },
  EXECUTES: { from: 'Department', to: 'ReformSheet' },
  PARTNERS_ON: { from: 'Department', to: 'ReformSheet' },
  IN_AREA: { from: 'ReformSheet', to: 'ReformArea' },
  SUPPORTS: { from: 'ReformSheet', to: 'Measure' },
  HAS_INITIATIVE: { from: 'LinkagePlan', to: 'Initiative' },
  TARGETS: { from: 'Initiative', to: 'PolicyItem' },
  ANSWERS_FOR: { from: 'Department', to: 'Indicator' },
} as const satisfies Record<string, { from: NodeLabel; to: NodeLabel }>;

export type RelationshipType = keyof typeof RELATIONSHIP_TYPES;

/** A property value Neo4j can store: scalars and homogeneous lists of scalars (no nested maps, no nulls). */
export type PropertyValue = string | number | boolean | string[] | number[];

export interface GraphNode {
  readonly label: NodeLabel;
  /** Readable id `kind:key`, e.g. `measure:5-1-3`; also the GraphQL ID. */
  readonly id: string;
  /** Includes `sourceDocument` and `sourceLine` (provenance); absent values are omitted, never null. */
  readonly properties: Readonly<Record<string, PropertyValue>>;
}

export interface GraphRelationship {
  readonly type: RelationshipType;
  readonly from: string;
  readonly to: string;
  /** `sourceDocument` and `sourceLine` of the text that asserts the link, plus any detail of it. */
  readonly properties: Readonly<Record<string, PropertyValue>>;
}

/** The content of seed/graph.json. */
export interface GraphFile {
  readonly nodes: readonly GraphNode[];
  readonly relationships: readonly GraphRelationship[];
  /** Names a document referenced but no document describes (kept on their nodes, reported by the loader). */
  readonly unresolved: readonly UnresolvedReference[];
  /** Differences between two documents' statements of the same fact, reported by the loader. */
  readonly discrepancies: readonly Discrepancy[];
}

/**
 * Where a fact was read, as stored: the document, and its 1-based line; for a PDF also the page, and the
 * line is counted on that page. (Nodes and relationships carry the same properties.)
 */
export interface Provenance {
  readonly sourceDocument: string;
  readonly sourcePage?: number;
  readonly sourceLine: number;
}

export interface UnresolvedReference extends Provenance {
  readonly from: string;
  readonly name: string;
  readonly kind: string;
}

export interface Discrepancy extends Provenance {
  readonly subject: string;
  readonly message: string;
}

export function idPrefix(label: NodeLabel): string {
  return NODE_LABELS[label];
}

const LABEL_OF_PREFIX: ReadonlyMap<string, NodeLabel> = new Map(
  Object.entries(NODE_LABELS).map(([label, prefix]): [string, NodeLabel] => [prefix, label as NodeLabel]),
);

/** The label an id names by its prefix (`measure:5-1-3` → Measure), or undefined for a foreign id. */
export function labelOfId(id: string): NodeLabel | undefined {
  return LABEL_OF_PREFIX.get(id.slice(0, id.indexOf(':')));
}
