import type { PageSpec } from '../read/page/page-spec';
import type { PolicyItemOrderField } from './policy-item.order';

/** The facets a policy-item connection can count by. */
export type PolicyItemFacetName = 'sdgs' | 'departments' | 'fields';

/** The fragments a `policyItems` page statement is assembled from (cypher/fragments/policy-item/). */
export const POLICY_ITEM_PAGE: PageSpec<PolicyItemOrderField, PolicyItemFacetName> = {
  name: 'policyItems',
  label: 'PolicyItem',
  scan: 'fragments/policy-item/scan',
  anchors: [
    { condition: 'fragments/policy-item/departments', anchor: 'fragments/policy-item/anchor-departments' },
    { condition: 'fragments/policy-item/sdgs', anchor: 'fragments/policy-item/anchor-sdgs' },
    { condition: 'fragments/policy-item/fields', anchor: 'fragments/policy-item/anchor-fields' },
  ],
  orderFields: {
    CODE: null,
    NAME: 'fragments/common/order-name',
    SATISFACTION_RANK: 'fragments/policy-item/order-satisfaction-rank',
    IMPORTANCE_RANK: 'fragments/policy-item/order-importance-rank',
    MEASURE_COUNT: 'fragments/policy-item/order-measure-count',
  },
  facets: {
    sdgs: 'fragments/policy-item/facet-sdgs',
    departments: 'fragments/policy-item/facet-departments',
    fields: 'fragments/policy-item/facet-fields',
  },
};
