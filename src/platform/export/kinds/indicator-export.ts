import { joined, SDGS_SELECTION, sourcedKind, type Sourced } from '../export-column';
import {
  codedColumns,
  DIRECTION_WORDS,
  NOT_ASSESSED_WORDS,
  OUTLOOK_METHOD_WORDS,
  OUTLOOK_WORDS,
  OWNER_BASIS_WORDS,
  PROJECTION_METHOD_WORDS,
} from '../coded-words';
import { outlookReference, yearBasisOf, type LaterTarget } from '../../../graph/outlook-reference';
import { eraYearLabel } from '../../../core/text/japanese-era';
import type { IndicatorOutlookStatus } from '../../../graph/outlook-status';
import * as column from '../shared-columns';
import { INDICATOR_ATTRIBUTES } from '../../../graph/kinds/indicator.kind';
import { withDeclaredColumns, type ExportedValues } from '../declared-columns';

/** An outcome indicator as the export asks for it (the selection below). */
interface IndicatorRow extends Sourced, ExportedValues<typeof INDICATOR_ATTRIBUTES> {
  readonly id: string;
  readonly name: string;
  readonly direction: string;
  readonly outlook: {
    readonly status: string;
    readonly reason: string | null;
    readonly ratio: number | null;
    readonly latestValue: number | null;
    readonly latestFiscalYear: number | null;
    readonly projectedValue: number | null;
    readonly baselineFiscalYear: number;
    readonly targetFiscalYear: number;
    readonly method: string | null;
    readonly projectionMethod: string | null;
  };
  readonly owners: readonly {
    readonly basis: string;
    readonly department: { readonly name: string };
    readonly measures: readonly { readonly code: string }[];
  }[];
  readonly policyItem: {
    readonly code: string;
    readonly name: string;
    readonly sdgs: readonly { readonly number: number; readonly name: string }[];
  };
}

/**
 * Outcome indicators (成果指標): one row per indicator; values as numbers, and as printed beside them. The
 * declared attributes' columns follow from their declaration (indicator.kind.ts), placed here by name.
 */
