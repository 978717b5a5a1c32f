import { declareAnchors, followedBy, inFrom, outTo } from './anchor';
import { MEASURE_TO_SDGS, SDG_TO_MEASURES } from './measure.kind';
import { declareAttributes, numbersOf } from './attribute';
import { declareFacets } from './facet';
import { CODE } from './code';
import { POSITION } from './position';
import { along, declareRelationships, listed, paged, single } from './relationship';

/** Every sheet prints its start and target years (`開始年度 | R 5 | 達成目標年度 | R 9`). */
const FISCAL_YEAR = { type: 'FiscalYear', optional: false, unit: 'fiscal year' } as const;

/**
 * The attributes of reform sheets (実施計画シート, document 003), each declared once: its stored contract, field,
 * filter, sort order, aggregate figure, export column, search and load rule follow from here (attribute.ts).
 * The collective terms and yearly targets are stored as several attributes without fields of their own and
 * assembled by hand (ReformSheet.collectiveTerms, ReformSheet.yearlyTargets).
 */
export const REFORM_SHEET_ATTRIBUTES = declareAttributes({
  code: { description: 'Code `area-number`, e.g. `1-6` (names repeat across sheets; codes do not).', ...CODE },
  areaNumber: {
    type: 'Int',
    optional: false,
    field: false,
    unit: 'area number',
    description: 'The number of the area the sheet belongs to, the first part of its code.',
  },
  name: { type: 'String', description: 'Name of the sheet.', search: 'indexed' },
  executingTerms: {
    type: 'String[]',
    field: false,
    description: 'Collective terms given as executing (全庁 …), for ReformSheet.collectiveTerms.',
  },
  partnerTerms: {
    type: 'String[]',
    field: false,
    description: 'Collective terms given as partner (関係各課 …), for ReformSheet.collectiveTerms.',
  },
  partnerGroups: {
    type: 'String[]',
    description: 'Partners that are not city departments (groups, companies).',
    export: { ja: '連携団体', en: 'Partner groups' },
  },
  partnersOpenEnded: {
    type: 'Boolean',
    description: 'True when the partner list ends with 等 or など ("and others"): the partners named are not all.',
  },
  viewpoint: {
    type: 'String',
    description: 'Viewpoint of the reform (改革の視点).',
    export: { ja: '改革の視点', en: 'Viewpoint' },
    search: 'indexed',
  },
  supportedMeasuresText: {
    type: 'String',
    description:
      'The supported-measures cell (総合振興計画 施策中項目) as printed, unsplit: a measure name of fields 1–4 may itself contain 、, which splitting cannot tell apart.',
  },
  unresolvedMeasureNames: {
    type: 'String[]',
    description: 'Measure names the sheet cites that no document describes (fields 1–4, a slogan).',
  },
  currentSituation: {
    type: 'String',
    optional: true,
    description: 'Current situation and issues (現状と課題), as written.',
  },
  actions: { type: 'String', optional: true, description: 'What the sheet will do (取組内容), as written.' },
  effects: { type: 'String', optional: true, description: 'Expected effects (取組の効果), as written.' },
  yearlyTargetLabels: {
    type: 'String[]',
    field: false,
    description: 'The era labels of the fiscal years with a target (`R5`), for ReformSheet.yearlyTargets.',
  },
  yearlyTargetYears: {
    type: 'Int[]',
    field: false,
    description: 'The Gregorian years those fiscal years start in, for ReformSheet.yearlyTargets.',
  },
  yearlyTargetTexts: {
    type: 'String[]',
    field: false,
    description: 'The targets as written, one per fiscal year, for ReformSheet.yearlyTargets.',
  },
  evaluation: {
    type: 'String',
    optional: true,
    description: 'Year-end grade (年度末評価, A/B/C); null when not graded yet.',
    export: { ja: '年度末評価', en: 'Evaluation' },
  },
  notes: { type: 'String', optional: true, description: 'Notes (備考), including plan changes.' },
  planChanged: {
    type: 'Boolean',
    description: 'True when the notes record a change of plan (e.g. `<令和6年度計画変更>`).',
  },
  number: {
    optional: false,
    unit: 'position within the area',
    description: 'Number within its area.',
    aggregate: "The sheets' numbers within their areas.",
    ...POSITION,
  },
  startYear: {
    description: 'Start fiscal year (開始年度).',
    filter: 'Start fiscal year (開始年度) as the Gregorian year it starts in (R6 = 2024), e.g. `{gte: 2024}`.',
    order: { value: 'START_YEAR', description: 'Fiscal year the sheet starts.' },
    aggregate: 'The fiscal years the sheets start.',
    export: { ja: '開始年度', en: 'Start fiscal year' },
    ...FISCAL_YEAR,
  },
  targetYear: {
    description: 'Target fiscal year (目標年度).',
    filter: 'Target fiscal year (達成目標年度) as the Gregorian year it starts in (R9 = 2027), e.g. `{lte: 2025}`.',
    nullableField: true,
    order: { value: 'TARGET_YEAR', description: 'Target fiscal year.' },
    aggregate: 'The fiscal years the sheets aim at.',
    export: { ja: '目標年度', en: 'Target fiscal year' },
    ...FISCAL_YEAR,
  },
  page: {
    type: 'Int',
    optional: true,
    unit: 'page',
    description: "Page of the sheet in the printed document, from the table of contents' 頁 column.",
    min: 1,
    export: { ja: '頁', en: 'Page' },
  },
  yearlyTargetCount: {
    type: 'Int',
    optional: false,
    figure: true,
    unit: 'fiscal years',
    description: 'How many fiscal years the sheet sets a target for (filled 各年度達成目標 cells, R5–R9).',
    min: 0,
    filter: 'How many fiscal years the sheet sets a target for, e.g. `{gte: 5}`: a target every year of R5–R9.',
    order: { value: 'YEARLY_TARGET_COUNT', description: 'How many fiscal years the sheet sets a target for.' },
    aggregate: 'How many fiscal years the sheets set targets for.',
    export: { ja: '年度目標数', en: 'Yearly targets' },
  },
});

