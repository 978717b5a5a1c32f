import { outlookParameter } from '../../graph/outlook-reference';
import { kindPageSpec } from '../../read/page/kind-page-spec';

/** The fragments an `indicators` page statement is assembled from (cypher/fragments/indicator/). */
export const INDICATOR_PAGE = kindPageSpec('indicator', {
  name: 'indicators',
  label: 'Indicator',
  // Ids first: a unique-constraint seek narrows most.
  anchors: ['ids'],
  exactAnchors: ['ids'],
  inPolicyItem: true,
  facets: ['sdgs', 'fields', 'directions', 'outlooks'],
  facetValues: { outlooks: () => outlookParameter() },
  orderFields: {
    CURRENT: 'current',
    TARGET: 'target',
    RELATIVE_CHANGE: 'relative-change',
  },
  aggregates: {
    current: { quantity: 'current', description: 'The current values (現状値, the baseline of the plan).' },
    target: { quantity: 'target', description: 'The target values (目標値).' },
    relativeChange: {
      quantity: 'relative-change',
      description: 'The change from current value to target relative to the current value (0.1 = 10 % up).',
    },
    value: {
      quantity: 'recorded-value',
      byFiscalYear: true,
      description: "The recorded values of the fiscal year (each indicator's latest revision not retracted).",
    },
    achievementRate: {
      quantity: 'achievement-rate',
      byFiscalYear: true,
      description:
        'The achievement rates (percent) of the recorded values of the fiscal year, as Indicator.progress computes them.',
    },
  },
});
