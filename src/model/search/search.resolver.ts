import { ArrayMaxSize, IsOptional, Max, Min, MinLength } from 'class-validator';
import type { GraphQLResolveInfo } from 'graphql';
import { Args, ArgsType, Ctx, Field, Info, Int, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../read/request-context';
import { RowReader } from '../../db/row-reader';
import { matchKey } from '../../core/text/index';
import { toGraphQLNodeFor } from '../node/to-graphql-node';
import { BadUserInputError } from '../../core/errors';
import { ARGUMENT_LENGTH, MaxChars } from '../../core/argument-length';
import { labelOf, SearchHit, SearchType } from './search-hit.type';
import { locateMatch, luceneQuery } from './search-text';
import { searchProperties, searchStatement } from './search-statement';
import type { CompileContext } from '../../read/compile-context';
import { RootRead } from '../../read/root-reads';
import type { CompiledStatement, Params } from '../../db/graph-gateway';

@ArgsType()
class SearchArgs {
  @Field({ description: 'What to look for: Japanese or English, any width; several words must all match.' })
  @MinLength(1)
  @MaxChars(ARGUMENT_LENGTH.searchText)
  text!: string;

  @Field(() => [SearchType], { nullable: true, description: 'Only these kinds of node (default: all).' })
  @IsOptional()
  @ArrayMaxSize(9)
  types?: SearchType[] | null;

  @Field(() => Int, { defaultValue: 20, description: 'Most hits to return, 1 to 100.' })
  @Min(1)
  @Max(100)
  first = 20;
}

/** The search's statement and parameters for its arguments, as the resolver runs them; blank text is refused. */
function compileSearch(
  ctx: Pick<CompileContext, 'gateway'>,
  { text, types, first }: Pick<SearchArgs, 'text' | 'types' | 'first'>,
  info: Pick<GraphQLResolveInfo, 'operation' | 'fragments' | 'schema'>,
): { readonly statement: CompiledStatement; readonly params: Params } {
  const folded = matchKey(text);
  if (folded === '') throw new BadUserInputError('search text is blank', { argument: 'text' });
  const kinds = types ? types.map(labelOf) : null;
  const statement = searchStatement(ctx.gateway.statements, kinds, folded, searchProperties(info, kinds));
  return { statement, params: { lucene: luceneQuery(text), folded, first } };
}

@Resolver()
export class SearchResolver {
  @Query(() => [SearchHit], {
    description:
      'Japanese-aware search over names, descriptions and English names (full-text index with the cjk analyzer, plus substring matching for short queries), best first.',
  })
  // The same compile as the resolver's, for arguments as graphql-js coerced them (src/read/root-reads.ts).
  @RootRead((args, info, ctx) =>
    Promise.resolve().then(() =>
      Object.assign(compileSearch(ctx, args as unknown as SearchArgs, info), {
        shape: { kind: 'rows', column: 'node' } as const,
        columns: [],
      }),
    ),
  )
  async search(
    @Args() { text, types, first }: SearchArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<SearchHit[]> {
    const { statement, params } = compileSearch(ctx, { text, types, first }, info);
    const rows = await ctx.gateway.readStatement(statement, params);
    return rows.map((row) => {
      const reader = new RowReader(row);
      const node = reader.projected('node');
      return new SearchHit(toGraphQLNodeFor(info, node), reader.number('score'), () => locateMatch(text, node.values));
    });
  }
}
