import fc from 'fast-check';
import { readExampleOperations } from '../../../../../src/web/ide/example-operations';
import { documentIdOf } from '../../../../../src/platform/graphql/trusted-documents/document-id';
import {
  ManifestError,
  OperationManifest,
  type ManifestOperation,
} from '../../../../../src/platform/graphql/trusted-documents/operation-manifest';

/**
 * The manifest is read once at start: a good one is taken whole, and every way an entry can be wrong stops the
 * start with a message naming the file and the entry. The entries are the IDE's example operations (real
 * documents of this schema), listed as Apollo's generate-persisted-query-manifest lists them.
 */
const FILE = 'deploy/trusted-documents.json';

let entries: ManifestOperation[];
beforeAll(async () => {
  const examples = await readExampleOperations();
  const manifest = OperationManifest.ofDocuments(
    examples.map((example) => example.query),
    'examples',
  );
  entries = (JSON.parse(manifest.toJson()) as { operations: ManifestOperation[] }).operations;
});

const manifestText = (operations: readonly unknown[]): string =>
  JSON.stringify({ format: 'apollo-persisted-query-manifest', version: 1, operations });

/** Ways to spoil one entry, each with what the message must say about it. */
const SPOILERS: readonly { readonly what: string; spoil(entry: ManifestOperation): unknown; says: RegExp }[] = [
  {
    what: 'id of another text',
    spoil: (e) => ({ ...e, id: documentIdOf(`${e.body} `) }),
    says: /is not the SHA-256 of its body/,
  },
  { what: 'id not hex', spoil: (e) => ({ ...e, id: e.id.toUpperCase() }), says: /"id" must be 64 lowercase hex/ },
  {
    what: 'unknown type',
    spoil: (e) => ({ ...e, type: 'fetch' }),
    says: /"type" must be query, mutation or subscription/,
  },
  {
    what: 'type of another kind',
    spoil: (e) => ({ ...e, type: e.type === 'query' ? 'subscription' : 'query' }),
    says: /"type" is \w+, but the body's operation is a/,
  },
  { what: 'name not in the body', spoil: (e) => ({ ...e, name: `${e.name}X` }), says: /has no operation named/ },
  {
    what: 'body not GraphQL',
    spoil: (e) => {
      const body = `${e.body} {`;
      return { ...e, body, id: documentIdOf(body) };
    },
    says: /is not a GraphQL document/,
  },
  { what: 'missing body', spoil: ({ body: _body, ...rest }) => rest, says: /"body" must be a string/ },
  { what: 'not an object', spoil: () => 'query { x }', says: /must be an object/ },
];

describe('the manifest of trusted documents', () => {
  it('takes every well-formed manifest whole, in order, and writes it back the same', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(entries, { minLength: 0 }), (chosen) => {
        const manifest = OperationManifest.parse(manifestText(chosen), FILE);
        expect(manifest.operations.map((operation) => operation.id)).toEqual(chosen.map((entry) => entry.id));
        for (const entry of chosen) expect(manifest.byId(entry.id)?.body).toBe(entry.body);
        expect(JSON.parse(manifest.toJson())).toEqual(JSON.parse(manifestText(chosen)));
      }),
    );
  });

  it('refuses any manifest with one spoilt entry, naming the file, the entry and what is wrong', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(entries, { minLength: 1 }),
        fc.nat(),
        fc.constantFrom(...SPOILERS),
        (chosen, at, spoiler) => {
          const index = at % chosen.length;
          const operations: unknown[] = [...chosen];
          operations[index] = spoiler.spoil(chosen[index] as ManifestOperation);
          const read = () => OperationManifest.parse(manifestText(operations), FILE);
          expect(read).toThrow(ManifestError);
          expect(read).toThrow(`TRUSTED_DOCUMENTS: ${FILE}: operations[${index}]`);
          expect(read).toThrow(spoiler.says);
        },
      ),
    );
  });

  it('refuses an id listed twice, naming both entries', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(entries, { minLength: 1 }), fc.nat(), (chosen, at) => {
        const index = at % chosen.length;
        const operations = [...chosen, chosen[index]];
        expect(() => OperationManifest.parse(manifestText(operations), FILE)).toThrow(
          `operations[${chosen.length}] (${chosen[index]?.name}) has the id of operations[${index}]`,
        );
      }),
    );
  });

  it.each([
    ['not JSON', '{"format":', /is not JSON/],
    ['another format', JSON.stringify({ format: 'relay', version: 1, operations: [] }), /must have "format"/],
    [
      'another version',
      JSON.stringify({ format: 'apollo-persisted-query-manifest', version: 2, operations: [] }),
      /"version": 1/,
    ],
    ['no operations', JSON.stringify({ format: 'apollo-persisted-query-manifest', version: 1 }), /"operations" array/],
  ])('refuses a file that is %s, naming it', (_what, text, says) => {
    expect(() => OperationManifest.parse(text, FILE)).toThrow(says);
    expect(() => OperationManifest.parse(text, FILE)).toThrow(FILE);
  });

  it('names a file it cannot read', () => {
    expect(() => OperationManifest.read('no/such/manifest.json')).toThrow(
      'TRUSTED_DOCUMENTS: cannot read the manifest no/such/manifest.json (ENOENT)',
    );
  });
});
