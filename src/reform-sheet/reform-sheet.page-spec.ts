import type { PageSpec } from '../read/page/page-spec';
import type { ReformSheetOrderField } from './reform-sheet.order';

/** The facets a reform-sheet connection can count by. */
export type ReformSheetFacetName = 'areas' | 'evaluations' | 'departments' | 'sdgs';

/** The fragments a `reformSheets` page statement is assembled from (cypher/fragments/reform-sheet/). */
export const REFORM_SHEET_PAGE: PageSpec<ReformSheetOrderField, ReformSheetFacetName> = {
  name: 'reformSheets',
  label: 'ReformSheet',
  scan: 'fragments/reform-sheet/scan',
  anchors: [
    {
      condition: 'fragments/reform-sheet/executing-departments',
      anchor: 'fragments/reform-sheet/anchor-executing-departments',
    },
    {
      condition: 'fragments/reform-sheet/partner-departments',
      anchor: 'fragments/reform-sheet/anchor-partner-departments',
    },
    { condition: 'fragments/reform-sheet/departments', anchor: 'fragments/reform-sheet/anchor-departments' },
    { condition: 'fragments/reform-sheet/measures', anchor: 'fragments/reform-sheet/anchor-measures' },
    { condition: 'fragments/reform-sheet/sdgs', anchor: 'fragments/reform-sheet/anchor-sdgs' },
    { condition: 'fragments/reform-sheet/measure-fields', anchor: 'fragments/reform-sheet/anchor-measure-fields' },
  ],
  orderFields: {
    CODE: null,
    NAME: 'fragments/common/order-name',
    AREA: 'fragments/reform-sheet/order-area',
    EVALUATION: 'fragments/reform-sheet/order-evaluation',
    START_YEAR: 'fragments/reform-sheet/order-start-year',
    TARGET_YEAR: 'fragments/reform-sheet/order-target-year',
  },
  facets: {
    areas: 'fragments/reform-sheet/facet-areas',
    evaluations: 'fragments/reform-sheet/facet-evaluations',
    departments: 'fragments/reform-sheet/facet-departments',
    sdgs: 'fragments/reform-sheet/facet-sdgs',
  },
};
