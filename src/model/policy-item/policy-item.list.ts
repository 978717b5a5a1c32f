import { IsOptional, Max, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { POLICY_ITEM_ANCHORS, POLICY_ITEM_ATTRIBUTES } from '../../graph/kinds/policy-item.kind';
import { anchorsOf } from '../../graph/kinds/label-pages';
import type { CompileContext } from '../../read/compile-context';
import { DeclaredFilters, declaredComparisons } from '../../read/filter/declared-filters';
import { declaredRelationshipConditions } from '../../read/filter/declared-relationship-filters';
import { DepartmentCount } from '../../read/filter/facet-counts';
import {
  CombinableFilter,
  DepartmentRefFilter,
  DepartmentRefsFilter,
  FieldNumberFilter,
  FieldNumbersFilter,
  NumbersFilter,
  SdgNumberFilter,
  SdgNumbersFilter,
  TextFilter,
} from '../../read/filter/filter-fields';
import { foldedText } from '../../read/filter/text-filter';
import { matches, type Condition } from '../../read/page/condition';
import { declaredConditionIn } from '../../read/page/declared-anchors';
import { departmentsOf, listOf, withNotAndOr } from '../../read/page/filter-conditions';
import { pagedKind } from '../../read/page/paged-kind';
import { PolicyItem } from './policy-item.type';

// Filters of its declared numbers and texts follow from policy-item.kind.ts (none filterable yet).
/** The kind's anchors, those its relationships' filters make among them (label-pages.ts). */
const PAGE_ANCHORS = anchorsOf('PolicyItem');

@DeclaredFilters(POLICY_ITEM_ATTRIBUTES, PAGE_ANCHORS)
@CombinableFilter()
@InputType({ description: 'Conditions on policy items; all given conditions must hold (AND).' })
class PolicyItemFilter {
  @FieldNumberFilter()
  field?: number;

  @FieldNumbersFilter('Field numbers 1–6.')
  fields?: number[];

  @SdgNumberFilter('SDG number 1–17 the item contributes to.')
  sdg?: number;

  @SdgNumbersFilter('SDG numbers 1–17 the item contributes to.')
  sdgs?: number[];

  @DepartmentRefFilter(
    'A department responsible for one of its measures: id, Japanese or English name, or English words.',
  )
  department?: string;

  @DepartmentRefsFilter('Departments responsible for one of its measures, each as in `department`.')
  departments?: string[];

  @Field(() => Int, { nullable: true, description: 'Linkage plan number 1–5 whose initiatives target the item.' })
  @IsOptional()
  @Min(1)
  @Max(5)
  linkagePlan?: number;

  @NumbersFilter('Linkage plan numbers whose initiatives target the item', 1, 5)
  linkagePlans?: number[];

  @Field({
    nullable: true,
    description: 'Only detailed items (fields 5, 6) when true; only code-and-name items when false.',
  })
  @IsOptional()
  detailed?: boolean;

  @TextFilter('Text contained in the name or visions (Japanese substrings; full-/half-width and spacing ignored).')
  text?: string;

  // The fields of @CombinableFilter, for TypeScript.
  and?: PolicyItemFilter[];
  not?: PolicyItemFilter;
  or?: PolicyItemFilter[];
}

/** A policy-item filter as a condition tree. */
function policyItemCondition(
  filter: PolicyItemFilter | null,
  ctx: Pick<CompileContext, 'departments'>,
): Promise<Condition> {
  return conditionsOf(filter ?? {}, ctx, 'filter');
}

async function conditionsOf(
  f: PolicyItemFilter,
  ctx: Pick<CompileContext, 'departments'>,
  path: string,
): Promise<Condition> {
  const text = foldedText(f.text);
  const own = [
    ...(await listOf('fragments/policy-item/fields', f.field, f, 'fields', path)),
    ...(await listOf(declaredConditionIn('PolicyItem', POLICY_ITEM_ANCHORS, 'sdgs'), f.sdg, f, 'sdgs', path)),
    ...(await departmentsOf('fragments/policy-item/departments', f, ctx.departments, path)),
    ...(await listOf('fragments/policy-item/linkage-plans', f.linkagePlan, f, 'linkagePlans', path)),
    ...(f.detailed === undefined || f.detailed === null ? [] : [matches('fragments/policy-item/detailed', f.detailed)]),
    ...(text === null ? [] : [matches('fragments/common/text', text)]),
    ...declaredComparisons(POLICY_ITEM_ATTRIBUTES, f, path),
    ...(await declaredRelationshipConditions('PolicyItem', PAGE_ANCHORS, f, ctx, path)),
  ];
  return withNotAndOr(own, f, (sub, subPath) => conditionsOf(sub, ctx, subPath), path);
}

/**
 * The list of policy items (施策大項目), shared by every connection of it: its filter above, its own sort orders,
 * facets and figures below; its anchors, declared sort orders and figures follow from policy-item.kind.ts
 * and its statement's parts from cypher/fragments/policy-item/ (src/read/page/paged-kind.ts).
 */
export const POLICY_ITEM_LIST = pagedKind({
  type: PolicyItem,
  label: 'PolicyItem',
  folder: 'policy-item',
  name: 'policyItems',
  plural: 'policy items',
  attributes: POLICY_ITEM_ATTRIBUTES,
  description: 'A page of policy items (施策大項目) with the total count.',
  // sdgs, a declared condition, is exact. Not departments: the condition counts only measures that are not
  // deleted, the anchor any.
  anchors: ['departments', 'sdgs', 'fields'],
  order: {
    code: 'Item code, numerically (5-2 before 5-10); the default order.',
    own: {
      SATISFACTION_RANK: {
        part: 'order-satisfaction-rank',
        description: 'Rank by citizen satisfaction (1 = most satisfied); items without one last.',
      },
      IMPORTANCE_RANK: {
        part: 'order-importance-rank',
        description: 'Rank by importance to citizens (1 = most important); items without one last.',
      },
      MEASURE_COUNT: { part: 'order-measure-count', description: 'How many measures (not deleted) the item has.' },
    },
  },
  facets: {
    description:
      'Counts over all policy items matching the filter (every page), computed only for the facets selected. An ' +
      'item belongs to one field (those counts add up to totalCount).',
    counts: {
      departments: {
        count: DepartmentCount,
        description: 'Per department responsible for a non-deleted measure of the items, most items first.',
      },
    },
  },
  aggregates: {
    measureCount: { quantity: 'order-measure-count', description: 'How many measures (not deleted) each item has.' },
  },
  filter: PolicyItemFilter,
  condition: policyItemCondition,
});
