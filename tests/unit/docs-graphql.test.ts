import { readFileSync } from 'node:fs';
import { buildSchema, parse, validate } from 'graphql';
import { SCHEMA_FILE } from '../../src/schema-text';

/** The guides whose GraphQL this test owns; each ```graphql block must be valid against the schema. */
const GUIDES = ['docs/records.md', 'docs/operators.md'];

/** The ```graphql blocks of a Markdown file, with the line each starts on. */
function graphqlBlocks(path: string): { line: number; text: string }[] {
  const lines = readFileSync(path, 'utf8').split('\n');
  const blocks: { line: number; text: string }[] = [];
  for (let at = 0; at < lines.length; at += 1) {
    if (lines[at]?.trim() !== '```graphql') continue;
    const end = lines.findIndex((line, index) => index > at && line.trim() === '```');
    blocks.push({ line: at + 1, text: lines.slice(at + 1, end).join('\n') });
    at = end;
  }
  return blocks;
}

describe('the GraphQL in the guides', () => {
  const schema = buildSchema(readFileSync(SCHEMA_FILE, 'utf8'));

  it.each(GUIDES)('%s: every graphql block parses and fits the schema', (path) => {
    const problems = graphqlBlocks(path).flatMap(({ line, text }) =>
      validate(schema, parse(text)).map((error) => `${path}:${line}: ${error.message}`),
    );
    expect(problems).toEqual([]);
  });

  it('has the blocks it checks (a renamed fence would check nothing)', () => {
    expect(graphqlBlocks('docs/records.md').length).toBeGreaterThanOrEqual(2);
  });
});
