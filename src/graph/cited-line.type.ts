import { Field, Int, ObjectType } from 'type-graphql';

/**
 * The most lines one judgement of a reference file may cite: checked when the file is read, and the size the
 * query cost rule gives a list of cited lines.
 */
export const MAX_CITED_LINES = 10;

@ObjectType({
  description:
    'A line of a source document a judgement rests on, with the text it contains there (checked by the test suite against seed/sources/).',
})
export class CitedLine {
  @Field({ description: 'File name of the source document in seed/sources/, e.g. `001_ce2878ebb8c6f072.txt`.' })
  document!: string;

  @Field(() => Int, { description: '1-based line number in that document.' })
  line!: number;

  @Field({
    description:
      'The text the line contains (a tab is a tab), e.g. `ストレスチェックやオンライン個別相談を継続して実施する`.',
  })
  says!: string;
}
