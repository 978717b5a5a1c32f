import type { Language } from '../common/i18n';

/**
 * Texts of the record forms and what stands in their place. A table of their own: the forms load with the pages
 * of one indicator or sheet, and texts only they use stay out of the script every first visit loads.
 */
const RECORD_TEXTS = {
  fiscalYear: { ja: '年度', en: 'Fiscal year' },
  value: { ja: '実績値', en: 'Value' },
  note: { ja: '備考', en: 'Note' },
  grade: { ja: '評価', en: 'Grade' },
  summary: { ja: '取組の概要', en: 'What was done' },
  readOnly: {
    ja: 'このダッシュボードは閲覧専用です。職員が実績を入力するには、管理者がサーバーに OIDC_ISSUER と OIDC_CLIENT_ID（市の認証基盤）を設定します（docs/records.md「Sign-in in the dashboard」）。',
    en: 'This dashboard is read-only. For staff to record results, the operator sets OIDC_ISSUER and OIDC_CLIENT_ID (the city identity provider) on the server (docs/records.md "Sign-in in the dashboard").',
  },
  signInToRecord: {
    ja: '実績を入力するには、担当課の職員としてサインインしてください。',
    en: 'To record results, sign in as staff of the responsible department.',
  },
  notAllowedToRecord: {
    ja: 'この指標の実績を入力できるのは、担当課の編集者と管理者です。',
    en: 'Only editors of the responsible department and admins may record for this.',
  },
  recordResult: { ja: '実績を入力', en: 'Record a result' },
  recordEvaluation: { ja: '年度末評価を入力', en: 'Record an evaluation' },
  save: { ja: '登録する', en: 'Record' },
  saving: { ja: '登録中…', en: 'Recording…' },
  saved: { ja: '登録しました', en: 'Recorded' },
  revisionShort: { ja: '版', en: 'revision' },
  conflictTitle: {
    ja: '入力中に、ほかの人がこの年度の実績を登録しました。',
    en: 'Someone recorded this year while you were entering it.',
  },
  theirValue: { ja: '現在の登録内容', en: 'Now recorded' },
  recordOnTop: { ja: 'その上に自分の値を登録する', en: 'Record mine on top of it' },
  retract: { ja: '取り消す', en: 'Retract' },
  retractRecord: { ja: '登録の取消', en: 'Retract a record' },
  retractReason: { ja: '取消の理由', en: 'Reason' },
  retractDone: { ja: '取り消しました', en: 'Retracted' },
  record: { ja: '対象の登録', en: 'Record' },
  requiredMark: { ja: '（必須）', en: '(required)' },
  fixFields: { ja: '入力内容を確認してください', en: 'Please check the fields' },
  enterYear: {
    ja: '年度を西暦4桁で入力してください（例: 2024）',
    en: 'Enter the fiscal year as four digits (e.g. 2024)',
  },
  enterNumber: { ja: '数値を入力してください', en: 'Enter a number' },
  writeRefused: { ja: '登録できませんでした', en: 'Could not record' },
  serviceUnreachable: { ja: 'サービスに接続できませんでした', en: 'Could not reach the service' },
  answerUnreadable: { ja: 'サービスの応答を読み取れませんでした', en: 'Could not read the answer of the service' },
} as const;

export type RecordTextKey = keyof typeof RECORD_TEXTS;

export function recordText(language: Language, key: RecordTextKey): string {
  return RECORD_TEXTS[key][language];
}
