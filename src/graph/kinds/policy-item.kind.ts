import { declareAnchors, inFrom, outTo, unlessDeleted } from './anchor';
import { declareAttributes, numbersOf } from './attribute';
import { declareFacets } from './facet';
import { CODE } from './code';
import { POSITION } from './position';
import { along, alongDeletable, declareRelationships, listed, paged, single } from './relationship';

/**
 * The attributes of policy items (施策大項目), each declared once: its stored contract, field, filter, sort order,
 * aggregate figure, export column, search and load rule follow from here (attribute.ts). The citizen survey
 * and satisfaction rate are stored as several attributes without fields of their own and assembled by hand
 * (PolicyItem.survey, PolicyItem.satisfactionRate). A figure is read by
 * the final text's parser (src/ingest/final-plan/item-reader.ts) into the item's `figures`; the items of
 * fields 1–4 are known from the matrix only, so a figure of policy items is optional (the compiler says so
 * where the merge writes those items). The measure count is computed, not stored, and stays in
 * src/model/policy-item/.
 */
export const POLICY_ITEM_ATTRIBUTES = declareAttributes({
  code: { description: 'Code `field-number`, e.g. `5-1`.', ...CODE },
  fieldNumber: {
    type: 'Int',
    optional: false,
    field: false,
    unit: 'field number',
    description: 'The number of the field the item belongs to (1–6), the first part of its code.',
  },
  name: { type: 'String', description: 'Name in the next plan (後期基本計画).', search: 'indexed' },
  previousName: {
    type: 'String',
    optional: true,
    description: 'Name in the current plan, when the next plan renames the item.',
    search: 'indexed',
  },
  detailed: {
    type: 'Boolean',
    description: 'True for items the documents describe in detail (fields 5 and 6).',
    export: { ja: '詳細記述', en: 'Detailed' },
  },
  visions: { type: 'String[]', description: 'Visions (めざす姿): what the city aims to look like.' },
  visionText: {
    type: 'String',
    optional: true,
    field: false,
    description: 'The visions as one text, for search only (the full-text index covers strings, not lists).',
    search: 'indexed',
  },
  collaboration: {
    type: 'String[]',
    description: 'Collaboration (協働による取組): what citizens, groups and companies can do.',
  },
  surveyQuestion: { type: 'String', optional: true, field: false, description: 'The citizen survey question.' },
  surveyYearLabels: {
    type: 'String[]',
    field: false,
    description: 'The era labels of the surveyed fiscal years (`R3`), one per survey point.',
  },
  surveyYears: {
    type: 'Int[]',
    field: false,
    description: 'The Gregorian years the surveyed fiscal years start in, one per survey point.',
  },
  surveySatisfaction: { type: 'Float[]', field: false, description: 'The satisfaction of each survey point.' },
  surveyImportance: { type: 'Float[]', field: false, description: 'The importance of each survey point.' },
  satisfactionRank: {
    type: 'Int',
    optional: true,
    field: false,
    unit: 'rank',
    description: "The item's rank by satisfaction among the surveyed items.",
  },
  importanceRank: {
    type: 'Int',
    optional: true,
    field: false,
    unit: 'rank',
    description: "The item's rank by importance among the surveyed items.",
  },
  rankOutOf: {
    type: 'Int',
    optional: true,
    field: false,
    unit: 'items',
    description: 'How many items the ranks are among.',
  },
  satisfactionRateQuestion: {
    type: 'String',
    optional: true,
    field: false,
    description: 'The question of the citizen satisfaction rate (市民満足度).',
  },
  satisfactionRatePercent: {
    type: 'Float',
    optional: true,
    field: false,
    unit: 'percent',
    description: 'The citizen satisfaction rate (市民満足度).',
  },
  number: {
    optional: false,
    unit: 'position within the field',
    description: 'Number within its field.',
    aggregate: "The items' numbers within their fields.",
    ...POSITION,
  },
});

/** The numbers of policy items (declared-property.ts). */
export const POLICY_ITEM_PROPERTIES = numbersOf(POLICY_ITEM_ATTRIBUTES);

/**
 * The relationships policy items are filtered by, each with its anchor: where a `policyItems` page starts when
 * the condition must hold (src/graph/kinds/anchor.ts).
 */
export const POLICY_ITEM_ANCHORS = declareAnchors({
  departments: {
    from: 'Department',
    key: 'id',
    hops: [outTo('RESPONSIBLE_FOR', 'Measure'), inFrom('HAS_MEASURE')],
  },
  sdgs: { from: 'Sdg', key: 'number', hops: [inFrom('CONTRIBUTES_TO')], condition: { as: 's' } },
  fields: { from: 'Field', key: 'field-id', hops: [outTo('HAS_ITEM')] },
});

/** The facets of `policyItems` declared by shape (src/graph/kinds/facet.ts); the others are files. */
export const POLICY_ITEM_FACETS = declareFacets({
  fields: { perValueOf: 'fieldNumber', counted: 'field', description: 'Per field, by field number.' },
});

/** The relationship fields of a policy item (relationship.ts): the path from it to the nodes each lists. */
export const POLICY_ITEM_RELATIONSHIPS = declareRelationships({
  field: single(along(inFrom('HAS_ITEM')), 'The field (分野) the item belongs to.'),
  sdgs: listed(
    along(outTo('CONTRIBUTES_TO')),
    'SDGs the item contributes to (関連するSDGs, as the departments answered).',
    { sdgFacet: { name: 'sdgs', description: 'Per SDG the items contribute to, by SDG number.' } },
  ),
  measures: listed(alongDeletable(outTo('HAS_MEASURE')), 'Measures (施策中項目) of the item, in number order.'),
  indicators: paged(along(outTo('MEASURED_BY')), 'Outcome indicators (成果指標) of the item.'),
  projects: listed(alongDeletable(outTo('HAS_PROJECT')), 'Main projects (主な事業) of the item.'),
  relatedPlans: listed(along(outTo('HAS_RELATED_PLAN')), 'Related plans (関連計画) of the item.'),
  departments: listed(
    along(unlessDeleted(outTo('HAS_MEASURE', 'Measure')), inFrom('RESPONSIBLE_FOR')),
    'Departments responsible for any of its (non-deleted) measures.',
  ),
  reformSheets: paged(
    along(outTo('HAS_MEASURE', 'Measure'), inFrom('SUPPORTS')),
    'Reform sheets supporting any of its measures.',
  ),
  linkagePlans: listed(
    along(inFrom('TARGETS', 'Initiative'), inFrom('HAS_INITIATIVE')),
    'Linkage plans whose initiatives target the item.',
  ),
  initiatives: listed(along(inFrom('TARGETS')), 'Linkage-plan initiatives (推進のための取組) that target the item.'),
});
