import type { FinalChapter, FinalPolicyItem } from '../final-plan';
import { nameKey } from '../text';
import type { LinkageMatrix } from '../linkage-plan';
import type { Corrections } from '../corrections';
import type { DepartmentGlossary } from '../reference';
import type { PolicyItemRecord, RevisionSheetDocument } from '../revision-sheet';
import type { GraphBuilder } from './graph-builder';
import { nodeId, sortKey } from './ids';
import type { MeasureIndex } from './measure-index';
import { mergeMeasures } from './measures.merge';
import { mergeItemDetails } from './item-details.merge';
import type { Reference } from './read-documents';

/**
 * Fields and policy items. The six fields come from the reference table, provenance from the chapter
 * (fields 5, 6) or the matrix (fields 1–4) that names them. The 38 items exist from 004's matrix; the 11
 * of fields 5 and 6 are detailed: final name, visions, indicators and measures from 001, survey, SDGs,
 * projects, related plans and departments from the draft sheets (000/002), matched by item code.
 */
export function mergePolicyItems(
  graph: GraphBuilder,
  chapters: readonly FinalChapter[],
  sheets: readonly RevisionSheetDocument[],
  matrix: LinkageMatrix,
  reference: Reference,
  measures: MeasureIndex,
  corrections: Corrections,
): void {
  const finalItems = new Map(chapters.flatMap((c) => c.items.map((item) => [item.code, item] as const)));
  const draftItems = new Map(sheets.flatMap((s) => s.policyItems.map((item) => [item.code, item] as const)));

  for (const field of reference.fields) {
    const chapter = chapters.find((c) => c.fieldNumber === field.number);
    const matrixField = matrix.fields.find((f) => f.number === field.number);
    const source = chapter?.source ?? matrixField?.source;
    if (!source) throw new Error(`field ${field.number} (${field.name}) is named by no document`);
    const named = chapter?.fieldName ?? matrixField?.name ?? field.name;
    if (nameKey(named) !== nameKey(field.name)) {
      graph.discrepancy(
        `field ${field.number}`,
        `the document names it ${named}, the reference table ${field.name}`,
        source,
      );
    }
    graph.node('Field', nodeId('Field', String(field.number)), source, {
      number: field.number,
      name: field.name,
      nameEn: field.nameEn,
      slogan: chapter?.slogan,
      sortKey: sortKey(String(field.number)),
    });
  }

  for (const row of matrix.rows) {
    const id = nodeId('PolicyItem', row.code);
    const final = finalItems.get(row.code);
    if (final) {
      const draft = draftItems.get(row.code);
      if (!draft)
        throw new Error(
          `${final.source.document}:${final.source.line}: policy item ${row.code} has no draft revision sheet`,
        );
      if (nameKey(row.name) !== final.matchKey && nameKey(row.name) !== nameKey(final.name)) {
        graph.discrepancy(
          `policy item ${row.code}`,
          `the matrix names it ${row.name}, the final text ${final.name}`,
          row.source,
        );
      }
      mergeDetailedItem(graph, id, final, draft, measures, reference.glossary, corrections);
    } else {
      graph.node('PolicyItem', id, row.source, {
        code: row.code,
        fieldNumber: row.fieldNumber,
        number: Number(row.code.split('-')[1]),
        name: row.name,
        detailed: false,
        sortKey: sortKey(row.code),
      });
    }
    graph.relate('HAS_ITEM', nodeId('Field', String(row.fieldNumber)), id, row.source);
  }

  for (const code of finalItems.keys()) {
    if (!matrix.rows.some((row) => row.code === code)) {
      const item = finalItems.get(code);
      if (item)
        graph.discrepancy(
          `policy item ${code}`,
          'described in the final text but missing from the matrix',
          item.source,
        );
    }
  }
}

function mergeDetailedItem(
  graph: GraphBuilder,
  id: string,
  final: FinalPolicyItem,
  draft: PolicyItemRecord,
  measures: MeasureIndex,
  glossary: DepartmentGlossary,
  corrections: Corrections,
): void {
  const draftName = draft.newName ?? draft.name;
  if (nameKey(draftName) !== nameKey(final.name)) {
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
    surveyImportance: importanceAligned(draft),
    satisfactionRank: survey.satisfaction.rank,
    importanceRank: survey.importance.rank,
    rankOutOf: survey.satisfaction.rankOutOf,
    satisfactionRateQuestion: final.satisfaction.question,
    satisfactionRatePercent: final.satisfaction.percent,
  });
  for (const sdg of draft.sdgs) {
    graph.relate('CONTRIBUTES_TO', id, nodeId('Sdg', String(sdg.goal)), sdg.source);
  }
  mergeMeasures(graph, id, final, draft, measures, glossary);
  mergeItemDetails(graph, id, final, draft, corrections);
}

/** Importance scores in the satisfaction row's year order (both rows are printed for the same years). */
function importanceAligned(draft: PolicyItemRecord): number[] {
  return draft.survey.satisfaction.scores.map((s) => {
    const match = draft.survey.importance.scores.find((i) => i.fiscalYear.label === s.fiscalYear.label);
    if (!match)
      throw new Error(
        `${draft.survey.source.document}:${draft.survey.source.line}: no importance score for ${s.fiscalYear.label}`,
      );
    return match.value;
  });
}
