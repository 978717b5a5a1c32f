import { declareProperties } from './declared-property';
import { POSITION } from './position';

/**
 * The numeric properties of measures (施策中項目), each declared once: its field, filter, sort order, aggregate
 * figure, export column and load rule follow from here (declared-property.ts). A figure is read by the final
 * text's parser (src/ingest/final-plan/measure-reader.ts) into the measure's `figures`; a measure the draft
 * deletes is not in the final text, so a figure of measures is optional (the compiler says so where the merge
 * writes deleted ones). The department count is computed, not stored, and stays in src/model/measure/.
 */
export const MEASURE_PROPERTIES = declareProperties({
  number: {
    optional: true,
    unit: 'position within the policy item',
    description: 'Number within its policy item in the next plan; null when deleted.',
    aggregate: "The measures' numbers within their policy items.",
    ...POSITION,
  },
});
