import { text, type Language } from '../common/i18n';
import { OUTLOOK_COLOURS, OUTLOOK_STATUSES, outlookLabel, outlookStatusOf } from '../common/outlook';
import type { Grade, GroupCounts } from './progress-query';

/**
 * Where the progress summary counts an indicator in a year: one of the grades, or not gradable, or no result
 * yet. The view's columns, legend entries and the `grade` URL state all use these names.
 */
export type Standing = Grade | 'notGradable' | 'noResult';

export const STANDINGS: readonly Standing[] = ['S', 'A', 'B', 'C', 'D', 'notGradable', 'noResult'];

export function standingOf(value: string | undefined): Standing | null {
  return STANDINGS.find((standing) => standing === value) ?? null;
}

/** Best to worst, then grey for the two without a grade; the bars and the legend share them. */
export const STANDING_COLOURS: Readonly<Record<Standing, string>> = {
  S: '#1b5e20',
  A: '#4caf50',
  B: '#c0ca33',
  C: '#fb8c00',
  D: '#c62828',
  notGradable: '#8c8c8c',
  noResult: '#e0e0e0',
};

export function standingLabel(language: Language, standing: Standing): string {
  if (standing === 'notGradable') return text(language, 'notGradableShort');
  if (standing === 'noResult') return text(language, 'noResultShort');
  return standing;
}

/** The indicators a group counts under `standing` (as the API listed them with the count). */
function countedBy<T>(group: GroupCounts<T>, standing: Standing): readonly T[] {
  if (standing === 'notGradable') return group.notGradableIndicators;
  if (standing === 'noResult') return group.noResultIndicators;
  return group.grades.find((bar) => bar.grade === standing)?.indicators ?? [];
}

/** The group's count under `standing`, as the API gives it. */
function countOf(group: GroupCounts<unknown>, standing: Standing): number {
  if (standing === 'notGradable') return group.notGradable;
  if (standing === 'noResult') return group.noResult;
  return group.grades.find((bar) => bar.grade === standing)?.count ?? 0;
}

/**
 * One way of counting a group's indicators, a column each: by the year's grade (`grade` in the URL state) or by
 * outlook (`outlook`). The tables, the chosen count and the drill-down read the counts through it alone.
 */
export interface Counting {
  /** The URL state key that holds the chosen column. */
  readonly parameter: 'grade' | 'outlook';
  readonly columns: readonly string[];
  readonly colour: (column: string) => string;
  readonly label: (language: Language, column: string) => string;
  readonly count: (group: GroupCounts, column: string) => number;
  readonly counted: (group: GroupCounts, column: string) => readonly { readonly id: string }[];
}

export const BY_GRADE: Counting = {
  parameter: 'grade',
  columns: STANDINGS,
  colour: (column) => STANDING_COLOURS[standingOf(column) ?? 'noResult'],
  label: (language, column) => standingLabel(language, standingOf(column) ?? 'noResult'),
  count: (group, column) => countOf(group, standingOf(column) ?? 'noResult'),
  counted: (group, column) => countedBy(group, standingOf(column) ?? 'noResult'),
};

/** Outlooks are not of the year: each indicator's, from its latest recorded result. */
export const BY_OUTLOOK: Counting = {
  parameter: 'outlook',
  columns: OUTLOOK_STATUSES,
  colour: (column) => OUTLOOK_COLOURS[outlookStatusOf(column) ?? 'NOT_ASSESSED'],
  label: outlookLabel,
  count: (group, column) => group.outlooks.find((entry) => entry.status === column)?.count ?? 0,
  counted: (group, column) => group.outlooks.find((entry) => entry.status === column)?.indicators ?? [],
};
