import { IsOptional, ValidateNested } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { Direction } from '../../graph/enums';
import { outlookParameter } from '../../graph/outlook-reference';
import { IndicatorOutlookStatus } from '../../graph/outlook-status';
import { INDICATOR_ATTRIBUTES } from '../../graph/kinds/indicator.kind';
import { anchorsOf } from '../../graph/kinds/label-pages';
import type { CompileContext } from '../../read/compile-context';
import { DeclaredFilters, declaredComparisons } from '../../read/filter/declared-filters';
import { declaredRelationshipConditions } from '../../read/filter/declared-relationship-filters';
import { FieldCount, OutlookStatusCount } from '../../read/filter/facet-counts';
import {
  CombinableFilter,
  CodesFilter,
  DepartmentRefFilter,
  DepartmentRefsFilter,
  EnumValuesFilter,
  FieldNumberFilter,
  FieldNumbersFilter,
  IdsFilter,
  INDICATOR_ID,
  PolicyItemCodeFilter,
  SdgNumberFilter,
  SdgNumbersFilter,
} from '../../read/filter/filter-fields';
import { comparisons, NumberComparison } from '../../read/filter/number-comparison';
import { holds, matches, not, type Condition } from '../../read/page/condition';
import { departmentsOf, listOf, trimmed, withNotAndOr } from '../../read/page/filter-conditions';
import { pagedKind } from '../../read/page/paged-kind';
import { Indicator } from './indicator.type';

// Filters of its declared numbers (current value, target …) and texts follow from indicator.kind.ts.
/** The kind's anchors, those its relationships' filters make among them (label-pages.ts). */
const PAGE_ANCHORS = anchorsOf('Indicator');

@DeclaredFilters(INDICATOR_ATTRIBUTES, PAGE_ANCHORS)
@CombinableFilter()
@InputType({ description: 'Conditions on outcome indicators; all given conditions must hold (AND).' })
class IndicatorFilter {
  @IdsFilter(INDICATOR_ID.pattern, INDICATOR_ID.example, 'Indicator ids, e.g. `indicator:5-1-1`.')
  ids?: string[];

  @PolicyItemCodeFilter('Policy item code, e.g. `6-1`.')
  policyItem?: string;

  @CodesFilter('policyItem', 'Policy item codes, e.g. `6-1`.')
  policyItems?: string[];

  @DepartmentRefFilter(
    'A department answering for the indicator (Indicator.owners): id, Japanese or English name, or English words (`planning division`); at most 100 characters.',
  )
  department?: string;

  @DepartmentRefsFilter('Departments answering for the indicator (any of them), each as in `department`.')
  departments?: string[];

  @Field({
    nullable: true,
    description:
      'true: only indicators some department answers for; false: only those whose owner is unconfirmed (no line of the documents names one: `ownerConfirmed` false).',
  })
  @IsOptional()
  ownerConfirmed?: boolean;

  @FieldNumberFilter()
  field?: number;

  @FieldNumbersFilter('Field numbers 1–6.')
  fields?: number[];

  @SdgNumberFilter('SDG number 1–17 (through the policy item).')
  sdg?: number;

  @SdgNumbersFilter('SDG numbers 1–17 (through the policy item).')
  sdgs?: number[];

  @Field(() => Direction, { nullable: true, description: 'Which way the indicator should move.' })
  @IsOptional()
  direction?: Direction;

  @EnumValuesFilter(Direction, 'Which ways the indicator should move.')
  directions?: Direction[];

  @EnumValuesFilter(
    IndicatorOutlookStatus,
    "Outlooks the indicator may have (any of them), as its `outlook` field gives it: e.g. `[NEEDS_ACCELERATION, LIMITED_PROGRESS, DETERIORATION]` for the targets that will be missed at today's pace.",
  )
  outlook?: IndicatorOutlookStatus[];
  outlookAll?: IndicatorOutlookStatus[];
  outlookNone?: IndicatorOutlookStatus[];

  @Field(() => NumberComparison, {
    nullable: true,
    description:
      'The change from current value to target relative to the current value: (target − current) / |current|; ' +
      '`{gt: 0.1}` is a target more than 10 % above the current value.',
  })
  @IsOptional()
  @ValidateNested()
  relativeChange?: NumberComparison;

  // The fields of @CombinableFilter, for TypeScript.
  and?: IndicatorFilter[];
  not?: IndicatorFilter;
  or?: IndicatorFilter[];
}