export const INDICATOR_EXPORT = sourcedKind<IndicatorRow>(
  withDeclaredColumns(INDICATOR_ATTRIBUTES, {
    name: 'indicators',
    connection: 'indicators',
    title: { ja: '成果指標', en: 'Indicators' },
    selection: `id name direction
    outlook { status reason ratio latestValue latestFiscalYear projectedValue baselineFiscalYear targetFiscalYear
      method projectionMethod }
    owners { basis department { name } measures { code } }
    policyItem { code name ${SDGS_SELECTION} }`,
    columns: [
      { ja: 'ID', en: 'ID', type: 'text', value: (i: IndicatorRow) => i.id },
      ...column.POLICY_ITEM,
      column.name('指標名'),
      'printedName',
      'definition',
      'unit',
      'current',
      'currentText',
      'target',
      'targetText',
      'targetBound',
      'targetNote',
      // A later document's target for the same count, beside the plan's (seed/reference/outlook.yaml laterTargets).
      {
        ja: '後の目標（改革シート）',
        en: 'Later target (reform sheet)',
        type: 'text',
        value: (i) => laterTargetOf(i.id, (t) => `${eraYearLabel(t.fiscalYear)} ${t.printed}`),
      },
      {
        ja: '後の目標の根拠',
        en: 'Later target rests on',
        type: 'text',
        value: (i) => laterTargetOf(i.id, (t) => joined(t.evidence.map((line) => `${line.document}:${line.line}`))),
      },
      ...codedColumns<IndicatorRow>('方向', 'Direction', (i) => i.direction, DIRECTION_WORDS),
      // Who answers for it (Indicator.owners): the departments, how that was decided, through which measures.
      {
        ja: '担当課',
        en: 'Owner departments',
        type: 'text',
        // No department: no line of the documents names one (Indicator.ownerConfirmed false), said so.
        value: (i) => (i.owners.length === 0 ? OWNER_UNCONFIRMED : joined(i.owners.map((o) => o.department.name))),
      },
      ...codedColumns<IndicatorRow>('担当の根拠', 'Owner basis', (i) => i.owners[0]?.basis ?? null, OWNER_BASIS_WORDS),
      {
        ja: '担当の施策中項目',
        en: 'Owner measures',
        type: 'text',
        value: (i) => joined([...new Set(i.owners.flatMap((o) => o.measures.map((m) => m.code)))].sort()),
      },
      // The years the outlook is measured between, and the lines they rest on (seed/reference/outlook.yaml).
      {
        ja: '現状値の年度',
        en: 'Baseline fiscal year',
        type: 'year',
        value: (i) => i.outlook.baselineFiscalYear,
        yearBasis: (i) => yearBasisOf(i.id),
      },
      { ja: '目標年度', en: 'Target fiscal year', type: 'year', value: (i) => i.outlook.targetFiscalYear },
      { ja: '年度の根拠', en: 'Years rest on', type: 'text', value: () => yearsEvidence() },
      // The outlook as Indicator.outlook gives it: from the latest recorded result, not of a chosen year.
      // 判定不能 is kept for an outlook that cannot be given; nothing recorded yet is not yet assessed.
      {
        ja: '見通し',
        en: 'Outlook',
        type: 'text',
        value: (i) => (i.outlook.reason === 'NO_RESULT' ? NOT_YET_ASSESSED : OUTLOOK_WORDS[statusOf(i)]),
      },
      { ja: '見通しコード', en: 'Outlook code', type: 'text', value: (i) => i.outlook.status },
      ...codedColumns<IndicatorRow>(
        '見通しなしの理由',
        'Outlook not assessed because',
        (i) => i.outlook.reason,
        NOT_ASSESSED_WORDS,
      ),
      ...codedColumns<IndicatorRow>(
        '見通しの算定方法',
        'Outlook method',
        (i) => i.outlook.method,
        OUTLOOK_METHOD_WORDS,
      ),
      { ja: '最新実績値', en: 'Latest value', type: 'decimal', value: (i) => i.outlook.latestValue },
      {
        ja: '最新実績の年度',
        en: 'Latest fiscal year',
        type: 'year',
        value: (i) => i.outlook.latestFiscalYear,
        yearBasis: (i) => yearBasisOf(i.id),
      },
      { ja: '実績の伸び÷必要な伸び', en: 'Observed ÷ needed pace', type: 'decimal', value: (i) => i.outlook.ratio },
      {
        ja: '目標年度の見込み値',
        en: 'Projected at target year',
        type: 'decimal',
        value: (i) => i.outlook.projectedValue,
      },
      ...codedColumns<IndicatorRow>(
        '見込み値の算定方法',
        'Projection method',
        (i) => i.outlook.projectionMethod,
        PROJECTION_METHOD_WORDS,
      ),
      column.sdgs((i) => i.policyItem.sdgs),
    ],
  }),
);

/** The lines the outlook's years rest on, as `document:line` in one cell (the reference file's evidence). */
function yearsEvidence(): string {
  const { baselineLabel, targetLabel, evidence } = outlookReference();
  return `${baselineLabel}→${targetLabel}: ${joined(evidence.map((line) => `${line.document}:${line.line}`))}`;
}

/** The owner cell of an indicator no line of the documents gives a department. */
export const OWNER_UNCONFIRMED = '担当未確定（資料に記載なし）';

/** The words for an indicator with no result recorded yet, in place of 判定不能 (nothing to judge yet). */
export const NOT_YET_ASSESSED = '未評価（実績未記録）';

function statusOf(i: IndicatorRow): IndicatorOutlookStatus {
  return i.outlook.status as IndicatorOutlookStatus;
}

/** A cell about the indicator's later target, or empty when no later document sets one. */
function laterTargetOf(indicatorId: string, cell: (target: LaterTarget) => string): string | null {
  const target = outlookReference().laterTargets.find((entry) => entry.indicator === indicatorId);
  return target === undefined ? null : cell(target);
}
