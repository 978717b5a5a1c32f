import { IsOptional, ValidateNested } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { Direction } from '../../graph/enums';
import { IndicatorOutlookStatus } from '../../graph/outlook-status';
import { INDICATOR_ANCHORS, INDICATOR_ATTRIBUTES } from '../../graph/properties/indicator.properties';
import { DeclaredFilters } from '../../read/filter/declared-filters';
import {
  CombinableFilter,
  CodesFilter,
  DepartmentRefFilter,
  DepartmentRefsFilter,
  EnumValuesFilter,
  FieldNumberFilter,
  FieldNumbersFilter,
  IdsFilter,
  PolicyItemCodeFilter,
  SdgNumberFilter,
  SdgNumbersFilter,
} from '../../read/filter/filter-fields';
import { NumberComparison } from '../../read/filter/number-comparison';

// Filters of its declared numbers (current value, target …) and texts follow from indicator.properties.ts.
@DeclaredFilters(INDICATOR_ATTRIBUTES, INDICATOR_ANCHORS)
@CombinableFilter()
@InputType({ description: 'Conditions on outcome indicators; all given conditions must hold (AND).' })
export class IndicatorFilter {
  @IdsFilter(/^\s*indicator:\d-\d{1,2}-\d{1,2}\s*$/, 'indicator:5-1-1', 'Indicator ids, e.g. `indicator:5-1-1`.')
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
