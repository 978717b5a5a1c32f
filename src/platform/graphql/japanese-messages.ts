import type { FormattedErrorCode } from './format-error';
import { japaneseRefusedValueMessage } from './japanese-violations';

/** An error's extensions, from which a message takes its figures (a limit, a wait). */
type Extensions = Readonly<Record<string, unknown>>;

/** A number the error carries, or undefined (then the sentence goes without it). */
function figure(extensions: Extensions, key: string): number | undefined {
  const value = extensions[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** `（上限 15）` when the figure is known, else nothing. */
function inBrackets(text: string | undefined): string {
  return text === undefined ? '' : `（${text}）`;
}

/** `N 秒後に`, or `しばらくしてから` without a figure. */
function after(seconds: number | undefined): string {
  return seconds === undefined ? 'しばらくしてから' : `${seconds} 秒後に`;
}

/**
 * The message Japanese staff read for each code, written for the person at the form rather than for the
 * programmer: what happened and what to do. Keyed by the code union, so a code without a message is a compile
 * error. The figures come from the error's extensions (the same ones the English message names); the English
 * message, with its details (which argument, which field), stays in `extensions.englishMessage`; a value
 * graphql-js refused (null, missing, another type) is named in the Japanese message too, read from the English one.
 */
export const JAPANESE_MESSAGES: {
  readonly [code in FormattedErrorCode]: (extensions: Extensions, englishMessage?: string) => string;
} = {
  BAD_USER_INPUT: (_extensions, englishMessage) =>
    (englishMessage === undefined ? undefined : japaneseRefusedValueMessage(englishMessage)) ??
    '入力された値が正しくありません。内容を確認して直してから、もう一度送ってください。',
  NOT_FOUND: () => '指定されたデータが見つかりません。ID が正しいか確認してください。',
  SERVICE_UNAVAILABLE: () => 'データベースに接続できません。しばらくしてから、もう一度お試しください。',
  SERVICE_BUSY: (extensions) =>
    `サービスが混み合っているため、今は受け付けられません。${after(figure(extensions, 'retryAfterSeconds'))}もう一度お試しください。`,
  REQUEST_TIMEOUT: (extensions) => {
    const budget = figure(extensions, 'budgetMs');
    return `処理が制限時間${inBrackets(budget === undefined ? undefined : `${budget} ミリ秒`)}を超えたため中止しました。一度に求める項目や件数を減らすか、分けて送ってください。`;
  },
  RESPONSE_TOO_LARGE: (extensions) => {
    const limit = figure(extensions, 'limitBytes');
    return `応答が大きすぎるため送れませんでした${inBrackets(limit === undefined ? undefined : `上限 ${limit} バイト`)}。求める項目や件数を減らすか、ページに分けて取得してください。`;
  },
  INTERNAL_SERVER_ERROR: () =>
    'サーバー内部でエラーが発生しました。続くときは、応答の x-request-id を添えてシステム担当者に連絡してください。',
  QUERY_TOO_COMPLEX: (extensions) => {
    const limit = extensions.limit;
    const max = figure(extensions, 'max');
    const named = typeof limit === 'string' && max !== undefined ? `${limit} の上限 ${max}` : undefined;
    return `問い合わせが複雑すぎるため実行しませんでした${inBrackets(named)}。項目や入れ子を減らすか、分けて送ってください。`;
  },
  UNAUTHENTICATED: () => 'ログインしていないか、ログインの有効期限が切れています。もう一度ログインしてください。',
  FORBIDDEN: () => 'この操作を行う権限がありません（役割または担当部署の範囲外です）。',
  CONFLICT: () => 'ほかの人が先に更新しています。最新の内容を読み直してから、もう一度登録してください。',
  WRITE_OUTCOME_UNKNOWN: (extensions) =>
    `登録をデータベースに送りましたが、保存されたかどうかを確認できませんでした。${after(figure(extensions, 'retryAfterSeconds'))}データを読み直し、登録されていなければもう一度登録してください。`,
  IDEMPOTENCY_KEY_INVALID: () =>
    'Idempotency-Key ヘッダーの形式が正しくないか、この要求には使えません。何も登録していません。',
  IDEMPOTENCY_KEY_REUSED: () =>
    'この Idempotency-Key は別の内容の要求で使用済みです。何も登録していません。新しいキーで送ってください。',
  IDEMPOTENCY_KEY_IN_USE: (extensions) =>
    `同じ Idempotency-Key の最初の要求がまだ処理中です。${after(figure(extensions, 'retryAfterSeconds'))}もう一度送ってください。`,
  RATE_LIMITED: (extensions) => {
    const limit = figure(extensions, 'limit');
    const window = figure(extensions, 'windowSeconds');
    const rate = limit === undefined || window === undefined ? undefined : `${window} 秒あたり ${limit} 件まで`;
    return `短い間に要求が多すぎます${inBrackets(rate)}。${after(figure(extensions, 'retryAfterSeconds'))}もう一度お試しください。`;
  },
  GRAPHQL_PARSE_FAILED: () => '問い合わせの書き方（GraphQL の文法）に誤りがあり、読み取れませんでした。',
  GRAPHQL_VALIDATION_FAILED: () => '問い合わせがスキーマに合っていません（存在しない項目や引数、型の違いなど）。',
  PERSISTED_QUERY_NOT_FOUND: () => '登録済みの問い合わせが見つかりません。問い合わせの本文を付けて送り直してください。',
  PERSISTED_QUERY_NOT_SUPPORTED: () => '登録済みの問い合わせ（persisted query）は、このサーバーでは使えません。',
  OPERATION_RESOLUTION_FAILURE: () =>
    '実行する操作を決められません。複数の操作を含むときは operationName で一つを指定してください。',
  BAD_REQUEST: () => 'リクエストの形式が正しくありません（本文、ヘッダー、パラメーター）。',
  INTROSPECTION_DISABLED: () => 'このサーバーでは、スキーマの問い合わせ（イントロスペクション）は無効です。',
  MAX_RECURSIVE_SELECTIONS_EXCEEDED: () => '問い合わせの選択の繰り返しが多すぎるため、実行しませんでした。',
  OPERATION_NOT_TRUSTED: () =>
    'この問い合わせは、このサーバーで実行を許可された操作（登録済みの問い合わせ一覧）にありません。一覧にある操作を ID か同じ本文で送ってください。',
  HOST_NOT_ALLOWED: () =>
    'このホスト名ではサービスに接続できません。接続先の URL を確認してください（運用者は ALLOWED_HOSTS で設定します）。',
};

/**
 * The Japanese message for a code the service answers with, given the error's English message; undefined for a
 * code it does not know.
 */
export function japaneseMessage(code: unknown, extensions: Extensions, englishMessage: string): string | undefined {
  if (typeof code !== 'string' || !Object.hasOwn(JAPANESE_MESSAGES, code)) return undefined;
  return JAPANESE_MESSAGES[code as FormattedErrorCode](extensions, englishMessage);
}
