import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { Arg, buildSchema, Query, Resolver, type ClassType } from 'type-graphql';

/** What a query returns, as type-graphql's `@Query` takes it. */
type Returns = Parameters<typeof Query>[0];
import { roleAuthChecker } from '../../src/platform/auth/auth-checker';

/**
 * A schema of one query, `name(filter: <filter>): <returns>`, for a recipe test's declared type and filter input
 * (declared as the kind's own files declare theirs, under other names), built as the service builds its own.
 */
export function recipeSchema(name: string, returns: Returns, filter: ClassType): Promise<GraphQLSchema> {
  @Resolver()
  class RecipeResolver {
    @Query(returns, { name, description: 'The recipe under test, filtered.' })
    answer(@Arg('filter', () => filter, { nullable: true }) given: object | null): never[] {
      void given;
      return [];
    }
  }
  // The service's own auth checker: type-graphql keeps its metadata process-wide, and after the integration
  // tier (same process under --runInBand) it holds the records resolver's @Authorized fields.
  return buildSchema({ resolvers: [RecipeResolver], validate: false, authChecker: roleAuthChecker });
}
