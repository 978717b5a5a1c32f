import { ArrayMaxSize, ArrayNotEmpty, IsOptional } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { ARGUMENT_LENGTH, MaxChars } from '../../core/argument-length';
import { BadUserInputError } from '../../core/errors';
import { matches, type Condition } from '../page/condition';
import { declaredFragment } from '../page/fragments';
import { MAX_ANY_OF } from './filter-fields';

/**
 * The filter of a declared text (src/graph/kinds/, `filter` on a `String`), shaped as @neo4j/graphql's
 * string filters (`eq`, `in`, `contains`): compared with the text as stored, so width and case count (the
 * kind's `text` filter is the folded, search-like one).
 */
@InputType({
  description:
    'Conditions on a text as stored (width and case count); all given must hold. Items without the text never ' +
    'match, also under `not`.',
})
export class TextMatch {
  @Field(() => String, { nullable: true, description: 'Exactly this text.' })
  @IsOptional()
  @MaxChars(ARGUMENT_LENGTH.searchText)
  eq?: string;

  @Field(() => [String], { nullable: true, description: `Exactly one of these texts (1–${MAX_ANY_OF}).` })
  @IsOptional()
  @ArrayNotEmpty()
  @ArrayMaxSize(MAX_ANY_OF)
  @MaxChars(ARGUMENT_LENGTH.searchText)
  in?: string[];

  @Field(() => String, { nullable: true, description: 'Contains this text.' })
  @IsOptional()
  @MaxChars(ARGUMENT_LENGTH.searchText)
  contains?: string;
}

/** The conditions of `given` on the declared text stored as `property`; an empty match is refused. */
export function textMatches(property: string, given: TextMatch | null | undefined, path: string): Condition[] {
  if (given === null || given === undefined) return [];
  const found = [
    ...(given.eq === undefined || given.eq === null
      ? []
      : [matches(declaredFragment('text-in', property), [given.eq])]),
    ...(given.in === undefined || given.in === null ? [] : [matches(declaredFragment('text-in', property), given.in)]),
    ...(given.contains === undefined || given.contains === null
      ? []
      : [matches(declaredFragment('text-contains', property), given.contains)]),
  ];
  if (found.length === 0)
    throw new BadUserInputError(`${path} needs at least one of eq, in, contains`, { argument: path });
  return found;
}
