import { IsOptional, Matches, Max, Min } from 'class-validator';
import { ARGUMENT_LENGTH, MaxChars } from '../../core/argument-length';
import { Field, InputType, Int } from 'type-graphql';
import { SheetRole } from '../../graph/enums';
import { REFORM_SHEET_ANCHORS, REFORM_SHEET_ATTRIBUTES } from '../../graph/properties/reform-sheet.properties';
import { DeclaredFilters } from '../../read/filter/declared-filters';
import {
  CombinableFilter,
  CodesFilter,
  DepartmentRefFilter,
  DepartmentRefsFilter,
  FieldNumbersFilter,
  NumbersFilter,
  SdgNumberFilter,
  SdgNumbersFilter,
  ShortTextsFilter,
  TextFilter,
} from '../../read/filter/filter-fields';

// Filters of its declared numbers (start and target years …) and texts follow from reform-sheet.properties.ts.
@DeclaredFilters(REFORM_SHEET_ATTRIBUTES, REFORM_SHEET_ANCHORS)
@CombinableFilter()
@InputType({ description: 'Conditions on reform sheets; all given conditions must hold (AND).' })
export class ReformSheetFilter {
  @Field(() => Int, { nullable: true, description: 'Area number 1–3.' })
  @IsOptional()
  @Min(1)
  @Max(3)
  area?: number;

  @NumbersFilter('Area numbers', 1, 3)
  areas?: number[];

  @DepartmentRefFilter('A department taking part (see `role`): id, Japanese or English name, or English words.')
  department?: string;

  @DepartmentRefsFilter('Departments taking part (see `role`), each as in `department`.')
  departments?: string[];

  @Field(() => SheetRole, { nullable: true, description: "The department's role; default ANY." })
  @IsOptional()
  role?: SheetRole;

  @SdgNumberFilter('SDG number 1–17 touched through the measures the sheet supports.')
  sdg?: number;

  @SdgNumbersFilter('SDG numbers 1–17 touched through the measures the sheet supports.')
  sdgs?: number[];

  @Field({ nullable: true, description: 'Code of a measure the sheet supports, e.g. `5-2-5`.' })
  @IsOptional()
  @MaxChars(ARGUMENT_LENGTH.code)
  @Matches(/^\s*\d-\d{1,2}-(\d{1,2}|d\d{1,2})\s*$/, {
    message: 'measure must be a measure code such as 5-2-5',
    context: { example: '5-2-5' },
  })
  measure?: string;

  @CodesFilter('measure', 'Codes of measures the sheet supports, e.g. `5-2-5`.')
  measures?: string[];

  @FieldNumbersFilter('Field numbers 1–6 of the measures the sheet supports.')
  measureFields?: number[];

  @Field({ nullable: true, description: 'Year-end grade (年度末評価), e.g. `A`.' })
  @IsOptional()
  @MaxChars(ARGUMENT_LENGTH.code)
  evaluation?: string;

  @ShortTextsFilter('Year-end grades (年度末評価), e.g. `C`.')
  evaluations?: string[];

  @TextFilter('Text contained in the sheet (e.g. a viewpoint such as `ICTの積極的な活用`).')
  viewpoint?: string;

  @TextFilter('Text contained in the name (Japanese substrings; width and spacing ignored).')
  text?: string;

  // The fields of @CombinableFilter, for TypeScript.
  and?: ReformSheetFilter[];
  not?: ReformSheetFilter;
  or?: ReformSheetFilter[];
}
