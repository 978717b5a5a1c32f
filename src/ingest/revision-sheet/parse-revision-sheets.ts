import { ParseError } from '../parse-error';
import type { SourceDocument } from '../source-document';
import { foldWidth } from '../../core/text/index';
import { readCitizenSurvey } from './citizen-survey';
import { readIndicatorProposals } from './indicator-proposals';
import { readMeasures } from './measures';
import {
  isPolicyItemHeading,
  type PolicyItemHeading,
  readPolicyItemHeading,
  readRenameAnswer,
  type RenameAnswer,
} from './policy-item-heading';
import { readProjects } from './projects';
import { readRelatedPlans } from './related-plans';
import { readRelatedSdgs } from './related-sdgs';
import type { PolicyItemRecord, RevisionSheetDocument } from './records';
import { filledTexts, readTabRow } from '../tab-row';
import { readSections, requireSection, type SectionKind, type SheetSection } from './sheet-sections';
import { nameKey } from '../../core/text/index';
import { cellText } from '../tab-row';
import { readVisions } from './visions';

/**
 * Reads a revision-sheet document (000: field 5, 002: field 6): the field heading `5. 市民生活分野`, then
 * one sheet per policy item, each opened by `施策大項目 N. name`. Every part of a sheet is found by its
 * label; see the section readers for the layouts each part comes in.
 */
export function parseRevisionSheets(doc: SourceDocument): RevisionSheetDocument {
  const field = readFieldHeading(doc);
  const headingLines = doc.lines.flatMap((_, i) =>
    i + 1 > field.line && isPolicyItemHeading(readTabRow(doc, i + 1)) ? [i + 1] : [],
  );
  if (headingLines.length === 0)
    throw new ParseError(doc.ref(field.line), 'a 施策大項目 heading after the field heading', doc.line(field.line));
  const policyItems = headingLines.map((line, i) => {
    const heading = readPolicyItemHeading(doc, readTabRow(doc, line));
    if (heading.number !== i + 1) throw new ParseError(doc.ref(line), `policy item number ${i + 1}`, doc.line(line));
    const last = (headingLines[i + 1] ?? doc.lines.length + 1) - 1;
    return readPolicyItem(doc, field.number, heading, readSections(doc, { first: line + 1, last }));
  });
  return {
    document: doc.name,
    fieldNumber: field.number,
    fieldName: field.name,
    policyItems,
    source: doc.ref(field.line),
  };
}

/** `5. 市民生活分野` or `## 6. 行財政経営分野`: the first such line before the first sheet. */
function readFieldHeading(doc: SourceDocument): { number: number; name: string; line: number } {
  for (let line = 1; line <= doc.lines.length; line += 1) {
    const row = readTabRow(doc, line);
    if (isPolicyItemHeading(row)) break;
    const text = foldWidth(
      filledTexts(row)
        .join(' ')
        .replace(/^#+\s*/, ''),
    );
    const match = /^(\d+)\s*\.\s*(.+?)分野$/.exec(text);
    if (match) return { number: Number(match[1]), name: cellText(match[2] ?? ''), line };
  }
  throw new ParseError(
    doc.ref(1),
    'a field heading such as "5. 市民生活分野" before the first 施策大項目',
    doc.line(1),
  );
}

function readPolicyItem(
  doc: SourceDocument,
  fieldNumber: number,
  heading: PolicyItemHeading,
  sections: ReadonlyMap<SectionKind, SheetSection>,
): PolicyItemRecord {
  const code = `${fieldNumber}-${heading.number}`;
  const section = (kind: SectionKind, label: string): SheetSection =>
    requireSection(sections, kind, label, doc, heading.line);
  if (heading.rename && sections.has('rename')) {
    throw new ParseError(
      doc.ref(heading.line),
      'one 大項目名の変更必要性 answer (it is on the heading line and below it)',
      doc.line(heading.line),
    );
  }
  const rename = heading.rename ?? readRenameSection(doc, heading, section('rename', '大項目名の変更必要性'));
  return {
    code,
    fieldNumber,
    number: heading.number,
    name: heading.name,
    matchKey: nameKey(heading.name),
    renamed: rename.renamed,
    newName: rename.newName,
    survey: readCitizenSurvey(doc, section('survey', '市民アンケート結果')),
    sdgs: readRelatedSdgs(doc, section('sdgs', '関連するSDGs')),
    indicatorProposals: readIndicatorProposals(doc, section('indicators', '「成果指標」「現状」の項目案')),
    visions: readVisions(doc, section('visions', 'めざす姿')),
    measures: readMeasures(doc, section('measures', '施策中項目'), code),
    relatedPlans: readRelatedPlans(doc, section('relatedPlans', '関連計画')),
    projects: readProjects(doc, section('projects', '主な事業一覧')),
    source: doc.ref(heading.line),
  };
}

function readRenameSection(doc: SourceDocument, heading: PolicyItemHeading, section: SheetSection): RenameAnswer {
  const answer = section.rows.flatMap((row) => filledTexts(row)).join(' ');
  return readRenameAnswer(doc, section.line, answer, heading.number, doc.line(section.line));
}
