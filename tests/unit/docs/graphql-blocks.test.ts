import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { codeBlocks, documentationFiles } from '../../helpers/markdown-docs';

/**
 * Every ```graphql block of README.md and docs/ is a document the schema accepts: it parses, and graphql-js's
 * validation against schema/schema.graphql (the committed schema, itself checked for drift) finds nothing. A
 * renamed field or argument fails here, naming the file and line of the block.
 */
const schema = buildSchema(readFileSync(join(__dirname, '..', '..', '..', 'schema', 'schema.graphql'), 'utf8'));
const blocks = documentationFiles()
  .flatMap(codeBlocks)
  .filter((block) => block.language === 'graphql');

describe('the graphql blocks of the README and docs/', () => {
  it('are found (the README and several guides have some)', () => {
    expect(blocks.some((block) => block.file === 'README.md')).toBe(true);
    expect(new Set(blocks.map((block) => block.file)).size).toBeGreaterThanOrEqual(4);
  });

  it.each(blocks.map((block) => [`${block.file}:${block.line}`, block] as const))(
    '%s validates against schema/schema.graphql',
    (_where, block) => {
      const errors = validate(schema, parse(block.code)).map((error) => error.message);
      expect(errors).toEqual([]);
    },
  );

  it('would catch a field the schema does not have', () => {
    const errors = validate(schema, parse('{ measures { totalCount budget } }'));
    expect(errors.map((error) => error.message)).toEqual([
      expect.stringContaining('Cannot query field "budget" on type "MeasureConnection"'),
    ]);
  });
});
