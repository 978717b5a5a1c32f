export type Language = 'ja' | 'en';

/** Anything the documents name in Japanese and the reference tables also name in English. */
export interface Named {
  readonly name: string;
  readonly nameEn?: string | null;
}

/** The English name when asked for and known; the documents' Japanese otherwise. */
export function nameIn(language: Language, named: Named): string {
  return language === 'en' && named.nameEn ? named.nameEn : named.name;
}

export function languageOf(value: string | undefined): Language {
  return value === 'en' ? 'en' : 'ja';
}

const TEXTS = {
  title: { ja: '本庄市 施策ダッシュボード', en: 'Honjo City policy dashboard' },
  heatmap: { ja: 'SDG × 部署', en: 'SDG × department' },
  items: { ja: '分野 → 施策', en: 'Fields → items' },
  department: { ja: '部署', en: 'Departments' },
  explorer: { ja: 'グラフ探索', en: 'Graph explorer' },
  progress: { ja: '進捗の概況', en: 'Progress overview' },
  switchLanguage: { ja: 'English', en: '日本語' },
  switchLanguageLabel: { ja: 'Show labels in English', en: '日本語で表示' },
  loading: { ja: '読み込み中…', en: 'Loading…' },
  live: { ja: 'ライブ更新中', en: 'Live' },
  liveUpdated: { ja: '更新しました', en: 'Updated' },
  liveConnecting: { ja: '更新の接続中…', en: 'Connecting for updates…' },
  liveOffline: { ja: '更新が途切れています（再接続中）', en: 'Updates paused (reconnecting)' },
  error: { ja: 'データを取得できませんでした', en: 'Could not load the data' },
  // What the page says itself when the API gave no message of its own (its messages follow Accept-Language).
  serviceUnreachable: { ja: 'サービスに接続できませんでした', en: 'Could not reach the service' },
  answerNotJson: { ja: 'サービスの応答を読み取れませんでした', en: 'Could not read the answer of the service' },
  answerWithoutData: { ja: 'サービスの応答にデータがありませんでした', en: 'The answer of the service held no data' },
  allFields: { ja: 'すべての分野', en: 'All fields' },
  field: { ja: '分野', en: 'Field' },
  showAllDepartments: { ja: '全部署を表示', en: 'Show all departments' },
  measures: { ja: '施策中項目', en: 'Measures' },
  measureCount: { ja: '件の施策中項目', en: 'measures' },
  nextPage: { ja: '次へ', en: 'Next' },
  firstPage: { ja: '最初から', en: 'From the start' },
  tableView: { ja: '表で見る（キーボード操作はこちら）', en: 'As a table (for keyboard use)' },
  chooseCell: {
    ja: 'マスを選ぶと、その部署がそのSDGに関わる施策中項目を表示します。',
    en: 'Choose a cell to list the measures behind it.',
  },
  gap: { ja: '空白（関わりなし）', en: 'gap (none)' },
  // A field or SDG the five documents give no measures or indicators: no data, not a count of zero.
  notInDocuments: { ja: '文書に記載なし', en: 'not in the documents' },
  policyItem: { ja: '施策大項目', en: 'Policy item' },
  chooseItem: { ja: '左の一覧から施策大項目を選んでください。', en: 'Choose a policy item from the list.' },
  departments: { ja: '担当部署', en: 'Departments' },
  indicators: { ja: '成果指標', en: 'Indicators' },
  baseline: { ja: '現状値', en: 'Baseline' },
  target: { ja: '目標値', en: 'Target' },
  latest: { ja: '最新の実績', en: 'Latest result' },
  noResultYet: { ja: '実績未登録', en: 'no result yet' },
  notGradable: { ja: '評価対象外（現状値または目標との差がない）', en: 'not gradable (no baseline or no distance)' },
  reformSheets: { ja: '実施計画シート（行政改革）', en: 'Reform sheets' },
  grade: { ja: '評価', en: 'Grade' },
  notGraded: { ja: '未評価', en: 'not graded' },
  projects: { ja: '主な事業', en: 'Projects' },
  relatedPlans: { ja: '関連計画', en: 'Related plans' },
  status: { ja: '変更区分', en: 'Change' },
  previously: { ja: '旧', en: 'formerly' },
  sdgs: { ja: '関連するSDGs', en: 'SDGs' },
  chooseDepartment: { ja: '部署を選んでください', en: 'Choose a department' },
  executes: { ja: '実行課として担うシート', en: 'Sheets it executes' },
  partners: { ja: '連携課として関わるシート', en: 'Sheets it partners on' },
  collaborators: { ja: '協働する部署', en: 'Collaborators' },
  outlookColumn: { ja: '見通し', en: 'Outlook' },
  ownedIndicators: { ja: '担当する成果指標', en: 'Indicators it answers for' },
  basisMEASURE_ROW: { ja: '評価回答部署', en: "measure's row" },
  basisNAMED_BY_LINE: { ja: '資料に記載', en: 'named by a line' },
  basisBY_POLICY_ITEM: { ja: '施策大項目の全担当課', en: 'every department of the item' },
  downloadListed: { ja: '表示中の一覧をExcelでダウンロード', en: 'Download this list as Excel' },
  sharedMeasures: { ja: '共通の施策', en: 'Shared measures' },
  sharedSheets: { ja: '共通のシート', en: 'Shared sheets' },
  none: { ja: 'なし', en: 'none' },
  search: { ja: 'ノードを検索', en: 'Search nodes' },
  searchButton: { ja: '検索', en: 'Search' },
  expand: { ja: '展開', en: 'Expand' },
  expanded: { ja: '展開済み', en: 'expanded' },
  visibleNodes: { ja: '表示中のノード', en: 'Nodes shown' },
  whyLinked: { ja: 'なぜつながる？', en: 'Why linked?' },
  from: { ja: '起点', en: 'From' },
  to: { ja: '終点', en: 'To' },
  hops: { ja: 'ホップ', en: 'hops' },
  noPath: { ja: '経路は見つかりませんでした', en: 'No path found' },
  explorerHelp: {
    ja: '検索してノードを選び、図のノードをクリック（または一覧の「展開」）して隣接ノードを広げます。',
    en: 'Search for a node, then click a node in the diagram (or Expand in the list) to add its neighbours.',
  },
  fiscalYear: { ja: '年度', en: 'Fiscal year' },
  progressByField: { ja: '分野別の成果指標の評価', en: 'Indicators by grade, per field' },
  progressByDepartment: { ja: '部署別の成果指標の評価', en: 'Indicators by grade, per department' },
  progressCounting: {
    ja: '複数の部署が担う成果指標は、それぞれの部署で数えます。',
    en: 'An indicator several departments answer for counts in each of them.',
  },
  departmentColumn: { ja: '部署', en: 'Department' },
  allIndicators: { ja: 'すべての成果指標', en: 'All indicators' },
  total: { ja: '計', en: 'Total' },
  shares: { ja: '割合', en: 'Shares' },
  notGradableShort: { ja: '評価対象外', en: 'Not gradable' },
  noResultShort: { ja: '実績未登録', en: 'No result' },
  notGradableMeaning: {
    ja: '実績はあるが、現状値がないか目標との差がないため評価できない',
    en: 'a result, but no baseline or no distance to the target to grade it by',
  },
  noResultMeaning: { ja: 'その年度の実績がまだない', en: 'no result recorded for the year yet' },
  gradeScale: { ja: '評価の基準（達成率）', en: 'Grades (achievement rate)' },
  chooseCount: {
    ja: '表の数字を選ぶと、数えた成果指標を一覧します。',
    en: 'Choose a count in the tables to list the indicators it counts.',
  },
  yearValue: { ja: '実績', en: 'Result' },
  achievementRate: { ja: '達成率', en: 'achievement' },
  indicator: { ja: '成果指標', en: 'Indicator' },
  sheet: { ja: '実施計画シート', en: 'Reform sheet' },
  indicatorPage: { ja: '指標のページ', en: 'Indicator page' },
  sheetPage: { ja: 'シートのページ', en: 'Sheet page' },
  // Staff sign-in, in the header of every view.
  signIn: { ja: '職員サインイン', en: 'Staff sign-in' },
  signOut: { ja: 'サインアウト', en: 'Sign out' },
  signingIn: { ja: 'サインイン中…', en: 'Signing in…' },
  signedInAs: { ja: 'サインイン中', en: 'Signed in' },
  role: { ja: '権限', en: 'Role' },
  signInFailed: { ja: 'サインインできませんでした', en: 'Sign-in failed' },
  signInExpired: {
    ja: 'サインインの有効期限が切れました。もう一度サインインしてください。',
    en: 'Your sign-in has expired. Please sign in again.',
  },
} as const;

