import { ParseError } from '../parse-error';
import type { SourceDocument } from '../source-document';
import { foldWidth } from '../../core/text/index';
import { parseAreaHeading } from './area-label';
import { isEraYear, requireEraYear } from './era-year';
import type { ReformArea, ReformContentsEntry } from './records';
import { matchKey } from '../../core/text/index';
import { type TabRow, columnOf, filledTexts } from '../tab-row';

export interface Contents {
  readonly areas: readonly ReformArea[];
  readonly entries: readonly ReformContentsEntry[];
}

/**
 * Reads the front matter (its rows, `reformPieces`): the area headings of 目次 and one contents table per
 * area, each from its header row (`計画名 … 実行課`) to the next header. The tables carry no area label of
 * their own; they follow the headings' order, which the headings' page numbers confirm (each table starts
 * on its area's first page).
 */
export function parseContents(doc: SourceDocument, frontMatter: readonly TabRow[]): Contents {
  const areas: ReformArea[] = [];
  const tables: { header: TabRow; rows: TabRow[] }[] = [];
  let openTable: { header: TabRow; rows: TabRow[] } | null = null;

  for (const row of frontMatter) {
    if (isContentsHeader(row)) {
      openTable = { header: row, rows: [] };
      tables.push(openTable);
      continue;
    }
    if (openTable) {
      openTable.rows.push(row);
      continue;
    }
    const heading = parseAreaHeading(row.cells.join(' '));
    if (heading) areas.push({ ...heading, source: row.source });
  }

  if (areas.length === 0) {
    throw new ParseError(doc.ref(1), 'contents headings such as `改革分野1. 行政サービス改革 4`', doc.line(1));
  }
  const entries = tables.flatMap((table, index) => {
    const area = areas[index];
    if (!area) {
      throw new ParseError(
        table.header.source,
        `at most ${areas.length} contents tables, one per area heading`,
        table.header.raw,
      );
    }
    return readTable(table.header, table.rows, area);
  });
  const lastArea = areas[tables.length];
  if (lastArea) {
    throw new ParseError(
      lastArea.source,
      `a contents table for every area (found ${tables.length})`,
      doc.line(lastArea.source.line),
    );
  }
  return { areas, entries };
}

function isContentsHeader(row: TabRow): boolean {
  return matchKey(row.cells[0] ?? '') === matchKey('計画名') && columnOf(row, '実行課') > 0;
}

function readTable(header: TabRow, rows: readonly TabRow[], area: ReformArea): ReformContentsEntry[] {
  const entries = rows.map((row, index) => readEntry(row, area, index + 1));
  const firstPage = entries[0]?.page;
  if (area.page !== null && firstPage !== undefined && firstPage !== null && firstPage !== area.page) {
    throw new ParseError(
      rows[0]?.source ?? header.source,
      `the table of area ${area.number} to start on its heading's page ${area.page}`,
      `page ${firstPage}`,
    );
  }
  return entries;
}

/**
 * A contents row by what its cells are, not by the header's columns (a page break or a layout may leave the
 * header's columns and the rows' apart): its number, its name, the 実行課 right before the start year, the
 * start year and the end year if any (era years, `R5`), and the page number last.
 */
function readEntry(row: TabRow, area: ReformArea, expected: number): ReformContentsEntry {
  const [first, ...cells] = filledTexts(row);
  const code = `${area.number}-${expected}`;
  const number = Number(foldWidth(first ?? ''));
  if (!Number.isInteger(number) || number !== expected) {
    throw new ParseError(row.source, `contents entry number ${expected} of area ${area.number}`, first ?? row.raw);
  }
  const startAt = cells.findIndex(isEraYear);
  if (startAt < 0) throw new ParseError(row.source, `the start year of contents entry ${code} as an era year`, row.raw);
  const departments = (cells[startAt - 1] ?? '').split(/[、,，\s]+/).filter((name) => name !== '');
  const name = cells.slice(0, Math.max(0, startAt - 1)).join(' ');
  if (name === '') throw new ParseError(row.source, `the name of contents entry ${code}`, row.raw);
  const endText = isEraYear(cells[startAt + 1] ?? '') ? (cells[startAt + 1] ?? '') : '';
  const after = cells.slice(startAt + (endText === '' ? 1 : 2));
  const pageText = foldWidth(after[0] ?? '');
  if (after.length > 1 || (pageText !== '' && !/^\d+$/.test(pageText))) {
    throw new ParseError(row.source, `a page number for contents entry ${code}`, after.join(' '));
  }
  return {
    area: area.number,
    number,
    name,
    executingDepartments: departments,
    start: requireEraYear(row, cells[startAt] ?? '', `the start year of contents entry ${code}`),
    end: endText === '' ? null : requireEraYear(row, endText, `the end year of contents entry ${code}`),
    page: pageText === '' ? null : Number(pageText),
    source: row.source,
  };
}
