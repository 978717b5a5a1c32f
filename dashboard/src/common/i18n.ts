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
  switchLanguage: { ja: 'English', en: '日本語' },
  switchLanguageLabel: { ja: 'Show labels in English', en: '日本語で表示' },
  loading: { ja: '読み込み中…', en: 'Loading…' },
  error: { ja: 'データを取得できませんでした', en: 'Could not load the data' },
  allFields: { ja: 'すべての分野', en: 'All fields' },
  field: { ja: '分野', en: 'Field' },
  showAllDepartments: { ja: '全部署を表示', en: 'Show all departments' },
  measures: { ja: '施策中項目', en: 'Measures' },
  measureCount: { ja: '件の施策中項目', en: 'measures' },
  tableView: { ja: '表で見る（キーボード操作はこちら）', en: 'As a table (for keyboard use)' },
  chooseCell: {
    ja: 'マスを選ぶと、その部署がそのSDGに関わる施策中項目を表示します。',
    en: 'Choose a cell to list the measures behind it.',
  },
  gap: { ja: '空白（関わりなし）', en: 'gap (none)' },
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
