import { type FiscalYear, parseFiscalYear } from '../fiscal-year';
import { ParseError } from '../parse-error';
import type { SourceDocument } from '../source-document';
import { nameKey } from '../../core/text/index';
import { type Contents, parseContents } from './contents';
import type { ReformArea, ReformContentsEntry, ReformSheet, ReformSheetDocument } from './records';
import { type SheetBody, parseSheet } from './sheet';
import { isSheetHeader } from './sheet-rows';
import { reformPieces } from './reform-pieces';
import type { TabRow } from '../tab-row';

/**
 * Reads 行政改革大綱 実施計画シート: the table of contents (front matter up to the first sheet header) and
 * every sheet (from one `本庄市行政改革大綱 R6年度実施計画シート` header to the next).
 *
 * Sheets print their area but not their number, and two sheets of area 1 share a name, so each sheet is
 * numbered by its position within its area and checked against the contents entry at that position.
 */
export function parseReformSheets(doc: SourceDocument): ReformSheetDocument {
  const rows = reformPieces(doc);
  const headers = sheetHeaders(rows);
  const firstHeader = headers[0];
  if (firstHeader === undefined) {
    throw new ParseError(doc.ref(1), 'sheets headed `本庄市行政改革大綱 R6年度実施計画シート`', doc.line(1));
  }
  const contents = parseContents(doc, rows.slice(0, firstHeader));
  const bodies = headers.map((header, index) => parseSheet(doc, rows.slice(header, headers[index + 1])));
  return {
    document: doc.name,
    planYear: planYear(headers.map((header) => rows[header]).filter((row) => row !== undefined)),
    areas: contents.areas,
    contents: contents.entries,
    sheets: numberSheets(doc, bodies, contents),
  };
}

/** The index of each row that is a sheet header (one cell, however its line was wrapped). */
function sheetHeaders(rows: readonly TabRow[]): number[] {
  return rows.flatMap((row, index) => (isSheetHeader(row.cells.join(' ')) ? [index] : []));
}

/** The plan year every sheet header names; sheets of two plan years in one document would be a mix-up. */
function planYear(headers: readonly TabRow[]): FiscalYear {
  let year: FiscalYear | null = null;
  for (const header of headers) {
    const text = header.cells.join(' ');
    const found = parseFiscalYear(text);
    if (!found || (year && found.label !== year.label)) {
      throw new ParseError(header.source, `a sheet header of plan year ${year?.label ?? 'R…'}`, text);
    }
    year = found;
  }
  if (!year) throw new Error('planYear is called with the sheet headers found, at least one');
  return year;
}

function numberSheets(doc: SourceDocument, bodies: readonly SheetBody[], contents: Contents): ReformSheet[] {
  const seenPerArea = new Map<number, number>();
  const sheets = bodies.map((body) => {
    const area = requireArea(body, contents.areas);
    const number = (seenPerArea.get(area.number) ?? 0) + 1;
    seenPerArea.set(area.number, number);
    const entry = requireEntry(body, area, number, contents.entries);
    return { code: `${area.number}-${number}`, area: area.number, number, ...body.printed, page: entry.page };
  });
  const unmatched = contents.entries.find((entry) => entry.number > (seenPerArea.get(entry.area) ?? 0));
  if (unmatched) {
    throw new ParseError(
      unmatched.source,
      `a sheet for contents entry ${unmatched.area}-${unmatched.number}`,
      doc.line(unmatched.source.line),
    );
  }
  return sheets;
}

/** The sheet's 改革分野 must be one of the contents' areas, by number and name. */
function requireArea(body: SheetBody, areas: readonly ReformArea[]): ReformArea {
  const { number, name, source } = body.areaLabel;
  const area = areas.find((candidate) => candidate.number === number);
  if (!area || nameKey(area.name) !== nameKey(name)) {
    const known = areas.map((candidate) => `${candidate.number}. ${candidate.name}`).join(', ');
    throw new ParseError(source, `an area of the contents (${known})`, `${number}. ${name}`);
  }
  return area;
}

/** The contents entry at the sheet's position must carry the sheet's name (compared by nameKey: `S N S` = `SNS`). */
function requireEntry(
  body: SheetBody,
  area: ReformArea,
  number: number,
  entries: readonly ReformContentsEntry[],
): ReformContentsEntry {
  const entry = entries.find((candidate) => candidate.area === area.number && candidate.number === number);
  if (!entry) {
    throw new ParseError(
      body.printed.source,
      `a contents entry ${area.number}-${number} for this sheet`,
      body.printed.name,
    );
  }
  if (nameKey(entry.name) !== nameKey(body.printed.name)) {
    throw new ParseError(
      body.nameSource,
      `the name of contents entry ${area.number}-${number} "${entry.name}" (line ${entry.source.line})`,
      body.printed.name,
    );
  }
  return entry;
}
