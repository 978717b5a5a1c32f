import { MAX_FILTER_NESTING } from '../../read/filter/filter-fields';
import { RECORDED_VALUE_BOUND } from '../../write/recorded-value';
import { planPeriod } from '../../write/plan-period';

/**
 * What a violated rule's Japanese sentence takes its figures from: the decorator's constraints (a minimum, a
 * list of allowed values), its context (the example id a `Matches` pattern stands for) and the value sent.
 */
export interface RuleFigures {
  readonly constraints: readonly unknown[];
  readonly example?: string;
  readonly value: unknown;
}

/** A sentence about one field (`subject` names it: `年度（input.fiscalYear）`). */
type RuleSentence = (subject: string, figures: RuleFigures) => string;

const shown = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

/** The figure at `at` of a rule's constraints (a bound), or undefined: then the sentence goes without it. */
function figureAt(constraints: readonly unknown[], at: number): string | undefined {
  const value = constraints[at];
  return (typeof value === 'number' && Number.isFinite(value)) || typeof value === 'string' ? String(value) : undefined;
}

/** The sentence with the rule's figure, or the one without it when the rule declares none. */
function withFigure(constraints: readonly unknown[], withIt: (figure: string) => string, without: string): string {
  const figure = figureAt(constraints, 0);
  return figure === undefined ? without : withIt(figure);
}

/** `2024 年度（R6）`, as a staff member reads a fiscal year the documents label R6. */
const fiscalYear = (year: number, label: string): string => `${year} 年度（${label}）`;

/** What a recorded value may be, as recorded-value.ts checks it: a finite number within ±(2^53 − 1). */
function recordedValueSentence(subject: string, value: unknown): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return `${subject}は数値で入力してください。`;
  return `${subject}は -${RECORDED_VALUE_BOUND} から ${RECORDED_VALUE_BOUND}（2^53 − 1）までの数値で入力してください。`;
}

/**
 * The Japanese sentence of each class-validator rule the schema's arguments and input fields carry (the
 * built-in ones by class-validator's names, ours by the names they register). The unit test walks every rule
 * of every argument and input type, so a rule added without its sentence fails there.
 */
export const JAPANESE_RULE_SENTENCES: Readonly<Record<string, RuleSentence>> = {
  min: (s, { constraints }) =>
    withFigure(constraints, (f) => `${s}は ${f} 以上にしてください。`, `${s}が小さすぎます。`),
  max: (s, { constraints }) =>
    withFigure(constraints, (f) => `${s}は ${f} 以下にしてください。`, `${s}が大きすぎます。`),
  minLength: (s, { constraints }) =>
    withFigure(constraints, (f) => `${s}は ${f} 文字以上で入力してください。`, `${s}が短すぎます。`),
  isInt: (s) => `${s}は整数で指定してください。`,
  isIn: (s, { constraints }) => {
    const allowed = Array.isArray(constraints[0]) ? (constraints[0] as unknown[]).map(shown) : [];
    return allowed.length === 0
      ? `${s}は決められた値のいずれかにしてください。`
      : `${s}は次のいずれかにしてください: ${allowed.join('、')}。`;
  },
  isIso8601: (s) => `${s}は ISO 8601 形式の日時（例: 2025-04-01T00:00:00+09:00）で指定してください。`,
  matches: (s, { example }) =>
    example === undefined
      ? `${s}の形式が正しくありません。`
      : `${s}の形式が正しくありません。「${example}」のような形式で指定してください。`,
  arrayMaxSize: (s, { constraints }) =>
    withFigure(constraints, (f) => `${s}に指定できるのは ${f} 件までです。`, `${s}の件数が多すぎます。`),
  arrayNotEmpty: (s) => `${s}は空にできません。1 件以上指定するか、項目ごと省いてください。`,
  nestedValidation: (s) => `${s}は条件のまとまり（入力オブジェクト）で指定してください。`,
  maxFilterNesting: (s) => `${s}の and・or・not の入れ子が深すぎます。${MAX_FILTER_NESTING} 段までにしてください。`,
  isCleanText: (s, { constraints }) => {
    const [min, max] = [figureAt(constraints, 0), figureAt(constraints, 1)];
    return min === undefined || max === undefined
      ? `${s}の文字数が範囲外です（前後の空白を除いて数えます）。`
      : `${s}は、前後の空白を除いて ${min}〜${max} 文字で入力してください。`;
  },
  isPlanFiscalYear: (s) => {
    const period = planPeriod();
    return `${s}は計画期間の年度、${fiscalYear(period.firstYear, period.firstLabel)}から ${fiscalYear(period.lastYear, period.lastLabel)}までで指定してください。`;
  },
  isRecordableFiscalYear: (s) => {
    const period = planPeriod();
    const earlier = period.printedBefore.map((a) => `${fiscalYear(a.fiscalYear, a.label)}（${a.indicator}）`);
    const printed =
      earlier.length === 0
        ? ''
        : `。計画期間より前は、資料に実績が載っている年度だけ登録できます: ${earlier.join('、')}`;
    return `${s}は計画期間の年度、${fiscalYear(period.firstYear, period.firstLabel)}から ${fiscalYear(period.lastYear, period.lastLabel)}までで指定してください${printed}。`;
  },
  isRecordedValue: (s, { value }) => recordedValueSentence(s, value),
};

/**
 * How Japanese staff name each argument and input field that carries a rule (by its name: the same name means
 * the same thing in every type). The unit test checks every validated name has one.
 */
