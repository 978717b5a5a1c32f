import { Field, ObjectType } from 'type-graphql';
import { DepartmentCount, FieldCount, SdgCount, StatusCount } from '../../read/filter/facet-counts';

@ObjectType({
  description:
    'Counts over all measures matching the filter (every page), computed only for the facets selected. A measure ' +
    'belongs to one field and has one status (those counts add up to totalCount); it may touch several SDGs ' +
    'and have several departments.',
})
export class MeasureFacets {
  @Field(() => [SdgCount], { description: 'Per SDG touched (through the policy item), by SDG number.' })
  sdgs!: SdgCount[];

  @Field(() => [DepartmentCount], { description: 'Per responsible department, most measures first.' })
  departments!: DepartmentCount[];

  @Field(() => [FieldCount], { description: 'Per field, by field number.' })
  fields!: FieldCount[];

  @Field(() => [StatusCount], { description: 'Per change mark.' })
  statuses!: StatusCount[];
}
