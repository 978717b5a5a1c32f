import { Field, ObjectType } from 'type-graphql';
import { DirectionCount, FieldCount, OutlookStatusCount, SdgCount } from '../../read/filter/facet-counts';

@ObjectType({
  description:
    'Counts over all indicators matching the filter (every page), computed only for the facets selected. An ' +
    'indicator has one field, one direction and one outlook (those counts add up to totalCount).',
})
export class IndicatorFacets {
  @Field(() => [SdgCount], { description: "Per SDG of the indicators' policy items, by SDG number." })
  sdgs!: SdgCount[];

  @Field(() => [FieldCount], { description: 'Per field, by field number.' })
  fields!: FieldCount[];

  @Field(() => [DirectionCount], { description: 'Per direction.' })
  directions!: DirectionCount[];

  @Field(() => [OutlookStatusCount], {
    description:
      'Per outlook status that at least one matched indicator has, by status name (counts add up to totalCount).',
  })
  outlooks!: OutlookStatusCount[];
}
