import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, parse, validate } from 'graphql';

/** Every ```graphql block of docs/ is valid against the emitted schema (schema/schema.graphql). */
const DOCS = join(__dirname, '..', '..', 'docs');
const schema = buildSchema(readFileSync(join(__dirname, '..', '..', 'schema', 'schema.graphql'), 'utf8'));

const blocks = readdirSync(DOCS)
  .filter((name) => name.endsWith('.md'))
  .flatMap((name) =>
    [...readFileSync(join(DOCS, name), 'utf8').matchAll(/```graphql\n([\s\S]*?)```/g)].map((match, at) => ({
      where: `${name} block ${at + 1}`,
      text: match[1] ?? '',
    })),
  );

describe('GraphQL blocks in docs/', () => {
  it('exist', () => {
    expect(blocks.length).toBeGreaterThan(0);
  });

  it.each(blocks)('$where is valid against the schema', ({ text }) => {
    expect(validate(schema, parse(text)).map((error) => error.message)).toEqual([]);
  });
});
