import { Field, Int, ObjectType } from 'type-graphql';
import { PolicyField } from '../../model/field/policy-field.type';
import { Sdg } from '../../model/sdg/sdg.type';

@ObjectType({ description: 'What the documents give one policy field (分野): how much of the graph is about it.' })
export class FieldCoverage {
  @Field(() => PolicyField, { description: 'The field.' })
  field!: PolicyField;

  @Field(() => Int, { description: 'Policy items (施策大項目) of the field.' })
  policyItemCount!: number;

  @Field(() => Int, {
    description: 'Measures (施策中項目) of its policy items that the next plan keeps (deleted ones are not counted).',
  })
  measureCount!: number;

  @Field(() => Int, { description: 'Outcome indicators of its policy items.' })
  indicatorCount!: number;

  @Field(() => Int, { description: 'Links from its policy items to SDGs (one per policy item and SDG).' })
  sdgLinkCount!: number;

  @Field(() => [Sdg], { description: 'The SDGs its policy items contribute to, once each, by number.' })
  sdgs!: Sdg[];
}

@ObjectType({
  description:
    'What the source documents cover. A field or SDG with zero counts here has no data in the documents, so ' +
    'every filter by it returns nothing: that is not a mistake in the request.',
})
export class DocumentCoverage {
  @Field(() => [FieldCoverage], { description: 'Every policy field 1–6, by number.' })
  fields!: FieldCoverage[];

  @Field(() => [Sdg], {
    description:
      'The SDGs no policy item contributes to in the documents, by number: filtering measures, policy items, ' +
      'indicators or the coverage matrix by one of them returns nothing because the documents have no data.',
  })
  uncoveredSdgs!: Sdg[];
}
