import { SDGS_SELECTION, sourcedKind, type Sourced } from '../export-column';
import * as column from '../shared-columns';
import { INDICATOR_PROPERTIES } from '../../../graph/properties/indicator.properties';
import { withDeclaredColumns, type ExportedValues } from '../declared-columns';

/** An outcome indicator as the export asks for it (the selection below). */
interface IndicatorRow extends Sourced, ExportedValues<typeof INDICATOR_PROPERTIES> {
  readonly id: string;
  readonly name: string;
  readonly definition: string | null;
  readonly unit: string | null;
  readonly currentText: string | null;
  readonly targetText: string | null;
  readonly targetBound: string | null;
  readonly targetNote: string | null;
  readonly direction: string;
  readonly outlook: {
    readonly status: string;
    readonly reason: string | null;
    readonly ratio: number | null;
    readonly latestValue: number | null;
    readonly latestFiscalYear: number | null;
    readonly projectedValue: number | null;
  };
  readonly policyItem: {
    readonly code: string;
    readonly name: string;
    readonly sdgs: readonly { readonly number: number; readonly name: string }[];
  };
}

/**
 * Outcome indicators (成果指標): one row per indicator; values as numbers, and as printed beside them. The
 * numbers' columns follow from their declaration (indicator.properties.ts), placed here by name.
 */
export const INDICATOR_EXPORT = sourcedKind<IndicatorRow>(
  withDeclaredColumns(INDICATOR_PROPERTIES, {
    name: 'indicators',
    connection: 'indicators',
    title: { ja: '成果指標', en: 'Indicators' },
    selection: `id name definition unit currentText targetText targetBound targetNote direction
    outlook { status reason ratio latestValue latestFiscalYear projectedValue }
    policyItem { code name ${SDGS_SELECTION} }`,
    columns: [
      { ja: 'ID', en: 'ID', type: 'text', value: (i: IndicatorRow) => i.id },
      ...column.POLICY_ITEM,
      column.name('指標名'),
      { ja: '定義', en: 'Definition', type: 'text', value: (i) => i.definition },
      { ja: '単位', en: 'Unit', type: 'text', value: (i) => i.unit },
      'current',
      { ja: '現状値(表記)', en: 'Current as printed', type: 'text', value: (i) => i.currentText },
      'target',
      { ja: '目標値(表記)', en: 'Target as printed', type: 'text', value: (i) => i.targetText },
      { ja: '目標の範囲', en: 'Target bound', type: 'text', value: (i) => i.targetBound },
      { ja: '目標の注記', en: 'Target note', type: 'text', value: (i) => i.targetNote },
      { ja: '方向', en: 'Direction', type: 'text', value: (i) => i.direction },
      // The outlook as Indicator.outlook gives it: from the latest recorded result, not of a chosen year.
      { ja: '見通し', en: 'Outlook', type: 'text', value: (i) => i.outlook.status },
      { ja: '見通しなしの理由', en: 'Outlook not assessed because', type: 'text', value: (i) => i.outlook.reason },
      { ja: '最新実績値', en: 'Latest value', type: 'decimal', value: (i) => i.outlook.latestValue },
      { ja: '最新実績の年度', en: 'Latest fiscal year', type: 'year', value: (i) => i.outlook.latestFiscalYear },
      { ja: '実績の伸び÷必要な伸び', en: 'Observed ÷ needed pace', type: 'decimal', value: (i) => i.outlook.ratio },
      {
        ja: '目標年度の見込み値',
        en: 'Projected at target year',
        type: 'decimal',
        value: (i) => i.outlook.projectedValue,
      },
      column.sdgs((i) => i.policyItem.sdgs),
    ],
  }),
);
