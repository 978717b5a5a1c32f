import { kindPageSpec } from '../../read/page/kind-page-spec';

/** The fragments a `reformSheets` page statement is assembled from (cypher/fragments/reform-sheet/). */
export const REFORM_SHEET_PAGE = kindPageSpec('reform-sheet', {
  name: 'reformSheets',
  label: 'ReformSheet',
  anchors: ['executing-departments', 'partner-departments', 'departments', 'measures', 'sdgs', 'measure-fields'],
  // Not measure-fields: its anchor goes through the Field node, the condition reads the items' fieldNumber.
  exactAnchors: ['executing-departments', 'partner-departments', 'departments', 'measures', 'sdgs'],
  facets: ['areas', 'evaluations', 'departments', 'sdgs'],
  orderFields: {
    AREA: 'order-area',
    EVALUATION: 'order-evaluation',
    START_YEAR: 'order-start-year',
    TARGET_YEAR: 'order-target-year',
  },
  aggregates: {
    number: { quantity: 'fragments/common/number', description: "The sheets' numbers within their areas." },
    startYear: { quantity: 'order-start-year', description: 'The fiscal years the sheets start.' },
    targetYear: { quantity: 'order-target-year', description: 'The fiscal years the sheets aim at.' },
  },
});
