import { kindPageSpec } from '../../read/page/kind-page-spec';

/** The fragments a `policyItems` page statement is assembled from (cypher/fragments/policy-item/). */
export const POLICY_ITEM_PAGE = kindPageSpec('policy-item', {
  name: 'policyItems',
  label: 'PolicyItem',
  anchors: ['departments', 'sdgs', 'fields'],
  // Not departments: the condition counts only measures that are not deleted, the anchor any.
  exactAnchors: ['sdgs'],
  facets: ['sdgs', 'departments', 'fields'],
  orderFields: {
    SATISFACTION_RANK: 'order-satisfaction-rank',
    IMPORTANCE_RANK: 'order-importance-rank',
    MEASURE_COUNT: 'order-measure-count',
  },
  aggregates: {
    number: { quantity: 'fragments/common/number', description: "The items' numbers within their fields." },
    measureCount: { quantity: 'order-measure-count', description: 'How many measures (not deleted) each item has.' },
  },
});
