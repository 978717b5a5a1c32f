import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({
  description: 'An indicator or reform sheet that has records but is no longer in the documents; its records are kept.',
})
export class OrphanedSubject {
  @Field(() => ID, { description: 'The indicator or reform sheet id the records are about.' })
  subject!: string;

  @Field(() => Int, { description: 'How many recorded revisions are kept for it.' })
  records!: number;
}
