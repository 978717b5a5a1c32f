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
import { filledTexts, type TabRow } from '../tab-row';
import { readPieces } from '../pieces';
import { readSections, requireSection, startsSheetPiece, type SectionKind, type SheetSection } from './sheet-sections';
import { nameKey } from '../../core/text/index';
import { cellText } from '../tab-row';
import { readVisions } from './visions';

/**
 * Reads a revision-sheet document (000: field 5, 002: field 6): the field heading `5. 市民生活分野`, then
 * one sheet per policy item, each opened by `施策大項目 N. name`. Every part of a sheet is found by its
 * label; see the section readers for the layouts each part comes in.
 */
export function parseRevisionSheets(doc: SourceDocument): RevisionSheetDocument {
  const rows = readPieces(doc, { first: 1, last: doc.lines.length }, startsSheetPiece);
  const field = readFieldHeading(doc, rows);
  const headings = rows.flatMap((row, i) => (row.line > field.line && isPolicyItemHeading(row) ? [i] : []));
  if (headings.length === 0)
    throw new ParseError(doc.ref(field.line), 'a 施策大項目 heading after the field heading', doc.line(field.line));
  const policyItems = headings.map((index, i) => {
    const row = rows[index] as TabRow;
    const heading = readPolicyItemHeading(doc, row);
    if (heading.number !== i + 1) throw new ParseError(row.source, `policy item number ${i + 1}`, row.raw);
    const sheet = rows.slice(index + 1, headings[i + 1] ?? rows.length);
    return readPolicyItem(doc, field.number, heading, readSections(doc, sheet));
  });
  return {
    document: doc.name,
    fieldNumber: field.number,
    fieldName: field.name,
    policyItems,
    source: doc.ref(field.line),
  };
}

/** `5. 市民生活分野` or `## 6. 行財政経営分野`: the first such piece before the first sheet. */
function readFieldHeading(
  doc: SourceDocument,
  rows: readonly TabRow[],
): { number: number; name: string; line: number } {
  for (const row of rows) {
    if (isPolicyItemHeading(row)) break;
    const text = foldWidth(
      filledTexts(row)
        .join(' ')
        .replace(/^#+\s*/, ''),
    );
    const match = /^(\d+)\s*\.\s*(.+?)分野$/.exec(text);
    if (match) return { number: Number(match[1]), name: cellText(match[2] ?? ''), line: row.line };
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
