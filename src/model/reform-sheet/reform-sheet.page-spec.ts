import { REFORM_SHEET_ATTRIBUTES, REFORM_SHEET_PROPERTIES } from '../../graph/properties/reform-sheet.properties';
import { declaredAggregates, declaredOrderFields } from '../../read/page/declared-numbers';
import { kindPageSpec } from '../../read/page/kind-page-spec';

/**
 * The fragments a `reformSheets` page statement is assembled from (cypher/fragments/reform-sheet/); the sort
 * orders and aggregate figures of its numbers follow from their declaration (reform-sheet.properties.ts).
 */
export const REFORM_SHEET_PAGE = kindPageSpec('reform-sheet', {
  name: 'reformSheets',
  label: 'ReformSheet',
  // All but measure-fields are declared conditions, exact. Not measure-fields: its anchor goes through the Field
  // node, the condition reads the items' fieldNumber.
  anchors: ['executing-departments', 'partner-departments', 'departments', 'measures', 'sdgs', 'measure-fields'],
  facets: ['areas', 'evaluations', 'departments', 'sdgs'],
  orderFields: Object.assign(
    { AREA: 'order-area', EVALUATION: 'order-evaluation' } as const,
    declaredOrderFields(REFORM_SHEET_ATTRIBUTES),
  ),
  aggregates: declaredAggregates(REFORM_SHEET_PROPERTIES),
});
