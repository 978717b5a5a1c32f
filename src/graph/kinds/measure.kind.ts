import { ChangeStatus } from '../enums';
import { declareAnchors, inFrom, outTo, reversedHops } from './anchor';
import { declareAttributes, numbersOf } from './attribute';
import { declareFacets } from './facet';
import { CODE } from './code';
import { POSITION } from './position';
import { along, declareRelationships, listed, paged, single } from './relationship';

/**
 * The attributes of measures (施策中項目), each declared once: its stored contract, field, filter, sort order,
 * aggregate figure, export column, search and load rule follow from here (attribute.ts). A figure is read by the final
 * text's parser (src/ingest/final-plan/measure-reader.ts) into the measure's `figures`; a measure the draft
 * deletes is not in the final text, so a figure of measures is optional (the compiler says so where the merge
 * writes deleted ones). The department count is computed, not stored, and stays in src/model/measure/.
 */
export const MEASURE_ATTRIBUTES = declareAttributes({
  code: {
    description: 'Code `field-item-number`, e.g. `5-1-3`; a deleted measure has no number and a code such as `5-6-d3`.',
    ...CODE,
  },
  name: { type: 'String', description: 'Name in the next plan.', search: 'indexed' },
  previousName: {
    type: 'String',
    optional: true,
    description: 'Name in the current plan, when the next plan renames the measure.',
    search: 'indexed',
  },
  description: {
    type: 'String',
    optional: true,
    description: 'Description (内容) in the next plan.',
    export: { ja: '内容', en: 'Description' },
    search: 'indexed',
  },
  status: { type: { enum: ChangeStatus }, description: 'Change mark of the draft revision sheet.' },
  deletionReason: {
    type: 'String',
    optional: true,
    description: 'Why the draft revision sheet deletes the measure (削除理由), as written; null unless DELETED.',
    export: { ja: '削除理由', en: 'Deletion reason' },
  },
  responsibleTerms: {
    type: 'String[]',
    description: 'Collective terms (e.g. 関係各課) named as responsible besides departments.',
    export: { ja: 'その他の担当', en: 'Other responsible' },
  },
  number: {
    optional: true,
    unit: 'position within the policy item',
    description: 'Number within its policy item in the next plan; null when deleted.',
    aggregate: "The measures' numbers within their policy items.",
    ...POSITION,
  },
});

/** The numbers of measures (declared-property.ts). */
export const MEASURE_PROPERTIES = numbersOf(MEASURE_ATTRIBUTES);

/**
 * The path from a measure to its SDGs, through its policy item: written here once. Its relationship field, its
 * facet and its anchor (walked back), and every path of another kind that crosses it (Department.sdgs, an SDG's
 * measures, departments and sheets, the sheets' SDG facet and anchor) are made from it
 * (tests/unit/graph/measure-sdg-spellings.test.ts counts the spellings).
 */
export const MEASURE_TO_SDGS = [inFrom('HAS_MEASURE', 'PolicyItem'), outTo('CONTRIBUTES_TO')] as const;

/** The same path from an SDG to the measures touching it. */
export const SDG_TO_MEASURES = reversedHops(MEASURE_TO_SDGS);

/**
 * The relationships measures are filtered by, each with its anchor: where a `measures` page starts when the
 * condition must hold (src/graph/kinds/anchor.ts). A relationship field that declares a filter adds its own
 * (`reformSheets` below, relationship-pages.ts).
 */
export const MEASURE_ANCHORS = declareAnchors({
  departments: { from: 'Department', key: 'id', hops: [outTo('RESPONSIBLE_FOR')], condition: { as: 'd' } },
  'policy-items': { from: 'PolicyItem', key: 'code', hops: [outTo('HAS_MEASURE')] },
  sdgs: { from: 'Sdg', key: 'number', hops: SDG_TO_MEASURES },
  fields: { from: 'Field', key: 'field-id', hops: [outTo('HAS_ITEM', 'PolicyItem'), outTo('HAS_MEASURE')] },
});

/** The facets of `measures` declared by shape (src/graph/kinds/facet.ts); the others are files. */
export const MEASURE_FACETS = declareFacets({
  statuses: { perValueOf: 'status', counted: 'status', description: 'Per change mark.' },
});

/** The relationship fields of a measure (relationship.ts): the path from it to the nodes each lists. */
export const MEASURE_RELATIONSHIPS = declareRelationships({
  policyItem: single(along(inFrom('HAS_MEASURE')), 'The policy item (施策大項目) the measure belongs to.'),
  departments: listed(along(inFrom('RESPONSIBLE_FOR')), 'Departments responsible for the measure (評価回答部署).'),
  sdgs: listed(along(...MEASURE_TO_SDGS), 'SDGs the measure touches, through its policy item.', {
    sdgFacet: { name: 'sdgs', description: 'Per SDG touched (through the policy item), by SDG number.' },
  }),
  // The measures' filter by these sheets (reformSheets, reformSheetsAll, reformSheetsNone) and its anchor.
  reformSheets: paged(along(inFrom('SUPPORTS')), 'Reform sheets that name the measure as one they support.', {
    filter: 'Codes of reform sheets supporting the measure (`area-number`, e.g. `1-6`).',
  }),
});
