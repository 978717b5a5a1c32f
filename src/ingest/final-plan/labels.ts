import { foldWidth, tidy } from '../../core/text/index';

/**
 * The section labels of a policy item in document 001, in the order they are printed. A label is a line of
 * its own, except the indicator table header (`成果指標 現状値 目標値`) and the satisfaction label, whose
 * question may follow on the same line. Labels are compared width-folded, so `取組内容（施策中項目）` with
 * full-width brackets is the same label.
 */
export type SectionKind =
  'vision' | 'indicators' | 'figures' | 'situation' | 'satisfaction' | 'measures' | 'collaboration';

export const SECTION_LABEL: Readonly<Record<SectionKind, string>> = {
  vision: 'めざす姿',
  indicators: '成果指標',
  figures: '数値で見る状況',
  situation: '現況と課題',
  satisfaction: '施策に係る市民満足度',
  measures: '取組内容(施策中項目)',
  collaboration: '協働による取組',
};

/**
 * Sections whose label may be followed by content on the same line, or by a paragraph no mark starts once
 * a blank line is lost (the sources under 数値で見る状況, which is not read).
 */
const LEADS_A_LINE: ReadonlySet<SectionKind> = new Set<SectionKind>(['indicators', 'figures', 'satisfaction']);

/** Whether the label of `kind` may be followed by content on its line (`成果指標 現状値 目標値`). */
export function leadsALine(kind: SectionKind): boolean {
  return LEADS_A_LINE.has(kind);
}

/** The chapter overview: the list of the chapter's policy items. */
export const OVERVIEW_LABEL = '施策大項目と関連するSDGs';

export interface SectionLabel {
  readonly kind: SectionKind;
  /** What follows the label on its line (the indicator header's column names, a satisfaction question). */
  readonly rest: string;
}

/** The section label this line is, or null. */
export function sectionLabel(text: string): SectionLabel | null {
  const line = normalised(text);
  // The leading labels are plain kanji and kana, which width folding leaves alone, so `rest` can be cut
  // from the unfolded line and keeps the question exactly as printed.
  const unfolded = tidy(text);
  for (const [kind, label] of Object.entries(SECTION_LABEL) as [SectionKind, string][]) {
    if (line === label) return { kind, rest: '' };
    // The space after the label is where a layout may break the line and drop it.
    if (LEADS_A_LINE.has(kind) && unfolded.startsWith(label)) {
      return { kind, rest: unfolded.slice(label.length).trimStart() };
    }
  }
  return null;
}

export function isOverviewLabel(text: string): boolean {
  return normalised(text) === OVERVIEW_LABEL;
}

function normalised(text: string): string {
  return tidy(foldWidth(text));
}
