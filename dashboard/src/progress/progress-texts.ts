import type { Language } from '../common/i18n';

/**
 * Texts only the progress overview uses since it counts by outlook and per SDG: kept in its chunk, out of the
 * script every first visit loads (the heatmap's budget has little to spare).
 */
const PROGRESS_TEXTS = {
  countBy: { ja: '数え方', en: 'Count by' },
  byGrade: { ja: '年度の評価', en: 'Grade in the year' },
  byOutlook: { ja: '目標年度までの見通し', en: 'Outlook by the target year' },
  byFieldOutlook: { ja: '分野別の成果指標の見通し', en: 'Indicators by outlook, per field' },
  byDepartmentOutlook: { ja: '部署別の成果指標の見通し', en: 'Indicators by outlook, per department' },
  bySdg: { ja: 'SDG別の成果指標の評価', en: 'Indicators by grade, per SDG' },
  bySdgOutlook: { ja: 'SDG別の成果指標の見通し', en: 'Indicators by outlook, per SDG' },
  outlookCounting: {
    ja: '見通しは年度によらず、各成果指標の最新の実績から、目標年度までに目標値に届くかを判定します。',
    en: 'An outlook is not of the year: it says, from each indicator’s latest result, whether the target will be met by the target year.',
  },
  sdgCounting: {
    ja: '複数のSDGsに関わる施策大項目の成果指標は、それぞれのSDGで数えます。',
    en: 'An indicator whose policy item serves several SDGs counts in each.',
  },
  outlookScale: { ja: '見通しの区分', en: 'Outlooks' },
} as const;

export function progressText(language: Language, key: keyof typeof PROGRESS_TEXTS): string {
  return PROGRESS_TEXTS[key][language];
}