export const JAPANESE_FIELD_NAMES: Readonly<Record<string, string>> = {
  actor: '変更した人',
  and: 'すべて満たす条件（and）',
  or: 'いずれかを満たす条件（or）',
  not: '除く条件（not）',
  area: '改革シートの領域',
  contains: '含む文字列',
  eq: '一致する文字列',
  in: 'いずれかに一致する文字列',
  current: '現状値の条件',
  department: '所管課',
  detailed: '詳しく記載された政策項目',
  direction: '指標の方向',
  evaluation: '年度末評価',
  expectedRevision: '基にした版番号',
  field: '分野',
  first: '取得件数',
  fiscalYear: '年度',
  gt: 'より大きい値',
  gte: '以上の値',
  lt: 'より小さい値',
  lte: '以下の値',
  id: '記録の ID',
  ids: '指標の ID',
  includeDeleted: '削除予定の施策を含めるか',
  indicator: '指標',
  linkagePlan: '連携プラン',
  maxHops: '経路の最大段数',
  measure: '施策',
  measureFields: '施策の分野',
  note: '備考',
  outlook: '達成見込み',
  ownerConfirmed: '所管課の確認',
  policyItem: '政策項目',
  reason: '取り消しの理由',
  reformSheets: '改革シート',
  relationship: '関係の種類',
  relativeChange: '変化率の条件',
  role: '所管課の役割',
  sdg: 'SDGs のゴール',
  sheet: '改革シート',
  sheetEvaluations: '改革シートの年度末評価',
  since: '開始日時',
  startYear: '開始年度の条件',
  status: '施策の状況',
  summary: '取組内容',
  target: '対象',
  targetYear: '目標年度の条件',
  text: '検索語',
  types: '検索する種類',
  value: '実績値',
  viewpoint: '改革の視点',
  yearlyTargetCount: '年度ごとの目標数の条件',
};

/**
 * How a filter's list fields are named: `sdgs` (any of them), `sdgsAll` (all of them), `sdgsNone` (none of
 * them), each the plural of a single-value field (`sdg`) or a list field itself (`measureFields`).
 */
const LIST_READINGS: readonly (readonly [suffix: string, reading: string])[] = [
  ['All', '（すべてに一致）'],
  ['None', '（いずれにも一致しない）'],
  ['', '（いずれかに一致）'],
];

/** The Japanese name of a field by its own name (the path's last part), or undefined when it has none. */
export function japaneseFieldName(name: string): string | undefined {
  if (Object.hasOwn(JAPANESE_FIELD_NAMES, name)) return JAPANESE_FIELD_NAMES[name];
  for (const [suffix, reading] of LIST_READINGS) {
    if (!name.endsWith(suffix)) continue;
    const list = name.slice(0, name.length - suffix.length);
    if (Object.hasOwn(JAPANESE_FIELD_NAMES, list)) return `${JAPANESE_FIELD_NAMES[list]}${reading}`;
    const single = list.endsWith('s') ? list.slice(0, -1) : undefined;
    if (single !== undefined && Object.hasOwn(JAPANESE_FIELD_NAMES, single)) {
      return `${JAPANESE_FIELD_NAMES[single]}${reading}`;
    }
  }
  return undefined;
}

/**
 * The Japanese message of one violation: the field as staff name it, with its path in the arguments (which is
 * what the form or the developer matches), and the rule's sentence. A field or rule without a Japanese text
 * (none in the schema, as the unit test checks) still gets a Japanese sentence naming the path.
 */
export function japaneseViolationMessage(field: string, rule: string, figures: RuleFigures): string {
  const name = japaneseFieldName(field.slice(field.lastIndexOf('.') + 1));
  const subject = name === undefined ? `項目 ${field}` : `${name}（${field}）`;
  const sentence = Object.hasOwn(JAPANESE_RULE_SENTENCES, rule) ? JAPANESE_RULE_SENTENCES[rule] : undefined;
  return sentence === undefined ? `${subject}の値が正しくありません。` : sentence(subject, figures);
}

/**
 * graphql-js's refusal of a value as sent, before any rule of ours sees it: an argument or a variable that is
 * null where it may not be, missing, or of another type (`Argument "first" of non-null type "Int!" must not be
 * null.`, `Variable "$n" got invalid value "many"; Int cannot represent …`, `Variable "$n" of required type
 * "Int!" was not provided.`). Its name is the first quoted word.
 */
const REFUSED_VALUE =
  /^(Argument|Variable) "(\$?[_A-Za-z][_0-9A-Za-z]*)" (?:of (?:non-null|required) type "[^"]*" (must not be null|was not provided)|(?:got|has) invalid value)/;

/**
 * The Japanese message of a value graphql-js refused (see REFUSED_VALUE), naming the argument (as staff name
 * it when it has a Japanese name, and by its own name) or the variable, as the English message does; undefined
 * for any other message. Without this the Japanese message said only that some value was wrong.
 */
export function japaneseRefusedValueMessage(englishMessage: string): string | undefined {
  const match = REFUSED_VALUE.exec(englishMessage);
  if (match === null) return undefined;
  const [, kind, name = '', reason] = match;
  const staffName = kind === 'Argument' ? japaneseFieldName(name) : undefined;
  const what = kind === 'Argument' ? `引数 ${name}` : `変数 ${name}`;
  const subject = staffName === undefined ? what : `${staffName}（${what}）`;
  if (reason === 'must not be null') return `${subject}に null は指定できません。値を指定してください。`;
  if (reason === 'was not provided') return `${subject}が指定されていません。値を指定してください。`;
  return `${subject}の値が正しくありません（型が違います）。内容を確認して直してから、もう一度送ってください。`;
}
