import type { FinalMeasure, FinalPolicyItem } from '../final-plan';
import type { MeasureRecord } from '../revision-sheet';
import type { SourceRef } from '../source-document';
import { nameKey } from '../../core/text/index';
import { departmentId } from './department-id';
import { nodeId, sortKey } from './ids';
import type { DetailedItem, MergeContext } from './merge-context';
import { MergeError } from './merge-error';

/**
 * One item's measures: the final text (001) gives numbers, names, order and descriptions; the draft sheet
 * gives status and responsible departments. A draft row is paired with its final measure by name (its new
 * name when the draft renames it), then by its next-plan number; a pair whose names differ is kept under
 * the final name with the draft's as previousName. Deleted rows stay as DELETED measures without a number
 * (code `5-6-d3`: d + their old number).
 */
export function mergeMeasures(context: MergeContext, item: DetailedItem): void {
  const { graph } = context;
  const { final, draft } = item;
  const paired = new Set<FinalMeasure>();
  for (const row of draft.measures) {
    if (row.status === 'DELETED') {
      mergeDeletedMeasure(context, item, row);
      continue;
    }
    const measure = findFinal(final, row);
    if (!measure) {
      graph.discrepancy(
        `measure ${row.code}`,
        `the draft keeps ${row.newName ?? row.name} but the final text has no such measure`,
        row.source,
      );
      continue;
    }
    if (paired.has(measure)) {
      throw new MergeError(row.source, `a second draft row pairs with final measure ${measure.code}`);
    }
    paired.add(measure);
    if (row.nextNumber !== null && row.nextNumber !== measure.number) {
      graph.discrepancy(
        `measure ${measure.code}`,
        `the draft numbers it ${row.nextNumber}, the final text ${measure.number}`,
        row.statusSource,
      );
    }
    const id = nodeId('Measure', measure.code);
    const previousName = nameKey(row.name) === measure.matchKey ? null : row.name;
    graph.node('Measure', id, measure.source, {
      code: measure.code,
      number: measure.number,
      name: measure.name,
      previousName,
      description: measure.description,
      status: row.status,
      sortKey: sortKey(measure.code),
      ...responsibility(context, id, row),
      // The declared figures, stored as the parser read them (src/graph/kinds/measure.kind.ts).
      ...measure.figures,
    });
    graph.relate('HAS_MEASURE', item.id, id, measure.source);
    context.measures.add(id, [measure.name, previousName], measure.source);
  }
  for (const measure of final.measures) {
    if (!paired.has(measure)) {
      graph.discrepancy(
        `measure ${measure.code}`,
        'in the final text but on no draft row: its status and departments are unknown',
        measure.source,
      );
    }
  }
}

/** A measure the draft deletes: not in the final text, kept without a number so its history stays readable. */
function mergeDeletedMeasure(context: MergeContext, item: DetailedItem, row: MeasureRecord): void {
  const code = `${item.draft.code}-d${row.number}`;
  const id = nodeId('Measure', code);
  context.graph.node('Measure', id, row.source, {
    code,
    name: row.name,
    description: row.description,
    status: row.status,
    deletionReason: row.deletionReason,
    sortKey: sortKey(code),
    ...responsibility(context, id, row),
  });
  context.graph.relate('HAS_MEASURE', item.id, id, row.source);
  context.measures.add(id, [row.name], row.source);
}

function findFinal(final: FinalPolicyItem, row: MeasureRecord): FinalMeasure | undefined {
  const names = [row.newName, row.name].filter((n): n is string => n !== null).map(nameKey);
  return (
    final.measures.find((m) => names.includes(m.matchKey)) ??
    final.measures.find((m) => row.nextNumber !== null && m.number === row.nextNumber)
  );
}

/**
 * RESPONSIBLE_FOR links from the departments of the draft row (the change column's set when it gives one),
 * and the collective terms among them kept as text.
 */
function responsibility(
  { graph, sources }: MergeContext,
  measureId: string,
  row: MeasureRecord,
): { responsibleTerms: string[] } {
  const { glossary } = sources.reference;
  const names = row.newDepartments ?? row.departments;
  const source: SourceRef = row.newDepartments ? row.statusSource : row.source;
  const terms: string[] = [];
  for (const name of names) {
    if (glossary.isCollectiveTerm(name)) terms.push(name);
    else graph.relate('RESPONSIBLE_FOR', departmentId(glossary, name, source), measureId, source);
  }
  return { responsibleTerms: terms };
}
