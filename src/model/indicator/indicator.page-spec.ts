import { outlookParameter } from '../../graph/outlook-reference';
import { INDICATOR_ATTRIBUTES, INDICATOR_PROPERTIES } from '../../graph/properties/indicator.properties';
import { declaredAggregates, declaredOrderFields } from '../../read/page/declared-numbers';
import { kindPageSpec } from '../../read/page/kind-page-spec';

/**
 * The fragments an `indicators` page statement is assembled from (cypher/fragments/indicator/); the sort
 * orders and aggregate figures of its numbers follow from their declaration (indicator.properties.ts).
 */
export const INDICATOR_PAGE = kindPageSpec('indicator', {
  name: 'indicators',
  label: 'Indicator',
  // Ids first: a unique-constraint seek narrows most.
  anchors: ['ids'],
  exactAnchors: ['ids'],
  inPolicyItem: true,
  facets: ['sdgs', 'fields', 'directions', 'outlooks'],
  facetValues: { outlooks: () => outlookParameter() },
  orderFields: Object.assign(declaredOrderFields(INDICATOR_ATTRIBUTES), {
    RELATIVE_CHANGE: 'relative-change',
  } as const),
  // Computed figures after the declared numbers': none of them is stored.
  aggregates: Object.assign(declaredAggregates(INDICATOR_PROPERTIES), {
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
  }),
});
