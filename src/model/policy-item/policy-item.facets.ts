import { Field, ObjectType } from 'type-graphql';
import { DepartmentCount, FieldCount, SdgCount } from '../../read/filter/facet-counts';

@ObjectType({
  description:
    'Counts over all policy items matching the filter (every page), computed only for the facets selected. An ' +
    'item belongs to one field (those counts add up to totalCount).',
})
export class PolicyItemFacets {
  @Field(() => [SdgCount], { description: 'Per SDG the items contribute to, by SDG number.' })
  sdgs!: SdgCount[];

  @Field(() => [DepartmentCount], {
    description: 'Per department responsible for a non-deleted measure of the items, most items first.',
  })
  departments!: DepartmentCount[];

  @Field(() => [FieldCount], { description: 'Per field, by field number.' })
  fields!: FieldCount[];
}
