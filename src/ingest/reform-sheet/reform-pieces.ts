import { joinWrapped } from '../join-wrapped';
import type { SourceDocument } from '../source-document';
import { type TabRow, cellText, readWrappedTabRow } from '../tab-row';
import { matchKey } from '../../core/text/index';
import { SHEET_HEADER, SHEET_ROWS } from './sheet-rows';

/**
 * Document 003 as pieces in reading order (src/ingest/README.md): every piece of it is a row that its first
 * cell names, a label of the sheets' closed set (`SHEET_ROWS`, the sheet header, `改革分野` of a contents
 * heading) or a contents entry's number. A row goes on over the lines its cells were wrapped onto, each
 * piece under its cell, until a line whose first cell starts another label; a label broken over lines
 * (`R 6年度末の取` `組状況報告`) goes on while what it has so far is no label yet and, with the line's
 * text, still the start of one. Once a table row's label is whole, a line with text in the first column
 * starts a row, labelled or not (an unknown label is refused by the sheet's reader, on its own line); a
 * line of one cell (the theme, a heading, the front matter's text) goes on until a label. Blank lines and drawn rules (`-------`) belong to no piece and end none:
 * a sheet's rows are all labelled, so where a row ends is said by the next label, never by a width or a gap.
 * Each row keeps the line its first cell starts on.
 */
export function reformPieces(doc: SourceDocument): TabRow[] {
  const groups: number[][] = [];
  let label = '';
  let labelled = false;
  for (let n = 1; n <= doc.lines.length; n++) {
    if (isSkipped(doc, n)) continue;
    const first = firstCell(doc, n);
    const current = groups.at(-1);
    const starts =
      first !== '' && ((labelled && isLabel(labelKey(label))) || startsRow(label, first, labelAhead(doc, n)));
    if (current && !starts) {
      current.push(n);
      if (first !== '') label = joinWrapped(label, first);
    } else {
      groups.push([n]);
      label = first;
      labelled = doc.line(n).includes('\t');
    }
  }
  return groups.map((lines) => readWrappedTabRow(doc, lines));
}

/**
 * A blank line, or a rule the extraction drew under a block (`-------\t--`, its cells apart by a tab or by
 * spaces); a lone `-` would be text.
 */
function isSkipped(doc: SourceDocument, n: number): boolean {
  const raw = doc.line(n);
  return /^[-\s]*$/.test(raw) && (raw.trim() === '' || raw.includes('--'));
}

function firstCell(doc: SourceDocument, n: number): string {
  return cellText(doc.line(n).split('\t')[0] ?? '');
}

/** How far a label is looked for ahead: more than the longest label (the 施策中項目 row's). */
const LOOKAHEAD = 64;

/** The first cells of line `n` and of the lines after it, joined, up to `LOOKAHEAD` characters. */
function labelAhead(doc: SourceDocument, n: number): string {
  let text = firstCell(doc, n);
  for (let k = n + 1; k <= doc.lines.length && text.length < LOOKAHEAD; k++) {
    if (isSkipped(doc, k)) continue;
    const next = firstCell(doc, k);
    if (next !== '') text = joinWrapped(text, next);
  }
  return text;
}

/**
 * Whether first cell `first`, whose text with the first cells after it reads `ahead`, starts a row after a
 * row labelled `label` so far: it is an entry number or `ahead` starts with a label, and it does not finish
 * the row's own label.
 */
function startsRow(label: string, first: string, ahead: string): boolean {
  const key = labelKey(ahead);
  if (!LABEL_KEYS.some((start) => key.startsWith(start)) && !ENTRY_NUMBER.test(first)) return false;
  const sofar = labelKey(label);
  if (isLabel(sofar)) return true;
  const joined = labelKey(joinWrapped(label, ahead));
  return !LABEL_KEYS.some((start) => joined.startsWith(start) && start.length > sofar.length);
}

/** A contents entry's number: the whole first cell. */
const ENTRY_NUMBER = /^\d+$/;

function isLabel(key: string): boolean {
  return LABEL_KEYS.some((start) => key.startsWith(start)) || /^\d+$/.test(key);
}

/** A label compared by `matchKey`, a plan year (`R 6`, `R7`) read as any year. */
function labelKey(text: string): string {
  return matchKey(text).replace(/r\d+/g, 'r0');
}

const LABEL_KEYS: readonly string[] = [...SHEET_ROWS.map((row) => row.label), SHEET_HEADER].map(labelKey);
