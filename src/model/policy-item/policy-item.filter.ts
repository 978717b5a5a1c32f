import { IsOptional, Max, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { POLICY_ITEM_ANCHORS, POLICY_ITEM_ATTRIBUTES } from '../../graph/properties/policy-item.properties';
import { DeclaredFilters } from '../../read/filter/declared-filters';
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

// Filters of its declared numbers and texts follow from policy-item.properties.ts (none filterable yet).
@DeclaredFilters(POLICY_ITEM_ATTRIBUTES, POLICY_ITEM_ANCHORS)
@CombinableFilter()
@InputType({ description: 'Conditions on policy items; all given conditions must hold (AND).' })
export class PolicyItemFilter {
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
