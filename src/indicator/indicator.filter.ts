import { IsOptional } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { Direction } from '../common/enums';
import { FieldNumberFilter, PolicyItemCodeFilter, SdgNumberFilter } from '../common/filter-fields';

@InputType({ description: 'Conditions on outcome indicators; all given conditions must hold (AND).' })
export class IndicatorFilter {
  @PolicyItemCodeFilter('Policy item code, e.g. `6-1`.')
  policyItem?: string;

  @FieldNumberFilter()
  field?: number;

  @SdgNumberFilter('SDG number 1–17 (through the policy item).')
  sdg?: number;

  @Field(() => Direction, { nullable: true, description: 'Which way the indicator should move.' })
  @IsOptional()
  direction?: Direction;
}
