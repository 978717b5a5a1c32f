import { Kind, OperationTypeNode, parse } from 'graphql';
import { codeBlocks, documentationFiles, type CodeBlock } from '../../helpers/markdown-docs';
import { createAuthenticator } from '../../../src/platform/auth/authenticator';
import { mintToken } from '../../../src/platform/auth/mint-token';
import { openApi, type ApiFixture } from '../../helpers/api-fixture';

/**
 * Every example query of README.md and docs/ runs against the seeded graph through the real server and answers
 * without errors. Where a guide shows the answer (a ```json block right after the query), the service's `data`
 * must equal it exactly, so a guide cannot go on quoting an answer the graph no longer gives. Mutations and
 * subscriptions are validated by tests/unit/docs/graphql-blocks.test.ts and exercised by the records and
 * live-update tests; they are not run here, so this suite leaves the graph as it found it.
 *
 * The records guide is read by editors, who send a token: its queries run as an editor of 市民活動推進課; every
 * other guide's queries run as an anonymous reader, as the service answers them by default.
 */
const SECRET = 'docs-examples-secret-0123456789abcdef';
const SIGNED_IN_GUIDES = new Set(['docs/records.md']);
const queries = documentationFiles()
  .flatMap(codeBlocks)
  .filter((block) => block.language === 'graphql')
  .filter((block) =>
    parse(block.code).definitions.every(
      (definition) => definition.kind !== Kind.OPERATION_DEFINITION || definition.operation === OperationTypeNode.QUERY,
    ),
  );

/** Whether an answer holds any value: a scalar, or a list or object with one somewhere inside. */
function holdsAValue(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (Array.isArray(value)) return value.some(holdsAValue);
  if (typeof value === 'object') return Object.values(value).some(holdsAValue);
  return true;
}

/** The answer a guide shows for a query: the JSON block right after it, if any. */
function shownAnswer(block: CodeBlock): unknown {
  return block.next?.language === 'json' ? (JSON.parse(block.next.code) as unknown) : undefined;
}

describe('the example queries of the README and docs/', () => {
  let api: ApiFixture;
  let editor: Record<string, string>;
  beforeAll(async () => {
    api = await openApi({
      authenticate: createAuthenticator({ secret: SECRET, jwksUrl: undefined, anonymousRead: true }),
    });
    editor = {
      authorization: `Bearer ${await mintToken(SECRET, { sub: 'sato', role: 'editor', departments: ['市民活動推進課'] })}`,
    };
  });
  afterAll(async () => {
    await api.close();
  });

  it('are many, and several show their answer', () => {
    expect(queries.length).toBeGreaterThanOrEqual(10);
    expect(queries.filter((block) => shownAnswer(block) !== undefined).length).toBeGreaterThanOrEqual(5);
    // The canonical question of the README shows its answer.
    expect(queries.some((block) => block.file === 'README.md' && shownAnswer(block) !== undefined)).toBe(true);
  });

  it.each(queries.map((block) => [`${block.file}:${block.line}`, block] as const))(
    '%s runs on the seeded graph and answers what the guide shows',
    async (_where, block) => {
      const headers = SIGNED_IN_GUIDES.has(block.file) ? editor : {};
      const response = await api.server.query(block.code, undefined, headers);
      expect(response.errors).toBeUndefined();
      const data = response.data ?? {};
      // Something was found: a guide's example that answers only nulls and empty lists teaches nothing.
      expect(holdsAValue(data)).toBe(true);
      const shown = shownAnswer(block);
      if (shown !== undefined) expect(data).toEqual(shown);
    },
  );
});
