import type { NodeLabel } from '../../graph/graph-model';
import { pagesOf, type PagesOf, type RelatedKinds } from '../../read/relationship-fields';
import { INDICATOR_LIST } from '../indicator/indicator.list';
import { MEASURE_LIST } from '../measure/measure.list';
import { POLICY_ITEM_LIST } from '../policy-item/policy-item.list';
import { REFORM_SHEET_LIST } from '../reform-sheet/reform-sheet.list';
import { NODE_CLASSES } from './to-graphql-node';

/** The pages of each paged kind below a parent: what a `paged` relationship's connection takes (relationship.ts). */
const PAGES: Partial<Readonly<Record<NodeLabel, PagesOf>>> = {
  Indicator: pagesOf(INDICATOR_LIST),
  Measure: pagesOf(MEASURE_LIST),
  PolicyItem: pagesOf(POLICY_ITEM_LIST),
  ReformSheet: pagesOf(REFORM_SHEET_LIST),
};

/**
 * The entities a declared relationship field reaches, by label (src/read/relationship-fields.ts): every
 * entity resolver's `relationshipResolvers` call takes them, so a field declared with its kind
 * (`<KIND>_RELATIONSHIPS`) needs no line of its own there.
 */
export const RELATED_KINDS: RelatedKinds = {
  typeOf: (label) => NODE_CLASSES[label],
  pagesOf: (label) => PAGES[label],
};
