import type { PageSpec } from '../read/page/page-spec';
import type { IndicatorOrderField } from './indicator.order';

/** The facets an indicator connection can count by. */
export type IndicatorFacetName = 'sdgs' | 'fields' | 'directions';

/** The fragments an `indicators` page statement is assembled from (cypher/fragments/indicator/). */
export const INDICATOR_PAGE: PageSpec<IndicatorOrderField, IndicatorFacetName> = {
  name: 'indicators',
  label: 'Indicator',
  scan: 'fragments/indicator/scan',
  anchors: [
    // Ids first: a unique-constraint seek narrows most.
    { condition: 'fragments/indicator/ids', anchor: 'fragments/indicator/anchor-ids' },
    { condition: 'fragments/common/item-codes', anchor: 'fragments/indicator/anchor-policy-items' },
    { condition: 'fragments/common/item-sdgs', anchor: 'fragments/indicator/anchor-sdgs' },
    { condition: 'fragments/common/item-fields', anchor: 'fragments/indicator/anchor-fields' },
  ],
  context: { fragment: 'fragments/indicator/context', variables: ['i'] },
  orderFields: {
    CODE: null,
    NAME: 'fragments/common/order-name',
    CURRENT: 'fragments/indicator/current',
    TARGET: 'fragments/indicator/target',
    RELATIVE_CHANGE: 'fragments/indicator/relative-change',
  },
  facets: {
    sdgs: 'fragments/indicator/facet-sdgs',
    fields: 'fragments/indicator/facet-fields',
    directions: 'fragments/indicator/facet-directions',
  },
};
