import { ParseError } from '../parse-error';
import type { SourceDocument } from '../source-document';
import { firstFilledIndex, isLayoutRow, replaceCell, type TabRow } from '../tab-row';

/**
 * The parts of one 施策大項目 sheet, each opened by a label in the first filled cell of a line. Labels
 * are the only stable landmarks: the same part is laid out differently from sheet to sheet.
 */
export type SectionKind =
  | 'rename'
  | 'survey'
  | 'voices'
  | 'sdgs'
  | 'indicators'
  | 'comparisonHeading'
  | 'situation'
  | 'visions'
  | 'measures'
  | 'collaboration'
  | 'relatedPlans'
  | 'projects';

// A label cell may go on with the section's first value (`大項目名の変更必要性 なし`), so each pattern
// matches the whole label, with the qualifiers some sheets add, and only that prefix is removed. A table's
// column-header row (`計画名 期間 概要 …`, `事業名 事業概要 …`) may come before the labelled row, so it opens
// the same section.
const QUALIFIER = String.raw`\s*[(（][^)）]*[)）]`;
const LABELS: ReadonlyArray<readonly [SectionKind, RegExp]> = [
  ['rename', /^大項目名の変更必要性/],
  ['survey', /^市民アンケート結果/],
  ['voices', /^市民の声/],
  ['sdgs', new RegExp(`^関連するSDGs(?:${QUALIFIER})?`)],
  ['indicators', new RegExp(`^「成果指標」\\s*「現状」の\\s*項目案(?:${QUALIFIER})?`)],
  ['comparisonHeading', new RegExp(`^現行計画の内容(?:\\s*次期計画素案における変更・加除(?:${QUALIFIER})?)?`)],
  ['situation', /^現況と課題/],
  ['visions', /^めざす姿/],
  ['measures', /^施策中項目/],
  ['collaboration', /^協働による取組/],
  ['relatedPlans', /^(?:関連計画|計画名$)/],
  ['projects', new RegExp(`^(?:主な事業一覧(?:${QUALIFIER})?|事業名$)`)],
];

export interface SheetSection {
  readonly kind: SectionKind;
  /** The line of the label that opened the section. */
  readonly line: number;
  /** The section's rows that hold text once the label is removed from its cell (positions kept). */
  readonly rows: readonly TabRow[];
}

function labelOf(cell: string): { readonly kind: SectionKind; readonly rest: string } | null {
  for (const [kind, pattern] of LABELS) {
    const match = pattern.exec(cell);
    if (match) return { kind, rest: cell.slice(match[0].length).trim() };
  }
  return null;
}

/**
 * What starts a piece of a sheet (`readPieces`): an entry mark (`●`, `- `, `※`, `【`, `←`, a circled or
 * `1.`/`(1)`/`1 ` number), a section label, or a label of a sheet's fixed fields (`施策大項目`,
 * `評価回答部署`; `内容` and `新規` as words of their own, before a space, a bullet or `- ` (a break may drop the
 * space between the status and its entry), as prose never has them). Any other line goes on with the piece above, and
 * so does anything after a label or status that a value follows: `施策大項目` its number
 * (`**4. 防犯対策の推進**`), `←変更あり` and `新規` their text (`●…`), a bracketed note
 * (`【順番の入替】`) what it notes (`1 窓口サービスの向上`).
 */
const ENTRY = /^(?:[●○◯※【▲■・←#①-⑳]|-(?:\s|$)|\(?\d+\s*[.．)）]|\d+\s)/;
const FIELD_LABEL = /^(?:施策大項目|評価回答部署|(?:内容|新規)(?=\s|$|[●○・<]|-\s))/;

const AWAITS_VALUE = /(?:^施策大項目|^←\s*変更あり|^新規|【[^】]*】)\s*$/;

export function startsSheetPiece(text: string, above: string): boolean {
  if (AWAITS_VALUE.test(above)) return false;
  return ENTRY.test(text) || FIELD_LABEL.test(text) || labelOf(text) !== null;
}

/**
 * Splits the rows of a sheet (the pieces after its heading) into labelled sections. Consecutive labels of one
 * kind (a measure row per `施策中項目`, a table header then its labelled first row) extend one section;
 * the same kind again after another section is an error, as is text before the first label.
 */
export function readSections(doc: SourceDocument, rows: readonly TabRow[]): Map<SectionKind, SheetSection> {
  const sections = new Map<SectionKind, { kind: SectionKind; line: number; rows: TabRow[] }>();
  let currentKind: SectionKind | null = null;
  for (const row of rows) {
    const line = row.line;
    if (isLayoutRow(row)) continue;
    const first = firstFilledIndex(row);
    const label = labelOf(row.cells[first] ?? '');
    if (label !== null && label.kind !== currentKind) {
      const earlier = sections.get(label.kind);
      if (earlier)
        throw new ParseError(
          doc.ref(line),
          `one ${label.kind} section per policy item (the first is at line ${earlier.line})`,
          row.raw,
        );
      sections.set(label.kind, { kind: label.kind, line, rows: [] });
      currentKind = label.kind;
    }
    const current = currentKind === null ? undefined : sections.get(currentKind);
    if (!current) throw new ParseError(doc.ref(line), 'a section label such as 市民アンケート結果', row.raw);
    const content = label === null ? row : replaceCell(row, first, label.rest);
    if (!isLayoutRow(content)) current.rows.push(content);
  }
  return new Map(sections);
}

/** The section of `kind`, or a ParseError at the item heading naming the missing label. */
export function requireSection(
  sections: ReadonlyMap<SectionKind, SheetSection>,
  kind: SectionKind,
  label: string,
  doc: SourceDocument,
  itemLine: number,
): SheetSection {
  const section = sections.get(kind);
  if (!section) throw new ParseError(doc.ref(itemLine), `a "${label}" section in this policy item`, doc.line(itemLine));
  return section;
}
