import { ArrayMaxSize, IsOptional } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { ChangeStatus } from '../../graph/enums';
import { MEASURE_ANCHORS, MEASURE_ATTRIBUTES } from '../../graph/properties/measure.properties';
import { DeclaredFilters } from '../../read/filter/declared-filters';
import {
  CombinableFilter,
  CodesFilter,
  DepartmentRefFilter,
  DepartmentRefsFilter,
  FieldNumberFilter,
  FieldNumbersFilter,
  PolicyItemCodeFilter,
  SdgNumberFilter,
  SdgNumbersFilter,
  ShortTextsFilter,
  TextFilter,
  MAX_ANY_OF,
} from '../../read/filter/filter-fields';

// Filters of its declared numbers and texts follow from measure.properties.ts (none filterable yet).
@DeclaredFilters(MEASURE_ATTRIBUTES, MEASURE_ANCHORS)
@CombinableFilter()
@InputType({ description: 'Conditions on measures; all given conditions must hold (AND).' })
export class MeasureFilter {
  @SdgNumberFilter('SDG number 1–17 the measure touches (through its policy item).')
  sdg?: number;

  @SdgNumbersFilter('SDG numbers 1–17 the measure touches (through its policy item).')
  sdgs?: number[];

  @DepartmentRefFilter(
    'A responsible department: id, Japanese or English name, or English words (`citizen activity division`).',
  )
  department?: string;

  @DepartmentRefsFilter('Responsible departments, each as in `department`.')
  departments?: string[];

  @PolicyItemCodeFilter()
  policyItem?: string;

  @CodesFilter('policyItem', 'Policy item codes, e.g. `5-1`.')
  policyItems?: string[];

  @FieldNumberFilter()
  field?: number;

  @FieldNumbersFilter('Field numbers 1–6.')
  fields?: number[];

  @Field(() => [ChangeStatus], {
    nullable: true,
    description: `Only these change marks (DELETED here includes deleted measures); at most ${MAX_ANY_OF} values.`,
  })
  @IsOptional()
  // Capped like every other list; an empty one stays allowed, as before.
  @ArrayMaxSize(MAX_ANY_OF)
  status?: ChangeStatus[];

  @Field({ nullable: true, description: 'Also list measures the next plan deletes (default false).' })
  @IsOptional()
  includeDeleted?: boolean;

  @TextFilter('Text contained in the name or description (Japanese substrings; width and spacing ignored).')
  text?: string;

  @ShortTextsFilter('Year-end grades (年度末評価, e.g. `C`) of a reform sheet supporting the measure.')
  sheetEvaluations?: string[];

  // The fields of @CombinableFilter, for TypeScript.
  and?: MeasureFilter[];
  not?: MeasureFilter;
  or?: MeasureFilter[];
}
