import { kindPageSpec } from '../read/page/kind-page-spec';

/** The fragments an `indicators` page statement is assembled from (cypher/fragments/indicator/). */
export const INDICATOR_PAGE = kindPageSpec('indicator', {
  name: 'indicators',
  label: 'Indicator',
  // Ids first: a unique-constraint seek narrows most.
  anchors: ['ids'],
  exactAnchors: ['ids'],
  inPolicyItem: true,
  facets: ['sdgs', 'fields', 'directions'],
  orderFields: {
    CURRENT: 'current',
    TARGET: 'target',
    RELATIVE_CHANGE: 'relative-change',
  },
});
