import { Field, Int, ObjectType, type ClassType } from 'type-graphql';
import type { PerValueCounted } from '../../graph/kinds/facet';
import { ChangeStatus, Direction } from '../../graph/enums';
import { IndicatorOutlookStatus } from '../../graph/outlook-status';

/** The buckets of facet counts: one value of a facet and how many items of the filtered set have it. */
@ObjectType({ description: 'How many items of the filtered set touch one SDG.' })
export class SdgCount {
  @Field(() => Int, { description: 'SDG number 1–17.' })
  number!: number;

  @Field(() => Int, { description: 'Items of the filtered set touching this SDG.' })
  count!: number;
}

@ObjectType({ description: 'How many items of the filtered set belong to one field (分野).' })
export class FieldCount {
  @Field(() => Int, { description: 'Field number 1–6.' })
  number!: number;

  @Field(() => Int, { description: 'Items of the filtered set in this field.' })
  count!: number;
}

@ObjectType({ description: 'How many items of the filtered set one department takes part in.' })
export class DepartmentCount {
  @Field({ description: 'Department id, e.g. `department:crisis-management`.' })
  id!: string;

  @Field({ description: 'Japanese name, e.g. 危機管理課.' })
  name!: string;

  @Field({ description: 'English name.' })
  nameEn!: string;

  @Field(() => Int, { description: 'Items of the filtered set the department takes part in.' })
  count!: number;
}

@ObjectType({ description: 'How many measures of the filtered set carry one change mark.' })
export class StatusCount {
  @Field(() => ChangeStatus, { description: 'The change mark.' })
  status!: ChangeStatus;

  @Field(() => Int, { description: 'Measures of the filtered set with this mark.' })
  count!: number;
}

@ObjectType({ description: 'How many indicators of the filtered set should move one way.' })
export class DirectionCount {
  @Field(() => Direction, { description: 'The direction.' })
  direction!: Direction;

  @Field(() => Int, { description: 'Indicators of the filtered set with this direction.' })
  count!: number;
}

@ObjectType({ description: 'How many indicators of the filtered set have one outlook.' })
export class OutlookStatusCount {
  @Field(() => IndicatorOutlookStatus, { description: 'The outlook, as Indicator.outlook gives it.' })
  status!: IndicatorOutlookStatus;

  @Field(() => Int, { description: 'Indicators of the filtered set with this outlook.' })
  count!: number;
}

@ObjectType({ description: 'How many reform sheets of the filtered set are in one area.' })
export class AreaCount {
  @Field(() => Int, { description: 'Area number 1–3.' })
  number!: number;

  @Field(() => Int, { description: 'Sheets of the filtered set in this area.' })
  count!: number;
}

@ObjectType({ description: 'How many reform sheets of the filtered set have one year-end grade.' })
export class EvaluationCount {
  @Field(() => String, { nullable: true, description: 'The grade (年度末評価), e.g. `C`; null for sheets not graded.' })
  evaluation!: string | null;

  @Field(() => Int, { description: 'Sheets of the filtered set with this grade.' })
  count!: number;
}

/** The count type of each thing a declared facet per value counts (src/graph/kinds/facet.ts, `counted`). */
export const PER_VALUE_COUNTS: Readonly<Record<PerValueCounted, ClassType>> = {
  field: FieldCount,
  area: AreaCount,
  status: StatusCount,
  direction: DirectionCount,
};