/** An indicator filter as a condition tree. */
function indicatorCondition(
  filter: IndicatorFilter | null,
  ctx: Pick<CompileContext, 'departments'>,
): Promise<Condition> {
  return conditionsOf(filter ?? {}, ctx, 'filter');
}

async function conditionsOf(
  f: IndicatorFilter,
  ctx: Pick<CompileContext, 'departments'>,
  path: string,
): Promise<Condition> {
  const own = [
    ...(await departmentsOf('fragments/indicator/departments', f, ctx.departments, path)),
    ...(await listOf('fragments/indicator/ids', undefined, f, 'ids', path, trimmed)),
    ...(await listOf('fragments/common/item-codes', f.policyItem?.trim(), f, 'policyItems', path, trimmed)),
    ...(await listOf('fragments/common/item-fields', f.field, f, 'fields', path)),
    ...(await listOf('fragments/common/item-sdgs', f.sdg, f, 'sdgs', path)),
    ...(await listOf('fragments/indicator/directions', f.direction, f, 'directions', path)),
    ...outlookConditions(f),
    ...ownerConditions(f.ownerConfirmed),
    ...declaredComparisons(INDICATOR_ATTRIBUTES, f, path),
    ...(await declaredRelationshipConditions('Indicator', PAGE_ANCHORS, f, ctx, path)),
    ...comparisons('fragments/indicator/relative-change', f.relativeChange, `${path}.relativeChange`),
  ];
  return withNotAndOr(own, f, (sub, subPath) => conditionsOf(sub, ctx, subPath), path);
}

/** The condition of `ownerConfirmed`: some department answers for the indicator, or none does. */
function ownerConditions(confirmed: boolean | undefined | null): Condition[] {
  if (confirmed === undefined || confirmed === null) return [];
  const owned = holds('fragments/indicator/owned');
  return [confirmed ? owned : not(owned)];
}

/**
 * The conditions of `outlook`, `outlookAll` and `outlookNone`. The outlook is computed in Cypher from the
 * reference file's years and thresholds, as Indicator.outlook computes it, so the fragment takes the
 * statuses together with those figures; an indicator always has a status, so `not` excludes exactly.
 */
function outlookConditions(f: IndicatorFilter): Condition[] {
  const outlookIn = (statuses: readonly string[]) =>
    matches('fragments/indicator/outlooks', { statuses, ...outlookParameter() });
  const none = f.outlookNone ?? [];
  return [
    ...(f.outlook && f.outlook.length > 0 ? [outlookIn(f.outlook)] : []),
    ...(f.outlookAll ?? []).map((status) => outlookIn([status])),
    ...(none.length > 0 ? [not(outlookIn(none))] : []),
  ];
}

/**
 * The list of outcome indicators (成果指標), shared by every connection of it: its filter above, its own sort
 * orders, facets and figures below; its anchors, declared sort orders and figures follow from
 * indicator.kind.ts and its statement's parts from cypher/fragments/indicator/ (src/read/page/paged-kind.ts).
 */
export const INDICATOR_LIST = pagedKind({
  type: Indicator,
  label: 'Indicator',
  folder: 'indicator',
  name: 'indicators',
  plural: 'outcome indicators',
  attributes: INDICATOR_ATTRIBUTES,
  description: 'A page of outcome indicators (成果指標) with the total count.',
  // Ids first: a unique-constraint seek narrows most.
  anchors: ['ids'],
  exactAnchors: ['ids'],
  inPolicyItem: true,
  order: {
    code: 'Indicator code, numerically; the default order.',
    // The relative change is computed from two declared numbers, so it follows them.
    afterDeclared: true,
    own: {
      RELATIVE_CHANGE: {
        part: 'relative-change',
        description: 'Change from current value to target, relative to the current value; without both numbers last.',
      },
    },
  },
  facets: {
    description:
      'Counts over all indicators matching the filter (every page), computed only for the facets selected. An ' +
      'indicator has one field, one direction and one outlook (those counts add up to totalCount).',
    counts: {
      fields: { count: FieldCount, description: 'Per field, by field number.' },
      outlooks: {
        count: OutlookStatusCount,
        description:
          'Per outlook status that at least one matched indicator has, by status name (counts add up to totalCount).',
      },
    },
  },
  facetValues: { outlooks: () => outlookParameter() },
  // Computed figures after the declared numbers': none of them is stored.
  aggregates: {
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
  filter: IndicatorFilter,
  condition: indicatorCondition,
});
