import { POLICY_ITEM_ATTRIBUTES, POLICY_ITEM_PROPERTIES } from '../../graph/properties/policy-item.properties';
import { declaredAggregates, declaredOrderFields } from '../../read/page/declared-numbers';
import { kindPageSpec } from '../../read/page/kind-page-spec';

/**
 * The fragments a `policyItems` page statement is assembled from (cypher/fragments/policy-item/); the sort
 * orders and aggregate figures of its numbers follow from their declaration (policy-item.properties.ts).
 */
export const POLICY_ITEM_PAGE = kindPageSpec('policy-item', {
  name: 'policyItems',
  label: 'PolicyItem',
  // sdgs, a declared condition, is exact. Not departments: the condition counts only measures that are not
  // deleted, the anchor any.
  anchors: ['departments', 'sdgs', 'fields'],
  facets: ['sdgs', 'departments', 'fields'],
  orderFields: Object.assign(
    {
      SATISFACTION_RANK: 'order-satisfaction-rank',
      IMPORTANCE_RANK: 'order-importance-rank',
      MEASURE_COUNT: 'order-measure-count',
    } as const,
    declaredOrderFields(POLICY_ITEM_ATTRIBUTES),
  ),
  aggregates: Object.assign(declaredAggregates(POLICY_ITEM_PROPERTIES), {
    measureCount: { quantity: 'order-measure-count', description: 'How many measures (not deleted) each item has.' },
  }),
});
