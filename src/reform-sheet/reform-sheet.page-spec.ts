import { kindPageSpec } from '../read/page/kind-page-spec';

/** The fragments a `reformSheets` page statement is assembled from (cypher/fragments/reform-sheet/). */
export const REFORM_SHEET_PAGE = kindPageSpec('reform-sheet', {
  name: 'reformSheets',
  label: 'ReformSheet',
  anchors: ['executing-departments', 'partner-departments', 'departments', 'measures', 'sdgs', 'measure-fields'],
  facets: ['areas', 'evaluations', 'departments', 'sdgs'],
  orderFields: {
    AREA: 'order-area',
    EVALUATION: 'order-evaluation',
    START_YEAR: 'order-start-year',
    TARGET_YEAR: 'order-target-year',
  },
});
