import type { Language } from './i18n';

/**
 * Texts of the pages of one indicator or one reform sheet. A table of their own: those pages are chunks loaded
 * on demand, and texts only they use stay out of the script every first visit loads.
 */
const PAGE_TEXTS = {
  noIndicator: { ja: 'この ID の成果指標はありません', en: 'There is no indicator with this id' },
  noSheet: { ja: 'この ID の実施計画シートはありません', en: 'There is no reform sheet with this id' },
  definition: { ja: '定義', en: 'Definition' },
  unit: { ja: '単位', en: 'Unit' },
  direction: { ja: '方向', en: 'Direction' },
  directionINCREASE: { ja: '増やす（高いほどよい）', en: 'to increase (higher is better)' },
  directionDECREASE: { ja: '減らす（低いほどよい）', en: 'to decrease (lower is better)' },
  directionUNKNOWN: {
    ja: '不明（上限・下限の記載なし、かつ現状値なしまたは目標と同じ）',
    en: 'unknown (no bound, and no baseline or target equals it)',
  },
  baselineWhen: {
    ja: '計画策定時の値（資料に年度の記載なし。見通しでは参照データの基準年度の値とみなす：グラフの「現状値」）',
    en: "when the plan was drawn up (the documents give no year; the outlook takes it as of the reference file's baseline year, as charted)",
  },
  targetWhen: { ja: '計画期間 R5–R9（2023–2027年度）の目標', en: 'to reach within the plan period R5–R9 (2023–2027)' },
  source: { ja: '出典', en: 'Source' },
  ownerBasisMEASURE_ROW: {
    ja: '施策中項目の評価回答部署（参照データ、行の引用あり）',
    en: "on the measure's 評価回答部署 row (reference file, with cited lines)",
  },
  ownerBasisNAMED_BY_LINE: {
    ja: '指標の事業を担う課として資料に記載（参照データ、行の引用あり）',
    en: "named by a line about the indicator's programme (reference file, with cited lines)",
  },
  ownerBasisBY_POLICY_ITEM: {
    ja: '判断なし：施策大項目の全担当課',
    en: 'no judgement: every department of the policy item',
  },
  ownerEvidence: { ja: '担当の根拠', en: 'Why these departments' },
  yearsEvidence: { ja: '年度の根拠', en: 'What the years rest on' },
  yearsEvidenceLead: {
    ja: '資料は成果指標の現状値・目標値に年度を記していません。見通しの年度は次の行に基づく判断です（参照データ）。',
    en: 'The documents print no year beside the baseline and target; the outlook’s years are a judgement resting on these lines (reference file).',
  },
  methodCOMPOUND_GROWTH: { ja: '判定：年平均伸び率（複利）', en: 'status: compound annual growth' },
  methodLINEAR_GROWTH: {
    ja: '判定：年あたりの増減（直線。0以下の値、または基準値が小さく複利成長では過大になるため）',
    en: 'status: yearly steps (a value is 0 or below, or the base is too small for compound growth)',
  },
  methodBOUND: { ja: '判定：上限・下限を満たすか', en: 'status: bound kept or not' },
  projectionPACE_CARRIED_FORWARD: {
    ja: '見込み値：判定と同じ伸び方で目標年度まで延長',
    en: 'projection: the pace the status measures, carried on to the target year',
  },
  projectionPACE_CARRIED_FORWARD_CLAMPED: {
    ja: '見込み値：判定と同じ伸び方で延長し、単位の範囲内に補正',
    en: 'projection: the pace the status measures, carried forward and kept within the unit’s range',
  },
  recordedYears: { ja: '年度ごとの実績', en: 'Results per fiscal year' },
  fiscalYear: { ja: '年度', en: 'Fiscal year' },
  value: { ja: '実績値', en: 'Value' },
  achievementRate: { ja: '達成率', en: 'Achievement rate' },
  revision: { ja: '版', en: 'Revision' },
  recordedAt: { ja: '記録日時', en: 'Recorded at' },
  note: { ja: '備考', en: 'Note' },
  noResults: { ja: 'まだ実績が記録されていません。', en: 'No result has been recorded yet.' },
  allRetracted: { ja: '取消済み（有効な記録なし）', en: 'retracted (no record in force)' },
  showHistory: { ja: '変更履歴を表示', en: 'Show the history of changes' },
  hideHistory: { ja: '変更履歴を閉じる', en: 'Hide the history of changes' },
  history: { ja: '変更履歴', en: 'History of changes' },
  retracted: { ja: '取消', en: 'retracted' },
  inForce: { ja: '有効', en: 'in force' },
  downloadCsv: { ja: '実績をCSVでダウンロード', en: 'Download the results as CSV' },
  gradeScale: { ja: '評価の基準（達成率）', en: 'Grade scale (achievement rate)' },
  chartLabel: {
    ja: '現状値、年度ごとの実績値、目標に必要な道筋と今のペースでの見込みのグラフ',
    en: 'Chart of the baseline, the values per year, the path needed to the target and the projection',
  },
  neededPath: { ja: '目標に必要な道筋', en: 'Path needed to the target' },
  projection: { ja: '見込み（実績の直線の傾向）', en: 'Projection (straight-line trend of the results)' },
  projected: { ja: '見込み', en: 'Projected' },
  outlook: { ja: '目標年度までの見通し', en: 'Outlook by the target year' },
  chartTableNote: { ja: 'グラフと同じ値を下の表に示します。', en: 'The table below holds the same values.' },
  evaluations: { ja: '年度末評価', en: 'Year-end evaluations' },
  summary: { ja: '取組の概要', en: 'What was done' },
  noEvaluations: { ja: 'まだ評価が記録されていません。', en: 'No evaluation has been recorded yet.' },
  viewpoint: { ja: '改革の視点', en: 'Viewpoint' },
  currentSituation: { ja: '現状と課題', en: 'Current situation and issues' },
  actions: { ja: '取組内容', en: 'Actions' },
  effects: { ja: '取組の効果', en: 'Expected effects' },
  yearlyTargets: { ja: '各年度達成目標', en: 'Targets per year' },
  period: { ja: '期間', en: 'Period' },
  executingDepartments: { ja: '実行課', en: 'Executing departments' },
  partnerDepartments: { ja: '連携課', en: 'Partner departments' },
  notes: { ja: '備考', en: 'Notes' },
  supportedMeasures: { ja: '関連する施策中項目', en: 'Measures supported' },
  // The grades' meanings in Japanese (the API's `progressGrades` gives them in English, thresholds as numbers).
  gradeMeaningS: { ja: '目標達成', en: 'target reached' },
  gradeMeaningA: { ja: '目標まであと少し', en: 'most of the way to the target' },
  gradeMeaningB: { ja: '現状値から目標までの半分程度以上', en: 'about half the way or more' },
  gradeMeaningC: { ja: '前進はわずか、または現状値のまま', en: 'some way, or no change' },
  gradeMeaningD: {
    ja: '現状値より悪化、または上限・下限を満たさない',
    en: 'worse than the baseline, or a bound missed',
  },
} as const;

export type PageTextKey = keyof typeof PAGE_TEXTS;

export function pageText(language: Language, key: PageTextKey): string {
  return PAGE_TEXTS[key][language];
}

/** Whether `key` names a page text (for keys built from data, such as a grade letter). */
export function isPageTextKey(key: string): key is PageTextKey {
  return Object.hasOwn(PAGE_TEXTS, key);
}