export type TextKey = keyof typeof TEXTS;

export function text(language: Language, key: TextKey): string {
  return TEXTS[key][language];
}

/** How many of all the departments the heatmap shows as rows, e.g. 46部署中 12部署を表示. */
/** Which items of a paged list are shown: `13件中 1–10件目`, `1–10 of 13`. */
export function rangeShown(language: Language, first: number, last: number, total: number): string {
  return language === 'ja' ? `${total}件中 ${first}–${last}件目` : `${first}–${last} of ${total}`;
}

export function departmentsShown(language: Language, shown: number, total: number): string {
  return language === 'en' ? `${shown} of ${total} departments shown` : `${total}部署中 ${shown}部署を表示`;
}

/** Change marks as the draft revision sheets print them. */
export function statusLabel(language: Language, status: string): string {
  const labels: Record<string, readonly [string, string]> = {
    NEW: ['新規', 'new'],
    CHANGED: ['変更', 'changed'],
    DELETED: ['削除', 'deleted'],
    UNCHANGED: ['変更なし', 'unchanged'],
  };
  const pair = labels[status];
  if (pair === undefined) return status;
  return language === 'en' ? pair[1] : pair[0];
}

/** A plan-period year as a selector and headings show it: 令和 label with the Gregorian year. */
export function fiscalYearLabel(language: Language, fiscalYear: { readonly year: number; readonly label: string }) {
  return language === 'en'
    ? `FY${fiscalYear.year} (${fiscalYear.label})`
    : `${fiscalYear.label}（${fiscalYear.year}年度）`;
}

/** A grade's range of achievement rates: from its threshold up to the next better grade's (none: open). */
export function gradeRange(language: Language, minRate: number | null, below: number | null): string {
  if (minRate === null) return language === 'en' ? `below ${below ?? 0}%` : `${below ?? 0}%未満`;
  if (below === null) return language === 'en' ? `${minRate}% or more` : `${minRate}%以上`;
  return language === 'en' ? `${minRate}% to under ${below}%` : `${minRate}%以上${below}%未満`;
}

/** The noun after a count of indicators: 件の成果指標, indicator(s). */
export function indicatorCount(language: Language, count: number): string {
  return language === 'en' ? (count === 1 ? 'indicator' : 'indicators') : '件の成果指標';
}
