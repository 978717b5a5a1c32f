import type { FinalPolicyItem } from '../final-plan';
import type { MatrixRow } from '../linkage-plan';
import type { PolicyItemRecord } from '../revision-sheet';
import { nameKey } from '../../core/text/index';
import { nodeId, sortKey } from './ids';
import { mergeItemDetails } from './item-details.merge';
import type { DetailedItem, MergeContext } from './merge-context';
import { MergeError } from './merge-error';
import { mergeMeasures } from './measures.merge';

/**
 * The six fields come from the reference table, their provenance from the chapter (fields 5, 6) or the
 * matrix (fields 1–4) that names them; a document naming a field otherwise than the table is reported.
 */
export function mergeFields({ graph, sources }: MergeContext): void {
  const { chapters } = sources.finalPlan;
  const { matrix } = sources.linkagePlans;
  for (const field of sources.reference.fields) {
    const chapter = chapters.find((c) => c.fieldNumber === field.number);
    const matrixField = matrix.fields.find((f) => f.number === field.number);
    const named = chapter ? { name: chapter.fieldName, source: chapter.source } : matrixField;
    if (!named) throw new MergeError(field.source, `no document names field ${field.number} (${field.name})`);
    if (nameKey(named.name) !== nameKey(field.name)) {
      graph.discrepancy(
        `field ${field.number}`,
        `the document names it ${named.name}, the reference table ${field.name}`,
        named.source,
      );
    }
    graph.node('Field', nodeId('Field', String(field.number)), named.source, {
      number: field.number,
      name: field.name,
      nameEn: field.nameEn,
      slogan: chapter?.slogan,
      sortKey: sortKey(String(field.number)),
    });
  }
}

/**
 * Policy items. The 38 items exist from 004's matrix; the 11 of fields 5 and 6 are detailed: final name,
 * visions, indicators and measures from 001, survey, SDGs, projects, related plans and departments from the
 * draft sheets (000/002), matched by item code. An item of the final text the matrix lacks is reported.
 */
export function mergePolicyItems(context: MergeContext): void {
  const { graph, sources } = context;
  const finalItems = new Map(sources.finalPlan.chapters.flatMap((c) => c.items.map((item) => [item.code, item])));
  const draftItems = new Map(sources.revisionSheets.flatMap((s) => s.policyItems.map((item) => [item.code, item])));
  const { rows } = sources.linkagePlans.matrix;

  for (const row of rows) {
    const id = nodeId('PolicyItem', row.code);
    const final = finalItems.get(row.code);
    if (final) mergeDetailedItem(context, { id, final, draft: requireDraft(final, draftItems) }, row);
    else mergeOutlineItem(context, id, row);
    graph.relate('HAS_ITEM', nodeId('Field', String(row.fieldNumber)), id, row.source);
  }

  for (const [code, item] of finalItems) {
    if (!rows.some((row) => row.code === code)) {
      graph.discrepancy(`policy item ${code}`, 'described in the final text but missing from the matrix', item.source);
    }
  }
}

function requireDraft(final: FinalPolicyItem, drafts: ReadonlyMap<string, PolicyItemRecord>): PolicyItemRecord {
  const draft = drafts.get(final.code);
  if (!draft) throw new MergeError(final.source, `policy item ${final.code} has no draft revision sheet`);
  return draft;
}

/** An item of fields 1–4: only the matrix describes it. */
function mergeOutlineItem({ graph }: MergeContext, id: string, row: MatrixRow): void {
  graph.node('PolicyItem', id, row.source, {
    code: row.code,
    fieldNumber: row.fieldNumber,
    number: Number(row.code.split('-')[1]),
    name: row.name,
    detailed: false,
    sortKey: sortKey(row.code),
  });
}

function mergeDetailedItem(context: MergeContext, item: DetailedItem, row: MatrixRow): void {
  const { graph } = context;
  const { id, final, draft } = item;
  if (nameKey(row.name) !== final.matchKey) {
    graph.discrepancy(
      `policy item ${row.code}`,
      `the matrix names it ${row.name}, the final text ${final.name}`,
      row.source,
    );
  }
  const draftName = draft.newName ?? draft.name;
  if (nameKey(draftName) !== final.matchKey) {
    graph.discrepancy(
      `policy item ${final.code}`,
      `the draft names it ${draftName}, the final text ${final.name}`,
      draft.source,
    );
  }
  const survey = draft.survey;
  graph.node('PolicyItem', id, final.source, {
    code: final.code,
    fieldNumber: final.fieldNumber,
    number: final.number,
    name: final.name,
    previousName: draft.renamed ? draft.name : null,
    detailed: true,
    sortKey: sortKey(final.code),
    visions: final.visions.map((v) => v.text),
    // The visions as one text, for search (the full-text index covers string properties, not lists).
    visionText: final.visions.map((v) => v.text).join('\n'),
    collaboration: [...final.collaboration],
    surveyQuestion: survey.question,
    surveyYearLabels: survey.satisfaction.scores.map((s) => s.fiscalYear.label),
    surveyYears: survey.satisfaction.scores.map((s) => s.fiscalYear.year),
    surveySatisfaction: survey.satisfaction.scores.map((s) => s.value),
    // Both rows are read against the one header of survey years, so their scores share the years' order.
    surveyImportance: survey.importance.scores.map((s) => s.value),
    satisfactionRank: survey.satisfaction.rank,
    importanceRank: survey.importance.rank,
    rankOutOf: survey.satisfaction.rankOutOf,
    satisfactionRateQuestion: final.satisfaction.question,
    satisfactionRatePercent: final.satisfaction.percent,
    // The declared figures, stored as the parser read them (src/graph/kinds/policy-item.kind.ts).
    ...final.figures,
  });
  for (const sdg of draft.sdgs) {
    graph.relate('CONTRIBUTES_TO', id, nodeId('Sdg', String(sdg.goal)), sdg.source);
  }
  mergeMeasures(context, item);
  mergeItemDetails(context, item);
}
