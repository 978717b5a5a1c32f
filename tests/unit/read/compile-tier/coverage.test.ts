import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { selectedFields } from '../../../helpers/compiled-selection';
import { graphSchema } from '../../../../src/schema';
import { rootReadFields } from '../../../../src/read/root-reads';
import { nestedPageFields } from '../../../../src/read/prefetch/nested-pages';

/** Every operation of the compile tier's files, by the `graphql` tag that marks them. */
function tierOperations(): string[] {
  return readdirSync(__dirname)
    .filter((file) => file.endsWith('.test.ts') && file !== 'coverage.test.ts')
    .flatMap((file) => [...readFileSync(join(__dirname, file), 'utf8').matchAll(/graphql`([^`]*)`/g)])
    .map((match) => match[1] ?? '');
}

describe('compile tier coverage', () => {
  it('asks every root field that compiles a read, and every nested connection', async () => {
    const schema = await graphSchema();
    const operations = tierOperations();
    expect(operations.length).toBeGreaterThan(30);
    const selected = new Set((await Promise.all(operations.map(selectedFields))).flat());
    const roots = rootReadFields(schema).map((field) => `Query.${field}`);
    const nested = nestedPageFields(schema).map(({ typeName, field }) => `${typeName}.${field}`);
    expect(roots).toHaveLength(15);
    expect(nested.length).toBeGreaterThanOrEqual(30);
    expect([...roots, ...nested].filter((field) => !selected.has(field))).toEqual([]);
  });
});
