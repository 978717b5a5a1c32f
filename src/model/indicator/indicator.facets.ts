import { Field, ObjectType } from 'type-graphql';
import { DirectionCount, FieldCount, SdgCount } from '../../read/filter/facet-counts';

@ObjectType({
  description:
    'Counts over all indicators matching the filter (every page), computed only for the facets selected. An ' +
    'indicator has one field and one direction (those counts add up to totalCount).',
})
export class IndicatorFacets {
  @Field(() => [SdgCount], { description: "Per SDG of the indicators' policy items, by SDG number." })
  sdgs!: SdgCount[];

  @Field(() => [FieldCount], { description: 'Per field, by field number.' })
  fields!: FieldCount[];

  @Field(() => [DirectionCount], { description: 'Per direction.' })
  directions!: DirectionCount[];
}
