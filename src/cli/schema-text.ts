import { join } from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { PROJECT_ROOT } from '../core/project-root';
import { graphSchema } from '../schema';

/** The committed SDL (schema/schema.graphql); a test fails when it differs from what the code builds. */
export const SCHEMA_FILE = join(PROJECT_ROOT, 'schema', 'schema.graphql');

/** The schema as SDL, types sorted by name so the file changes only when the schema does. */
export async function schemaText(): Promise<string> {
  const header = '# Generated from the resolvers by `npm run schema:emit`; do not edit by hand.\n\n';
  return `${header}${printSchema(lexicographicSortSchema(await graphSchema()))}\n`;
}
