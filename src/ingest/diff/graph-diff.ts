import {
  NODE_LABELS,
  type Discrepancy,
  type GraphFile,
  type GraphNode,
  type GraphRelationship,
  type NodeLabel,
  type RelationshipType,
  type UnresolvedReference,
} from '../../graph/graph-model';
import { compareIds } from './entity-order';
import { changedProperties, withoutSourceLine, type PropertyChange } from './property-changes';
import { movedEntries, reportChanges, type ReportChanges } from './report-changes';

/** A node as the diff names it: id, label and (for a reader of Japanese) its name. */
export interface NodeSummary {
  readonly label: NodeLabel;
  readonly id: string;
  readonly name: string | undefined;
}

/**
 * A node in both editions whose content differs: every changed property, its sourceLine included (where to
 * read it now). A node whose only change is its sourceLine is counted in SourceLineShifts instead.
 */
export interface NodeChange extends NodeSummary {
  readonly changes: readonly PropertyChange[];
}

/** A relationship is one link of a type between two ids; the graph holds at most one per triple. */
export interface RelationshipSummary {
  readonly type: RelationshipType;
  readonly from: string;
  readonly to: string;
  readonly fromName: string | undefined;
  readonly toName: string | undefined;
}

export interface RelationshipChange extends RelationshipSummary {
  readonly changes: readonly PropertyChange[];
}

/** Something whose only change is the line its text now sits on. */
export interface SourceLineShift {
  readonly what: string;
  readonly document: string | undefined;
  readonly before: number | undefined;
  readonly after: number | undefined;
}

/** Line shifts follow any line added or removed above a fact: counted for the reviewer, listed on request. */
export interface SourceLineShifts {
  readonly nodes: number;
  readonly relationships: number;
  readonly discrepancies: number;
  readonly unresolved: number;
  /** The nodes and relationships counted above, in the order of the diff (ids, then relationship types). */
  readonly shifts: readonly SourceLineShift[];
}

/** What a new edition of the documents changes in the graph, against the graph it would replace. */
export interface GraphDiff {
  readonly nodes: {
    readonly added: readonly NodeSummary[];
    readonly removed: readonly NodeSummary[];
    readonly changed: readonly NodeChange[];
  };
  readonly relationships: {
    readonly added: readonly RelationshipSummary[];
    readonly removed: readonly RelationshipSummary[];
    readonly changed: readonly RelationshipChange[];
  };
  readonly discrepancies: ReportChanges<Discrepancy>;
  readonly unresolved: ReportChanges<UnresolvedReference>;
  readonly sourceLines: SourceLineShifts;
}

const LABEL_ORDER = Object.keys(NODE_LABELS);

/**
 * Compares two graphs: nodes by id, relationships by (type, from, to), property by property; discrepancies
 * and unresolved references by their content. Pure, so a test can diff hand-edited documents without files.
 */
