import type { PageSpec } from '../read/page/page-spec';
import type { MeasureOrderField } from './measure.order';

/** The facets a measure connection can count by. */
export type MeasureFacetName = 'sdgs' | 'departments' | 'fields' | 'statuses';

/** The fragments a `measures` page statement is assembled from (cypher/fragments/measure/). */
export const MEASURE_PAGE: PageSpec<MeasureOrderField, MeasureFacetName> = {
  name: 'measures',
  label: 'Measure',
  scan: 'fragments/measure/scan',
  anchors: [
    { condition: 'fragments/measure/departments', anchor: 'fragments/measure/anchor-departments' },
    { condition: 'fragments/common/item-codes', anchor: 'fragments/measure/anchor-policy-items' },
    { condition: 'fragments/common/item-sdgs', anchor: 'fragments/measure/anchor-sdgs' },
    { condition: 'fragments/common/item-fields', anchor: 'fragments/measure/anchor-fields' },
  ],
  context: { fragment: 'fragments/measure/context', variables: ['i'] },
  orderFields: {
    CODE: null,
    NAME: 'fragments/common/order-name',
    STATUS: 'fragments/measure/order-status',
    FIELD: 'fragments/measure/order-field',
    DEPARTMENT_COUNT: 'fragments/measure/order-department-count',
  },
  facets: {
    sdgs: 'fragments/measure/facet-sdgs',
    departments: 'fragments/measure/facet-departments',
    fields: 'fragments/measure/facet-fields',
    statuses: 'fragments/measure/facet-statuses',
  },
};
