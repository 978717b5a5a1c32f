import { declareProperties } from './declared-property';

/** An indicator's numbers are in its own unit (件, %, 人 …: its `unit` field), both or neither given. */
const IN_ITS_UNIT = { type: 'Float', optional: true, unit: "the indicator's `unit`" } as const;

/**
 * The numeric properties of outcome indicators (成果指標, document 001), each declared once: its field, filter,
 * sort order, aggregate figure, export column and load rule follow from here (declared-property.ts). A
 * figure is read by the final text's parser (src/ingest/final-plan/indicator-reader.ts) into the row's
 * `figures`. What is computed from them (relativeChange, the recorded value of a year, the achievement rate)
 * is not stored, and stays written by hand in src/model/indicator/.
 */
export const INDICATOR_PROPERTIES = declareProperties({
  current: {
    description: 'Current value (現状値); null when there is no baseline (—).',
    filter: 'The current value (the baseline of the plan).',
    order: { value: 'CURRENT', description: 'Current value (the baseline); indicators without a number last.' },
    aggregate: 'The current values (現状値, the baseline of the plan).',
    export: { ja: '現状値', en: 'Current' },
    ...IN_ITS_UNIT,
  },
  target: {
    description: 'Target value (目標値).',
    filter: 'The target value.',
    order: { value: 'TARGET', description: 'Target value; indicators without a number last.' },
    aggregate: 'The target values (目標値).',
    export: { ja: '目標値', en: 'Target' },
    ...IN_ITS_UNIT,
  },
});
