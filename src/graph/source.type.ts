import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Where in the source documents a fact was read (provenance).' })
export class Source {
  @Field({
    description: 'File name of the source document in seed/sources/ (or a reference table in seed/reference/).',
  })
  document!: string;

  @Field(() => Int, { description: '1-based line number in that document.' })
  line!: number;
}