export function diffGraphs(before: GraphFile, after: GraphFile): GraphDiff {
  const nameOf = namesOf(before, after);
  const summary = (node: GraphNode): NodeSummary => ({ label: node.label, id: node.id, name: nameOf(node.id) });
  const beforeNodes = new Map(before.nodes.map((n) => [n.id, n]));
  const afterNodes = new Map(after.nodes.map((n) => [n.id, n]));
  const shifts: SourceLineShift[] = [];

  const changedNodes: NodeChange[] = [];
  let nodeShifts = 0;
  for (const node of [...after.nodes].sort(byNode)) {
    const old = beforeNodes.get(node.id);
    if (old === undefined) continue;
    const all = changedProperties({ label: old.label, ...old.properties }, { label: node.label, ...node.properties });
    const { content, sourceLine } = withoutSourceLine(all);
    if (content.length > 0) changedNodes.push({ ...summary(node), changes: all });
    else if (sourceLine) {
      nodeShifts += 1;
      shifts.push(shiftOf(node.id, node.properties, sourceLine));
    }
  }

  const relationshipSummary = (r: GraphRelationship): RelationshipSummary => ({
    type: r.type,
    from: r.from,
    to: r.to,
    fromName: nameOf(r.from),
    toName: nameOf(r.to),
  });
  const beforeLinks = new Map(before.relationships.map((r) => [relationshipKey(r), r]));
  const afterLinks = new Map(after.relationships.map((r) => [relationshipKey(r), r]));
  const changedLinks: RelationshipChange[] = [];
  let linkShifts = 0;
  for (const link of [...after.relationships].sort(byRelationship)) {
    const old = beforeLinks.get(relationshipKey(link));
    if (old === undefined) continue;
    const all = changedProperties(old.properties, link.properties);
    const { content, sourceLine } = withoutSourceLine(all);
    if (content.length > 0) changedLinks.push({ ...relationshipSummary(link), changes: all });
    else if (sourceLine) {
      linkShifts += 1;
      shifts.push(shiftOf(`${link.type} ${link.from} → ${link.to}`, link.properties, sourceLine));
    }
  }

  return {
    nodes: {
      added: after.nodes
        .filter((n) => !beforeNodes.has(n.id))
        .sort(byNode)
        .map(summary),
      removed: before.nodes
        .filter((n) => !afterNodes.has(n.id))
        .sort(byNode)
        .map(summary),
      changed: changedNodes,
    },
    relationships: {
      added: after.relationships
        .filter((r) => !beforeLinks.has(relationshipKey(r)))
        .sort(byRelationship)
        .map(relationshipSummary),
      removed: before.relationships
        .filter((r) => !afterLinks.has(relationshipKey(r)))
        .sort(byRelationship)
        .map(relationshipSummary),
      changed: changedLinks,
    },
    discrepancies: reportChanges(before.discrepancies, after.discrepancies),
    unresolved: reportChanges(before.unresolved, after.unresolved),
    sourceLines: {
      nodes: nodeShifts,
      relationships: linkShifts,
      discrepancies: movedEntries(before.discrepancies, after.discrepancies),
      unresolved: movedEntries(before.unresolved, after.unresolved),
      shifts,
    },
  };
}

/** True when the new edition changes nothing but source lines. */
export function changesContent(diff: GraphDiff): boolean {
  const lists = [
    diff.nodes.added,
    diff.nodes.removed,
    diff.nodes.changed,
    diff.relationships.added,
    diff.relationships.removed,
    diff.relationships.changed,
    diff.discrepancies.added,
    diff.discrepancies.removed,
    diff.unresolved.added,
    diff.unresolved.removed,
  ];
  return lists.some((list) => list.length > 0);
}

function relationshipKey(r: GraphRelationship): string {
  return `${r.type} ${r.from} ${r.to}`;
}

// The new edition's name where the node still exists (a renamed node reads as it will), else the old one.
function namesOf(before: GraphFile, after: GraphFile): (id: string) => string | undefined {
  const names = new Map<string, string>();
  for (const node of [...before.nodes, ...after.nodes]) {
    const name = node.properties.name;
    if (typeof name === 'string') names.set(node.id, name);
  }
  return (id) => names.get(id);
}

function byNode(a: GraphNode, b: GraphNode): number {
  return LABEL_ORDER.indexOf(a.label) - LABEL_ORDER.indexOf(b.label) || compareIds(a.id, b.id);
}

function byRelationship(a: GraphRelationship, b: GraphRelationship): number {
  return a.type.localeCompare(b.type) || compareIds(a.from, b.from) || compareIds(a.to, b.to);
}

function shiftOf(what: string, properties: Readonly<Record<string, unknown>>, change: PropertyChange): SourceLineShift {
  const document = properties.sourceDocument;
  return {
    what,
    document: typeof document === 'string' ? document : undefined,
    before: typeof change.before === 'number' ? change.before : undefined,
    after: typeof change.after === 'number' ? change.after : undefined,
  };
}
