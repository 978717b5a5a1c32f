import { MEASURE_ATTRIBUTES, MEASURE_PROPERTIES } from '../../graph/properties/measure.properties';
import { declaredAggregates, declaredOrderFields } from '../../read/page/declared-numbers';
import { kindPageSpec } from '../../read/page/kind-page-spec';

/**
 * The fragments a `measures` page statement is assembled from (cypher/fragments/measure/); its exact anchors
 * (departments, reform sheets), the sort orders and aggregate figures of its numbers follow from their
 * declaration (measure.properties.ts).
 */
export const MEASURE_PAGE = kindPageSpec('measure', {
  name: 'measures',
  label: 'Measure',
  inPolicyItem: true,
  facets: ['sdgs', 'departments', 'fields', 'statuses'],
  orderFields: Object.assign(
    { STATUS: 'order-status', FIELD: 'order-field', DEPARTMENT_COUNT: 'order-department-count' } as const,
    declaredOrderFields(MEASURE_ATTRIBUTES),
  ),
  aggregates: Object.assign(declaredAggregates(MEASURE_PROPERTIES), {
    departmentCount: {
      quantity: 'order-department-count',
      description: 'How many departments are responsible for each measure.',
    },
  }),
});
