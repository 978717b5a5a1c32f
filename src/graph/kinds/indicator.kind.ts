import { Direction } from '../enums';
import { declareAnchors, inFrom, outTo } from './anchor';
import { declareAttributes, numbersOf } from './attribute';
import { declareFacets } from './facet';
import { CODE } from './code';
import { along, declareRelationships, single } from './relationship';

/** An indicator's numbers are in its own unit (件, %, 人 …: its `unit` field), both or neither given. */
const IN_ITS_UNIT = { type: 'Float', optional: true, unit: "the indicator's `unit`" } as const;

/**
 * The attributes of outcome indicators (成果指標, document 001), each declared once: its stored contract, field,
 * filter, sort order, aggregate figure, export column, search and load rule follow from here (attribute.ts). A
 * figure is read by the final text's parser (src/ingest/final-plan/indicator-reader.ts) into the row's
 * `figures`. What is computed from them (relativeChange, the recorded value of a year, the achievement rate)
 * is not stored, and stays written by hand in src/model/indicator/.
 */
export const INDICATOR_ATTRIBUTES = declareAttributes({
  code: { field: false, description: 'Indicator code (`5-1-1`), in its id (found by search; not a field).', ...CODE },
  name: {
    type: 'String',
    description:
      "Name that reads on its own, e.g. 市ホームページへのアクセス数; a name printed as a part of the row above (上記のうち…) has 上記 replaced by that row's name (printedName keeps the text as printed).",
    search: 'indexed',
  },
  printedName: {
    type: 'String',
    optional: true,
    description:
      'The name as 001 prints it in its 成果指標 table where it differs from `name`, e.g. 上記のうち高齢者が関係した事故発生件数 for 5-5-2; null when the name is printed as it stands.',
    export: { ja: '指標名(表記)', en: 'Name as printed' },
  },
  definition: {
    type: 'String',
    optional: true,
    description: 'Definition given in brackets, if any.',
    export: { ja: '定義', en: 'Definition' },
    search: 'substring',
  },
  currentText: {
    type: 'String',
    optional: true,
    description: 'Current value as printed, e.g. `2,927,767 件`.',
    export: { ja: '現状値(表記)', en: 'Current as printed' },
  },
  targetText: {
    type: 'String',
    optional: true,
    description: 'Target as printed, e.g. `92.7 %以内`.',
    export: { ja: '目標値(表記)', en: 'Target as printed' },
  },
  unit: { type: 'String', optional: true, description: 'Unit, e.g. 件, %, 人.', export: { ja: '単位', en: 'Unit' } },
  targetBound: {
    type: 'String',
    optional: true,
    description: 'Qualifier printed after the target, e.g. 以内 (at most: the target is an upper bound).',
    export: { ja: '目標の範囲', en: 'Target bound' },
  },
  targetNote: {
    type: 'String',
    optional: true,
    description: 'Note printed in brackets after the target, e.g. 移動均衡 (migration in balance).',
    export: { ja: '目標の注記', en: 'Target note' },
  },
  direction: { type: { enum: Direction }, description: 'Which way the indicator should move.' },
  current: {
    description: 'Current value (現状値); null when there is no baseline (—).',
    filter: 'The current value (the baseline of the plan).',
    order: { value: 'CURRENT', description: 'Current value (the baseline); indicators without a number last.' },
    aggregate: 'The current values (現状値, the baseline of the plan).',
    export: { ja: '現状値', en: 'Current' },
    ...IN_ITS_UNIT,
  },
  target: {
    description: 'Target value (目標値).',
    filter: 'The target value.',
    order: { value: 'TARGET', description: 'Target value; indicators without a number last.' },
    aggregate: 'The target values (目標値).',
    export: { ja: '目標値', en: 'Target' },
    ...IN_ITS_UNIT,
  },
});

/** The numbers of indicators (declared-property.ts). */
export const INDICATOR_PROPERTIES = numbersOf(INDICATOR_ATTRIBUTES);

/**
 * The relationships outcome indicators are filtered by, each with its anchor: where an `indicators` page
 * starts when the condition must hold (src/graph/kinds/anchor.ts). By id, the other anchor, is the
 * indicator's own key (cypher/fragments/indicator/anchor-ids.cypher).
 */
export const INDICATOR_ANCHORS = declareAnchors({
  'policy-items': { from: 'PolicyItem', key: 'code', hops: [outTo('MEASURED_BY')] },
  sdgs: { from: 'Sdg', key: 'number', hops: [inFrom('CONTRIBUTES_TO', 'PolicyItem'), outTo('MEASURED_BY')] },
  fields: { from: 'Field', key: 'field-id', hops: [outTo('HAS_ITEM', 'PolicyItem'), outTo('MEASURED_BY')] },
});

/** The facets of `indicators` declared by shape (src/graph/kinds/facet.ts); the others are files. */
export const INDICATOR_FACETS = declareFacets({
  sdgs: {
    perSdg: [inFrom('MEASURED_BY', 'PolicyItem'), outTo('CONTRIBUTES_TO')],
    description: "Per SDG of the indicators' policy items, by SDG number.",
  },
  directions: { perValueOf: 'direction', counted: 'direction', description: 'Per direction.' },
});

/** The relationship fields of an indicator (relationship.ts): the path from it to the nodes each lists. */
export const INDICATOR_RELATIONSHIPS = declareRelationships({
  policyItem: single(along(inFrom('MEASURED_BY')), 'The policy item the indicator measures.'),
});
