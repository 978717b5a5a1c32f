import { Max, Min } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';
import { ARGUMENT_LENGTH, MaxChars } from '../../core/argument-length';

/** The page sizes a connection answers (`first`). */
export const PAGE_SIZE = { min: 1, max: 100 } as const;

/** `first` / `after` of every connection; validated before any query runs. */
@ArgsType()
export class PaginationArgs {
  @Field(() => Int, { defaultValue: 50, description: `Page size, ${PAGE_SIZE.min} to ${PAGE_SIZE.max}.` })
  @Min(PAGE_SIZE.min)
  @Max(PAGE_SIZE.max)
  first = 50;

  @Field(() => String, { nullable: true, description: 'Cursor (`endCursor` of the previous page) to continue after.' })
  @MaxChars(ARGUMENT_LENGTH.cursor)
  after?: string | null;
}
