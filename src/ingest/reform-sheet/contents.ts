import { ParseError } from '../parse-error';
import type { SourceDocument } from '../source-document';
import { foldWidth } from '../../core/text/index';
import { parseAreaHeading } from './area-label';
import { requireEraYear } from './era-year';
import type { ReformArea, ReformContentsEntry } from './records';
import { matchKey } from '../../core/text/index';
import { type TabRow, columnOf, filledCells } from '../tab-row';

export interface Contents {
  readonly areas: readonly ReformArea[];
  readonly entries: readonly ReformContentsEntry[];
}

/** Column positions of one contents table, read from its header row (`計画名 | | 実行課 | 開始 | 終了 | 頁`). */
interface ContentsColumns {
  readonly departments: number;
  readonly start: number;
  readonly end: number;
  readonly page: number;
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
  const columns = readColumns(header);
  const entries = rows.map((row, index) => readEntry(row, columns, area, index + 1));
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

function readColumns(header: TabRow): ContentsColumns {
  const column = (label: string): number => {
    const index = columnOf(header, label);
    if (index < 0) throw new ParseError(header.source, `a ${label} column in the contents header`, header.raw);
    return index;
  };
  return { departments: column('実行課'), start: column('開始'), end: column('終了'), page: column('頁') };
}

function readEntry(row: TabRow, columns: ContentsColumns, area: ReformArea, expected: number): ReformContentsEntry {
  const number = Number(foldWidth(row.cells[0] ?? ''));
  if (!Number.isInteger(number) || number !== expected) {
    throw new ParseError(
      row.source,
      `contents entry number ${expected} of area ${area.number}`,
      row.cells[0] ?? row.raw,
    );
  }
  const name = filledCells(row, 1, columns.departments)
    .map((cell) => cell.text)
    .join(' ');
  if (name === '') throw new ParseError(row.source, `the name of contents entry ${area.number}-${number}`, row.raw);
  const departments = (row.cells[columns.departments] ?? '').split(/[、,，\s]+/).filter((name) => name !== '');
  if (departments.length === 0) {
    throw new ParseError(row.source, `the 実行課 of contents entry ${area.number}-${number}`, row.raw);
  }
  const endText = row.cells[columns.end] ?? '';
  const pageText = foldWidth(row.cells[columns.page] ?? '');
  if (pageText !== '' && !/^\d+$/.test(pageText)) {
    throw new ParseError(row.source, `a page number for contents entry ${area.number}-${number}`, pageText);
  }
  return {
    area: area.number,
    number,
    name,
    executingDepartments: departments,
    start: requireEraYear(
      row,
      row.cells[columns.start] ?? '',
      `the start year of contents entry ${area.number}-${number}`,
    ),
    end:
      endText === '' ? null : requireEraYear(row, endText, `the end year of contents entry ${area.number}-${number}`),
    page: pageText === '' ? null : Number(pageText),
    source: row.source,
  };
}
