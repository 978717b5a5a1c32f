import type { Language } from './i18n';

/**
 * An indicator's outlook (`Indicator.outlook`): will its target be met by the target year at the pace observed
 * since the baseline (ESCAP's progress classes, as Open SDG shows them). Used by the indicator page and the
 * progress overview only, so these texts stay out of the script every first visit loads.
 */
export type OutlookStatus =
  'TARGET_ACHIEVED' | 'ON_TRACK' | 'NEEDS_ACCELERATION' | 'LIMITED_PROGRESS' | 'DETERIORATION' | 'NOT_ASSESSED';

/** Best to worst, then not assessed: the enum's order, as `outlooks` counts list them. */
export const OUTLOOK_STATUSES: readonly OutlookStatus[] = [
  'TARGET_ACHIEVED',
  'ON_TRACK',
  'NEEDS_ACCELERATION',
  'LIMITED_PROGRESS',
  'DETERIORATION',
  'NOT_ASSESSED',
];

export function outlookStatusOf(value: string | undefined): OutlookStatus | null {
  return OUTLOOK_STATUSES.find((status) => status === value) ?? null;
}

/**
 * Paul Tol's blue-to-red diverging scheme, which stays ordered and distinct for colour-blind readers; grey
 * for not assessed. Never colour alone: every use has the status's words beside it.
 */
export const OUTLOOK_COLOURS: Readonly<Record<OutlookStatus, string>> = {
  TARGET_ACHIEVED: '#364b9a',
  ON_TRACK: '#6ea6cd',
  NEEDS_ACCELERATION: '#fdb366',
  LIMITED_PROGRESS: '#f67e4b',
  DETERIORATION: '#a50026',
  NOT_ASSESSED: '#bbbbbb',
};

type Texts = Readonly<Record<string, { readonly ja: string; readonly en: string }>>;

const LABELS: Texts = {
  TARGET_ACHIEVED: { ja: '目標達成', en: 'Target achieved' },
  ON_TRACK: { ja: '達成の見込み', en: 'On track' },
  NEEDS_ACCELERATION: { ja: '加速が必要', en: 'Needs acceleration' },
  LIMITED_PROGRESS: { ja: '進捗がわずか', en: 'Limited progress' },
  DETERIORATION: { ja: '悪化', en: 'Deterioration' },
  NOT_ASSESSED: { ja: '判定不能', en: 'Not assessed' },
};

/** The thresholds are reference data the API does not list, so the meanings name none. */
const MEANINGS: Texts = {
  TARGET_ACHIEVED: {
    ja: '目標値に達している（上限・下限は守られている）',
    en: 'the target is reached (or the bound is kept)',
  },
  ON_TRACK: { ja: '今のペースで目標年度までに達成できる', en: 'at today’s pace the target is met by the target year' },
  NEEDS_ACCELERATION: { ja: '前進しているが、今のペースでは届かない', en: 'progress, but too slow to meet the target' },
  LIMITED_PROGRESS: { ja: '前進はわずか', en: 'little progress toward the target' },
  DETERIORATION: {
    ja: '目標から遠ざかっている、または上限・下限を満たさない',
    en: 'moving away from the target, or the bound is missed',
  },
  NOT_ASSESSED: {
    ja: '実績・現状値・目標値がない、または現状値の年度から時間が経っていない',
    en: 'no result, baseline or target yet, or no year since the baseline',
  },
};

/** Why an outlook is NOT_ASSESSED (`OutlookNotAssessedReason`), in words. */
const REASONS: Texts = {
  NO_BASELINE: {
    ja: '資料に数値の現状値がなく、ペースを測る起点がありません。',
    en: 'The documents print no numeric baseline to measure a pace from.',
  },
  NO_DISTANCE: {
    ja: '目標値が現状値と同じで上限・下限もなく、進むべき差がありません。',
    en: 'The target equals the baseline and has no bound: there is no distance to cover.',
  },
  NO_RESULT: { ja: 'まだ実績が記録されていません。', en: 'No result has been recorded yet.' },
  NO_TARGET: { ja: '資料に数値の目標値がありません。', en: 'The documents print no numeric target.' },
  NO_YEAR_AFTER_BASELINE: {
    ja: '最新の実績が現状値の年度以前で、ペースを測る期間がありません。',
    en: 'The latest result is of the baseline year or before: there is no year to measure a pace over.',
  },
};

/** The text of `key` in `texts`, or the key itself should the API add a value. */
function textOf(texts: Texts, key: string, language: Language): string {
  return texts[key]?.[language] ?? key;
}

/**
 * An indicator NOT_ASSESSED only because nothing is recorded yet (reason NO_RESULT) has simply not been judged
 * yet: 判定不能 ("cannot be judged") would say more than is true. Staff read the export's words for it
 * (未評価（実績未記録）, src/platform/export/kinds/indicator-export.ts), so the page says the same.
 */
const NOT_YET_ASSESSED = { ja: '未評価（実績未記録）', en: 'Not yet assessed (no result recorded)' } as const;

/** The status's words; for NOT_ASSESSED, `reason` (`OutlookNotAssessedReason`) tells a judgement not yet made. */
export function outlookLabel(language: Language, status: string, reason?: string | null): string {
  if (status === 'NOT_ASSESSED' && reason === 'NO_RESULT') return NOT_YET_ASSESSED[language];
  return textOf(LABELS, status, language);
}

export function outlookMeaning(language: Language, status: string): string {
  return textOf(MEANINGS, status, language);
}

export function outlookReason(language: Language, reason: string): string {
  return textOf(REASONS, reason, language);
}

/** The observed pace over the needed one, as the ratio reads: `ペース比 1.042`, `pace ratio 1.042`. */
export function paceRatio(language: Language, ratio: number): string {
  return `${language === 'en' ? 'pace ratio' : 'ペース比'} ${ratio.toFixed(3)}`;
}

/** A colour swatch (hidden from assistive technology) and the status's words (see outlookLabel for `reason`). */
export function OutlookBadge(props: {
  readonly status: string;
  readonly reason: string | null;
  readonly language: Language;
}) {
  const { status, reason, language } = props;
  const colour = OUTLOOK_COLOURS[outlookStatusOf(status) ?? 'NOT_ASSESSED'];
  return (
    <span class="outlook-badge" data-outlook={status} data-outlook-reason={reason ?? undefined}>
      <span class="swatch" style={{ background: colour }} aria-hidden="true" />
      {outlookLabel(language, status, reason)}
    </span>
  );
}
