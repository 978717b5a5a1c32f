import { type FiscalYear, parseFiscalYear } from '../fiscal-year';
import { ParseError } from '../parse-error';
import type { SourceDocument } from '../source-document';
import { foldWidth } from '../../core/text/index';
import type { CitizenSurveyRecord, SurveyScaleRecord } from './records';
import { filledTexts, type TabRow } from '../tab-row';
import type { SheetSection } from './sheet-sections';
import { sheetProse } from './sheet-text';

/**
 * 市民アンケート結果: `項目名 <question>`, then a header row `調査年度 H24年 H28年 R3年 参考順位` and the
 * rows 満足度 and 重要度, each with one score per year column and a rank `11/36位`. Scores are matched
 * to years by their order among the filled cells, which drift with the tabs but keep their order.
 */
export function readCitizenSurvey(doc: SourceDocument, section: SheetSection): CitizenSurveyRecord {
  const [questionRow] = section.rows;
  const questionCells = questionRow ? filledTexts(questionRow) : [];
  if (!questionRow || questionCells[0] !== '項目名' || questionCells.length < 2) {
    throw new ParseError(doc.ref(section.line), '項目名 followed by the survey question', doc.line(section.line));
  }
  const header = rowLabelled(doc, section, '調査年度');
  const headerCells = filledTexts(header).slice(1);
  const years = headerCells.slice(0, -1).map((cell) => {
    const year = parseFiscalYear(cell);
    if (!year) throw new ParseError(doc.ref(header.line), 'survey years such as H24年', header.raw);
    return year;
  });
  if (years.length === 0 || headerCells[headerCells.length - 1] !== '参考順位') {
    throw new ParseError(doc.ref(header.line), '調査年度, the survey years, then 参考順位', header.raw);
  }
  return {
    question: sheetProse(questionCells.slice(1).join(' ')),
    satisfaction: readScale(doc, rowLabelled(doc, section, '満足度'), years),
    importance: readScale(doc, rowLabelled(doc, section, '重要度'), years),
    source: doc.ref(section.line),
  };
}

function rowLabelled(doc: SourceDocument, section: SheetSection, label: string): TabRow {
  const row = section.rows.find((candidate) => filledTexts(candidate)[0] === label);
  if (!row) throw new ParseError(doc.ref(section.line), `a ${label} row in 市民アンケート結果`, doc.line(section.line));
  return row;
}

function readScale(doc: SourceDocument, row: TabRow, years: readonly FiscalYear[]): SurveyScaleRecord {
  const cells = filledTexts(row)
    .slice(1)
    .map((cell) => foldWidth(cell));
  if (cells.length !== years.length + 1) {
    throw new ParseError(doc.ref(row.line), `${years.length} scores and a rank`, row.raw);
  }
  const scores = years.map((fiscalYear, i) => {
    const cell = (cells[i] ?? '').replace(/[−–]/g, '-');
    if (!/^-?\d+(?:\.\d+)?$/.test(cell))
      throw new ParseError(doc.ref(row.line), `a numeric score for ${fiscalYear.label}`, row.raw);
    return { fiscalYear, value: Number(cell) };
  });
  const rank = /^(\d+)\s*\/\s*(\d+)\s*位?$/.exec(cells[years.length] ?? '');
  if (!rank) throw new ParseError(doc.ref(row.line), 'a rank such as 11/36位', row.raw);
  return { scores, rank: Number(rank[1]), rankOutOf: Number(rank[2]), source: doc.ref(row.line) };
}