/** The numbers of reform sheets (declared-property.ts). */
export const REFORM_SHEET_PROPERTIES = numbersOf(REFORM_SHEET_ATTRIBUTES);

/**
 * The relationships reform sheets are filtered by, each with its anchor: where a `reformSheets` page starts
 * when the condition must hold (src/graph/kinds/anchor.ts).
 */
export const REFORM_SHEET_ANCHORS = declareAnchors({
  departments: {
    from: 'Department',
    key: 'id',
    hops: [outTo(['EXECUTES', 'PARTNERS_ON'])],
    condition: { as: 'd' },
  },
  'executing-departments': { from: 'Department', key: 'id', hops: [outTo('EXECUTES')], condition: { as: 'd' } },
  'partner-departments': { from: 'Department', key: 'id', hops: [outTo('PARTNERS_ON')], condition: { as: 'd' } },
  measures: { from: 'Measure', key: 'code', hops: [inFrom('SUPPORTS')], condition: { as: 'm' } },
  'measure-fields': {
    from: 'Field',
    key: 'field-id',
    hops: [outTo('HAS_ITEM', 'PolicyItem'), outTo('HAS_MEASURE', 'Measure'), inFrom('SUPPORTS')],
  },
  sdgs: {
    from: 'Sdg',
    key: 'number',
    hops: followedBy(SDG_TO_MEASURES, inFrom('SUPPORTS')),
    condition: { as: 's' },
  },
});

/** The facets of `reformSheets` declared by shape (src/graph/kinds/facet.ts); the others are files. */
export const REFORM_SHEET_FACETS = declareFacets({
  areas: { perValueOf: 'areaNumber', counted: 'area', description: 'Per area, by area number.' },
});

/** The relationship fields of a reform sheet (relationship.ts): the path from it to the nodes each lists. */
export const REFORM_SHEET_RELATIONSHIPS = declareRelationships({
  area: single(along(outTo('IN_AREA')), 'The area the sheet belongs to.'),
  departments: listed(along(inFrom('EXECUTES')), 'Executing departments (実行課).'),
  partners: listed(along(inFrom('PARTNERS_ON')), 'Partner departments (連携課).'),
  measures: paged(
    along(outTo('SUPPORTS')),
    'Measures (施策中項目) the sheet supports, as resolved from the names it cites.',
  ),
  sdgs: listed(
    along(outTo('SUPPORTS', 'Measure'), ...MEASURE_TO_SDGS),
    'SDGs touched through the measures the sheet supports.',
    { sdgFacet: { name: 'sdgs', description: 'Per SDG touched through the supported measures, by SDG number.' } },
  ),
});
