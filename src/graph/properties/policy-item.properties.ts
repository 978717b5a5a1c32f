import { declareProperties } from './declared-property';
import { POSITION } from './position';

/**
 * The numeric properties of policy items (施策大項目), each declared once: its field, filter, sort order,
 * aggregate figure, export column and load rule follow from here (declared-property.ts). A figure is read by
 * the final text's parser (src/ingest/final-plan/item-reader.ts) into the item's `figures`; the items of
 * fields 1–4 are known from the matrix only, so a figure of policy items is optional (the compiler says so
 * where the merge writes those items). The measure count is computed, not stored, and stays in
 * src/model/policy-item/.
 */
export const POLICY_ITEM_PROPERTIES = declareProperties({
  number: {
    optional: false,
    unit: 'position within the field',
    description: 'Number within its field.',
    aggregate: "The items' numbers within their fields.",
    ...POSITION,
  },
});
