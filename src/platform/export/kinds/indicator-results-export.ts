import { codedColumns, PROGRESS_RULE_WORDS } from '../coded-words';
import { firstRecordableYear, planPeriod } from '../../../write/plan-period';
import { yearBasisOf } from '../../../graph/outlook-reference';
import type { ExportKind } from '../export-column';

/** An outcome indicator with its recorded years, as the export asks for it (the selection below). */
interface IndicatorResultsNode {
  readonly id: string;
  readonly name: string;
  readonly unit: string | null;
  readonly current: number | null;
  readonly target: number | null;
  readonly results: readonly {
    readonly fiscalYear: number;
    readonly current: { readonly revision: number; readonly value: number; readonly recordedAt: string } | null;
    readonly progress: {
      readonly achievementRate: number | null;
      readonly grade: string | null;
      readonly rule: string;
    } | null;
  }[];
}

/** One row: an indicator and one of its years that has a value in force. */
interface IndicatorResultRow {
  readonly indicator: IndicatorResultsNode;
  readonly year: IndicatorResultsNode['results'][number] & {
    readonly current: NonNullable<IndicatorResultsNode['results'][number]['current']>;
  };
}

/**
 * Recorded results (実績値) of outcome indicators: one row per indicator and fiscal year whose value is in
 * force (a year whose every revision was retracted has none), oldest year first, with the achievement rate
 * and grade as `IndicatorResultYear.progress` gives them. `?ids=indicator:5-1-1` is one indicator's series;
 * every indicator filter works (`?policyItem=5-1`, `?field=5`). Notes are not exported: they are text typed
 * by people through the API, and no export carries such text.
 */
export const INDICATOR_RESULTS_EXPORT: ExportKind<IndicatorResultRow> = {
  name: 'indicator-results',
  connection: 'indicators',
  title: { ja: '成果指標の実績', en: 'Indicator results' },
  selection: `id name unit current target
    results { fiscalYear current { revision value recordedAt } progress { achievementRate grade rule } }`,
  rowsOf: (node: IndicatorResultsNode): IndicatorResultRow[] =>
    node.results.flatMap((year) =>
      year.current === null ? [] : [{ indicator: node, year: { ...year, current: year.current } }],
    ),
  // At most one row per recordable year: the plan period, and a year before it whose actual the documents print.
  rowsPerNode: planPeriod().lastYear - firstRecordableYear() + 1,
  columns: [
    { ja: '指標ID', en: 'Indicator ID', type: 'text', value: (r) => r.indicator.id },
    { ja: '指標名', en: 'Indicator', type: 'text', value: (r) => r.indicator.name },
    { ja: '単位', en: 'Unit', type: 'text', value: (r) => r.indicator.unit },
    {
      ja: '年度',
      en: 'Fiscal year',
      type: 'year',
      value: (r) => r.year.fiscalYear,
      yearBasis: (r) => yearBasisOf(r.indicator.id),
    },
    {
      ja: '計画期間前',
      en: 'Before the plan period',
      type: 'boolean',
      value: (r) => r.year.fiscalYear < planPeriod().firstYear,
    },
    { ja: '実績値', en: 'Value', type: 'decimal', value: (r) => r.year.current.value },
    { ja: '現状値', en: 'Baseline', type: 'decimal', value: (r) => r.indicator.current },
    { ja: '目標値', en: 'Target', type: 'decimal', value: (r) => r.indicator.target },
    {
      ja: '達成率(%)',
      en: 'Achievement rate (%)',
      type: 'decimal',
      value: (r) => r.year.progress?.achievementRate ?? null,
    },
    { ja: '評価', en: 'Grade', type: 'text', value: (r) => r.year.progress?.grade ?? null },
    ...codedColumns<IndicatorResultRow>('算定方法', 'Rule', (r) => r.year.progress?.rule ?? null, PROGRESS_RULE_WORDS),
    { ja: '版', en: 'Revision', type: 'integer', value: (r) => r.year.current.revision },
    { ja: '記録日時', en: 'Recorded at', type: 'text', value: (r) => r.year.current.recordedAt },
  ],
};
