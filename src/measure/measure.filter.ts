import { IsOptional } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { ChangeStatus } from '../common/enums';
import {
  DepartmentRefFilter,
  FieldNumberFilter,
  PolicyItemCodeFilter,
  SdgNumberFilter,
  TextFilter,
} from '../common/filter-fields';

@InputType({ description: 'Conditions on measures; all given conditions must hold (AND).' })
export class MeasureFilter {
  @SdgNumberFilter('SDG number 1–17 the measure touches (through its policy item).')
  sdg?: number;

  @DepartmentRefFilter(
    'A responsible department: id, Japanese or English name, or English words (`citizen activity division`).',
  )
  department?: string;

  @PolicyItemCodeFilter()
  policyItem?: string;

  @FieldNumberFilter()
  field?: number;

  @Field(() => [ChangeStatus], {
    nullable: true,
    description: 'Only these change marks (DELETED here includes deleted measures).',
  })
  @IsOptional()
  status?: ChangeStatus[];

  @Field({ nullable: true, description: 'Also list measures the next plan deletes (default false).' })
  @IsOptional()
  includeDeleted?: boolean;

  @TextFilter('Text contained in the name or description (Japanese substrings; width and spacing ignored).')
  text?: string;
}
