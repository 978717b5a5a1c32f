import { kindPageSpec } from '../../read/page/kind-page-spec';

/** The fragments a `measures` page statement is assembled from (cypher/fragments/measure/). */
export const MEASURE_PAGE = kindPageSpec('measure', {
  name: 'measures',
  label: 'Measure',
  anchors: ['departments'],
  exactAnchors: ['departments'],
  inPolicyItem: true,
  facets: ['sdgs', 'departments', 'fields', 'statuses'],
  orderFields: {
    STATUS: 'order-status',
    FIELD: 'order-field',
    DEPARTMENT_COUNT: 'order-department-count',
  },
  aggregates: {
    number: { quantity: 'fragments/common/number', description: "The measures' numbers within their policy items." },
    departmentCount: {
      quantity: 'order-department-count',
      description: 'How many departments are responsible for each measure.',
    },
  },
});
