import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Where in the source documents a fact was read (provenance).' })
export class Source {
  @Field({
    description:
      'File name of the source document in seed/sources/ (or a reference table in seed/reference/); a .pdf when the document was ingested from its PDF.',
  })
  document!: string;

  @Field(() => Int, { nullable: true, description: '1-based page of a PDF document; null for a text file.' })
  page!: number | null;

  @Field(() => Int, {
    description: '1-based line number in that document; in a PDF, the printed line on that page (from the top).',
  })
  line!: number;
}
