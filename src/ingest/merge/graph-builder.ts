import {
  NODE_LABELS,
  type Discrepancy,
  type Provenance,
  type GraphFile,
  type GraphNode,
  type GraphRelationship,
  type NodeLabel,
  type PropertyValue,
  type RelationshipType,
  type UnresolvedReference,
} from '../../graph/graph-model';
import type { NodeBag } from '../../graph/node-properties';
import { SEARCHABLE_FIELDS } from '../../graph/searchable-fields';
import { formatRef, type SourceRef } from '../source-document';
import { matchKey } from '../../core/text/index';

/**
 * A relationship's property bag as the merge writes it: null/undefined values and empty lists are left out.
 * (Nodes take their label's typed bag, NodeBag, instead.)
 */
export type Properties = Readonly<
  Record<string, PropertyValue | readonly string[] | readonly number[] | null | undefined>
>;

/** Two merge rules produced the same node id or the same relationship: a bug in the rules, never in data. */
export class MergeConflictError extends Error {
  override name = 'MergeConflictError';
}

/**
 * Collects the graph as the merge rules produce it and hands it out in a deterministic order (labels in
 * model order, then sortKey; relationships by type, then ends), so the generated seed/graph.json only
 * changes when the documents or the rules do.
 */
export class GraphBuilder {
  private readonly nodes = new Map<string, GraphNode>();
  private readonly relationships = new Map<string, GraphRelationship>();
  private readonly unresolved: UnresolvedReference[] = [];
  private readonly discrepancies: Discrepancy[] = [];

  /**
   * Adds a node of `label` with its label's properties (src/graph/node-properties.ts): `node('Measure', …)`
   * type-checks the bag against the Measure contract, so a misspelled or retyped property fails to compile.
   */
  node<L extends NodeLabel>(label: L, id: string, source: SourceRef, properties: NodeBag<L>): string {
    if (this.nodes.has(id)) throw new MergeConflictError(`two nodes with id ${id} (second from ${formatRef(source)})`);
    // Every contract value is a storable PropertyValue; the generic bag only loses its index signature.
    const bag = properties as Properties;
    this.nodes.set(id, { label, id, properties: withSource(source, bag, { searchText: searchText(bag) }) });
    return id;
  }

  has(id: string): boolean {
    return this.nodes.has(id);
  }

  relate(type: RelationshipType, from: string, to: string, source: SourceRef, properties: Properties = {}): void {
    const key = `${type}|${from}|${to}`;
    if (this.relationships.has(key)) return; // the same fact stated twice (e.g. a department listed twice) is one link
    this.relationships.set(key, { type, from, to, properties: withSource(source, properties) });
  }

  /** The nodes of `label` added so far (rules that read an earlier rule's output, e.g. indicator owners). */
  nodesOf(label: NodeLabel): GraphNode[] {
    return [...this.nodes.values()].filter((node) => node.label === label);
  }

  /** The relationships of `type` added so far. */
  relationshipsOf(type: RelationshipType): GraphRelationship[] {
    return [...this.relationships.values()].filter((relationship) => relationship.type === type);
  }

  unresolvedReference(from: string, kind: string, name: string, source: SourceRef): void {
    this.unresolved.push({ from, kind, name, ...provenance(source) });
  }

  discrepancy(subject: string, message: string, source: SourceRef): void {
    this.discrepancies.push({ subject, message, ...provenance(source) });
  }

  build(): GraphFile {
    const labelOrder = Object.keys(NODE_LABELS);
    const nodes = [...this.nodes.values()].sort(
      (a, b) =>
        labelOrder.indexOf(a.label) - labelOrder.indexOf(b.label) ||
        compareText(String(a.properties.sortKey ?? a.id), String(b.properties.sortKey ?? b.id)) ||
        compareText(a.id, b.id),
    );
    const relationships = [...this.relationships.values()].sort(
      (a, b) => compareText(a.type, b.type) || compareText(a.from, b.from) || compareText(a.to, b.to),
    );
    const byPlace = (a: Provenance, b: Provenance) =>
      compareText(a.sourceDocument, b.sourceDocument) ||
      (a.sourcePage ?? 0) - (b.sourcePage ?? 0) ||
      a.sourceLine - b.sourceLine;
    return {
      nodes,
      relationships,
      unresolved: [...this.unresolved].sort((a, b) => byPlace(a, b) || compareText(a.name, b.name)),
      discrepancies: [...this.discrepancies].sort((a, b) => byPlace(a, b) || compareText(a.subject, b.subject)),
    };
  }
}

/**
 * `searchText`: the searchable texts (SEARCHABLE_FIELDS) width-folded, lower-cased and without spaces (see
 * matchKey), so a substring filter finds `ICT` in `I C T` and `ＩＣＴ` alike with a plain CONTAINS.
 */
function searchText(properties: Properties): string {
  return SEARCHABLE_FIELDS.map((key) => properties[key])
    .filter((value): value is string => typeof value === 'string')
    .map(matchKey)
    .join('\n');
}

/** The stored properties: what was given, minus absent values and empty lists, plus provenance. */
function withSource(
  source: SourceRef,
  properties: Properties,
  derived: Readonly<Record<string, PropertyValue>> = {},
): Record<string, PropertyValue> {
  const out: Record<string, PropertyValue> = { ...derived };
  for (const [key, value] of Object.entries(properties)) {
    if (value === null || value === undefined) continue;
    if (isList(value)) {
      if (value.length > 0) out[key] = [...value] as string[] | number[];
      continue;
    }
    out[key] = value;
  }
  return Object.assign(out, provenance(source));
}

/**
 * The provenance properties of a reference: `sourcePage` only for a page of a PDF, so the graph of the text
 * files has exactly the properties it always had.
 */
function provenance(source: SourceRef): Provenance {
  return source.page === undefined
    ? { sourceDocument: source.document, sourceLine: source.line }
    : { sourceDocument: source.document, sourcePage: source.page, sourceLine: source.line };
}

function isList(
  value: PropertyValue | readonly string[] | readonly number[],
): value is readonly string[] | readonly number[] {
  return Array.isArray(value);
}

/** Plain code-point order: locale-independent, so every machine writes the same file. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
