import { Max, Min } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';

/** `first` / `after` of every connection; validated before any query runs. */
@ArgsType()
export class PaginationArgs {
  @Field(() => Int, { defaultValue: 50, description: 'Page size, 1 to 100.' })
  @Min(1)
  @Max(100)
  first = 50;

  @Field(() => String, { nullable: true, description: 'Cursor (`endCursor` of the previous page) to continue after.' })
  after?: string | null;
}
