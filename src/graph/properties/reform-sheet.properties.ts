import { declareProperties } from './declared-property';
import { POSITION } from './position';

/** Every sheet prints its start and target years (`開始年度 | R 5 | 達成目標年度 | R 9`). */
const FISCAL_YEAR = { type: 'FiscalYear', optional: false, unit: 'fiscal year' } as const;

/**
 * The numeric properties of reform sheets (実施計画シート, document 003), each declared once: its field, filter,
 * sort order, aggregate figure, export column and load rule follow from here (declared-property.ts).
 */
export const REFORM_SHEET_PROPERTIES = declareProperties({
  number: {
    optional: false,
    unit: 'position within the area',
    description: 'Number within its area.',
    aggregate: "The sheets' numbers within their areas.",
    ...POSITION,
  },
  startYear: {
    description: 'Start fiscal year (開始年度).',
    filter: 'Start fiscal year (開始年度) as the Gregorian year it starts in (R6 = 2024), e.g. `{gte: 2024}`.',
    order: { value: 'START_YEAR', description: 'Fiscal year the sheet starts.' },
    aggregate: 'The fiscal years the sheets start.',
    export: { ja: '開始年度', en: 'Start fiscal year' },
    ...FISCAL_YEAR,
  },
  targetYear: {
    description: 'Target fiscal year (目標年度).',
    filter: 'Target fiscal year (達成目標年度) as the Gregorian year it starts in (R9 = 2027), e.g. `{lte: 2025}`.',
    nullableField: true,
    order: { value: 'TARGET_YEAR', description: 'Target fiscal year.' },
    aggregate: 'The fiscal years the sheets aim at.',
    export: { ja: '目標年度', en: 'Target fiscal year' },
    ...FISCAL_YEAR,
  },
  page: {
    type: 'Int',
    optional: true,
    unit: 'page',
    description: "Page of the sheet in the printed document, from the table of contents' 頁 column.",
    min: 1,
    export: { ja: '頁', en: 'Page' },
  },
  yearlyTargetCount: {
    type: 'Int',
    optional: false,
    figure: true,
    unit: 'fiscal years',
    description: 'How many fiscal years the sheet sets a target for (filled 各年度達成目標 cells, R5–R9).',
    min: 0,
    filter: 'How many fiscal years the sheet sets a target for, e.g. `{gte: 5}`: a target every year of R5–R9.',
    order: { value: 'YEARLY_TARGET_COUNT', description: 'How many fiscal years the sheet sets a target for.' },
    aggregate: 'How many fiscal years the sheets set targets for.',
    export: { ja: '年度目標数', en: 'Yearly targets' },
  },
});
