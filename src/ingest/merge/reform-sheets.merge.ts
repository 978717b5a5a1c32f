import type { DepartmentGlossary } from '../reference';
import type { ParticipantList } from '../reform-sheet';
import { tidy } from '../../core/text/index';
import { departmentId } from './department-id';
import type { GraphBuilder } from './graph-builder';
import { nodeId, sortKey } from './ids';
import type { MergeContext } from './merge-context';

/**
 * Reform areas and sheets (003). Departments are linked through the glossary (a name it does not know
 * stops the merge: the glossary must cover every department). Collective terms (全庁, 関係各課 …) stay on
 * the sheet as text. Supported measures are linked by name through the measure index; a name no document
 * describes (a field 1–4 measure, a chapter slogan) is kept on the sheet and reported, never invented.
 */
export function mergeReformSheets({ graph, sources, measures }: MergeContext): void {
  const doc = sources.reformSheets;
  const { glossary } = sources.reference;
  for (const area of doc.areas) {
    graph.node('ReformArea', nodeId('ReformArea', String(area.number)), area.source, {
      number: area.number,
      name: area.name,
      sortKey: sortKey(String(area.number)),
    });
  }
  for (const sheet of doc.sheets) {
    const id = nodeId('ReformSheet', sheet.code);
    const unresolved: string[] = [];
    for (const ref of sheet.supportedMeasures) {
      const measureId = measures.find(ref.name);
      if (measureId) {
        graph.relate('SUPPORTS', id, measureId, ref.source, { nameAsWritten: ref.name });
      } else {
        unresolved.push(tidy(ref.name));
        graph.unresolvedReference(id, 'measure', tidy(ref.name), ref.source);
      }
    }
    linkDepartments(graph, glossary, 'EXECUTES', sheet.executing, id);
    linkDepartments(graph, glossary, 'PARTNERS_ON', sheet.partners, id);
    graph.node('ReformSheet', id, sheet.source, {
      code: sheet.code,
      areaNumber: sheet.area,
      number: sheet.number,
      name: sheet.name,
      sortKey: sortKey(sheet.code),
      executingTerms: sheet.executing.terms.map((t) => t.name),
      partnerTerms: sheet.partners.terms.map((t) => t.name),
      partnerGroups: [...sheet.executing.groups, ...sheet.partners.groups].map((g) => g.name),
      partnersOpenEnded: sheet.partners.openEnded,
      startYearLabel: sheet.start.label,
      startYear: sheet.start.year,
      targetYearLabel: sheet.target.label,
      targetYear: sheet.target.year,
      viewpoint: sheet.viewpoint,
      supportedMeasuresText: sheet.supportedMeasuresText,
      unresolvedMeasureNames: unresolved,
      currentSituation: sheet.currentSituation?.text,
      actions: sheet.actions?.text,
      effects: sheet.effects?.text,
      yearlyTargetLabels: sheet.yearlyTargets.map((t) => t.year.label),
      yearlyTargetYears: sheet.yearlyTargets.map((t) => t.year.year),
      yearlyTargetTexts: sheet.yearlyTargets.map((t) => t.text),
      evaluation: sheet.yearEndEvaluation?.grade,
      notes: sheet.notes?.text,
      planChanged: sheet.planChanged,
      page: sheet.page,
      // The declared figures, stored as the parser read them (src/graph/kinds/reform-sheet.kind.ts).
      ...sheet.figures,
    });
    graph.relate('IN_AREA', id, nodeId('ReformArea', String(sheet.area)), sheet.source);
  }
}

function linkDepartments(
  graph: GraphBuilder,
  glossary: DepartmentGlossary,
  type: 'EXECUTES' | 'PARTNERS_ON',
  participants: ParticipantList,
  sheetId: string,
): void {
  for (const ref of participants.departments) {
    graph.relate(type, departmentId(glossary, ref.name, ref.source), sheetId, ref.source);
  }
}
