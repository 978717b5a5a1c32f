import type { Discrepancy, PropertyValue, UnresolvedReference } from '../../graph/graph-model';
import type { GraphDiff, NodeSummary, RelationshipSummary } from './graph-diff';
import type { PropertyChange } from './property-changes';
import type { RecordedSubjectEntry, RecordsImpact } from './orphaned-records';
import type { ReportChanges } from './report-changes';

export interface FormatOptions {
  /** List every sourceLine-only shift rather than counting them. */
  readonly listSourceLines: boolean;
}

/**
 * The diff as a reviewer reads it: nodes grouped by label, relationships by type, `+` added, `-` removed,
 * `~` changed with one line per property; ids followed by their Japanese names; the records a load would
 * orphan (when they could be read) last.
 */
export function formatDiff(diff: GraphDiff, records: RecordsImpact | undefined, options: FormatOptions): string[] {
  const lines = [
    ...entityLines('nodes', diff.nodes, (node) => node.label, named),
    ...entityLines('relationships', diff.relationships, (link) => link.type, linked),
  ];

  lines.push(...reportLines('discrepancies between documents', diff.discrepancies, describeDiscrepancy));
  lines.push(...reportLines('unresolved references', diff.unresolved, describeUnresolved));

  const moved = diff.sourceLines;
  lines.push(
    `source lines only: ${moved.nodes} nodes, ${moved.relationships} relationships, ${moved.discrepancies} ` +
      `discrepancies and ${moved.unresolved} unresolved references moved to other lines` +
      (options.listSourceLines || moved.shifts.length === 0 ? '' : ' (--lines lists them)'),
  );
  if (options.listSourceLines) {
    for (const s of moved.shifts)
      lines.push(`    ${s.document ?? '?'}: ${s.before ?? '-'} → ${s.after ?? '-'}  ${s.what}`);
  }

  if (records === undefined) {
    lines.push('recorded results and evaluations: not checked (no database; give --records FILE to check a backup)');
  } else {
    lines.push(`recorded results and evaluations (${records.source}):`);
    lines.push(...subjectLines('would be orphaned (kept by the loader, reported as orphans)', records.orphaned));
    lines.push(...subjectLines('orphaned already, and still', records.stillOrphaned));
    lines.push(...subjectLines('attached again', records.reattached));
    lines.push(`  unaffected: ${records.unaffected} subjects`);
  }
  return lines;
}

/** What changed in one kind of entity (nodes, relationships): added, removed, and changed with each property. */
interface EntityChanges<T> {
  readonly added: readonly T[];
  readonly removed: readonly T[];
  readonly changed: readonly (T & { readonly changes: readonly PropertyChange[] })[];
}

/**
 * One section of the report: the counts, then every entity under its group (a node's label, a relationship's
 * type), `+` added, `-` removed, `~` changed followed by one line per changed property.
 */
function entityLines<T>(
  title: string,
  entities: EntityChanges<T>,
  groupOf: (entity: T) => string,
  describe: (entity: T) => string,
): string[] {
  const lines = [
    `${title}: ${entities.added.length} added, ${entities.removed.length} removed, ${entities.changed.length} changed`,
  ];
  const entries = [
    ...entities.added.map((entity) => ({ group: groupOf(entity), entity, mark: '+', changes: [] })),
    ...entities.removed.map((entity) => ({ group: groupOf(entity), entity, mark: '-', changes: [] })),
    ...entities.changed.map((entity) => ({ group: groupOf(entity), entity, mark: '~', changes: entity.changes })),
  ];
  for (const [group, members] of grouped(entries)) {
    lines.push(`  ${group}`);
    for (const { entity, mark, changes } of members) {
      lines.push(`    ${mark} ${describe(entity)}`);
      for (const c of changes) lines.push(`        ${c.property}: ${shown(c.before)} → ${shown(c.after)}`);
    }
  }
  return lines;
}

function grouped<T extends { readonly group: string }>(entries: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const entry of entries) groups.set(entry.group, [...(groups.get(entry.group) ?? []), entry]);
  return groups;
}

function named(node: NodeSummary): string {
  return node.name === undefined ? node.id : `${node.id} ${node.name}`;
}

function linked(link: RelationshipSummary): string {
  const end = (id: string, name: string | undefined) => (name === undefined ? id : `${id} ${name}`);
  return `${end(link.from, link.fromName)} → ${end(link.to, link.toName)}`;
}

// JSON text: strings quoted with their line breaks visible, lists bracketed, absence said.
function shown(value: PropertyValue | undefined): string {
  return value === undefined ? '(absent)' : JSON.stringify(value);
}

function reportLines<T>(title: string, changes: ReportChanges<T>, describe: (entry: T) => string): string[] {
  return [
    `${title}: ${changes.added.length} new, ${changes.removed.length} gone`,
    ...changes.added.map((e) => `    + ${describe(e)}`),
    ...changes.removed.map((e) => `    - ${describe(e)}`),
  ];
}

function describeDiscrepancy(d: Discrepancy): string {
  return `${d.sourceDocument}:${d.sourceLine}: ${d.subject}: ${d.message}`;
}

function describeUnresolved(u: UnresolvedReference): string {
  return `${u.sourceDocument}:${u.sourceLine}: ${u.from} names ${u.kind} '${u.name}'`;
}

function subjectLines(title: string, subjects: readonly RecordedSubjectEntry[]): string[] {
  return [
    `  ${title}: ${subjects.length}`,
    ...subjects.map(
      (s) => `    ${s.name === undefined ? s.subject : `${s.subject} ${s.name}`}: ${s.records} revision(s)`,
    ),
  ];
}
