import fc from 'fast-check';
import { parse, print, visit, Kind, type OperationDefinitionNode } from 'graphql';
import { loadConfig } from '../../../../../src/core/config';
import { queryParseOptions } from '../../../../../src/platform/graphql/query-limits';
import { documentIdOf } from '../../../../../src/platform/graphql/trusted-documents/document-id';
import type { OperationManifest } from '../../../../../src/platform/graphql/trusted-documents/operation-manifest';
import {
  TrustedDocuments,
  type Admission,
} from '../../../../../src/platform/graphql/trusted-documents/trusted-documents';
import { trustedDocumentsOfThisBuild } from '../../../../../src/web/trusted-documents/build-trusted-documents';

/**
 * The gate's rule over the manifest this build writes (the dashboard's operations and the IDE's examples): every
 * entry runs by id (each way of naming it) and by its text; any other text, however close to a listed one, is
 * refused, and so is a listed id sent with another text.
 */
let manifest: OperationManifest;
let bodies: ReadonlySet<string>;
const parseOptions = queryParseOptions(loadConfig({}).queryLimits);
const gateOf = (introspection: boolean) => new TrustedDocuments(manifest, { introspection, parseOptions });

beforeAll(async () => {
  manifest = await trustedDocumentsOfThisBuild();
  bodies = new Set(manifest.operations.map((operation) => operation.body));
}, 60_000);

const entry = () => fc.integer({ min: 0, max: 10_000 }).map((at) => manifest.operations[at % manifest.size]!);

/** Texts close to a listed body: what an attacker who read the dashboard's bundle would try. */
const VARIATIONS = {
  whitespace: (body: string, at: number, noise: string) => {
    const position = at % (body.length + 1);
    return `${body.slice(0, position)}${noise}${body.slice(position)}`;
  },
  comment: (body: string, at: number, noise: string) => {
    const lines = body.split('\n');
    const line = at % (lines.length + 1);
    return [...lines.slice(0, line), `# ${noise.replace(/\n/g, ' ')}`, ...lines.slice(line)].join('\n');
  },
  renamed: (body: string, at: number) =>
    print(
      visit(parse(body), {
        OperationDefinition: (operation: OperationDefinitionNode) => ({
          ...operation,
          name: { kind: Kind.NAME, value: `${operation.name?.value ?? 'Anonymous'}${at}` },
        }),
      }),
    ),
  extraField: (body: string, at: number) => {
    const opening = body.indexOf('{', body.search(/\b(query|mutation|subscription)\b|^\s*\{/));
    return `${body.slice(0, opening + 1)} ${at % 2 === 0 ? '__typename' : 'serviceInfo { version }'} ${body.slice(opening + 1)}`;
  },
  reprinted: (body: string) => print(parse(body)),
} as const;

const variation = () =>
  fc
    .tuple(
      entry(),
      fc.constantFrom(...(Object.keys(VARIATIONS) as (keyof typeof VARIATIONS)[])),
      fc.nat(),
      fc.stringMatching(/^[ \t\n\r,]{1,4}$/),
    )
    .map(([listed, kind, at, noise]) => ({ listed, kind, text: VARIATIONS[kind](listed.body, at, noise) }));

const expectRefused = (admission: Admission): void => expect(admission.kind).toBe('refused');

describe('trusted documents', () => {
  it('lists every operation the dashboard and the IDE send, each one named operation', () => {
    expect(manifest.size).toBeGreaterThan(0);
    for (const operation of manifest.operations) expect(operation.id).toBe(documentIdOf(operation.body));
  });

  it('admits every listed operation by its text, by documentId (bare or sha256:), and by APQ id', () => {
    const gate = gateOf(false);
    for (const listed of manifest.operations) {
      const persisted = { persistedQuery: { version: 1, sha256Hash: listed.id } };
      for (const request of [
        { query: listed.body },
        { documentId: listed.id },
        { documentId: `sha256:${listed.id}` },
        { extensions: persisted },
        { query: listed.body, extensions: persisted },
        { query: listed.body, documentId: listed.id },
      ]) {
        expect(gate.admit(request)).toEqual({ kind: 'admitted', query: listed.body, listed });
      }
    }
  });

  it('refuses any text that is not listed: whitespace, comments, a renamed operation, an extra field', () => {
    const gates = [gateOf(false), gateOf(true)];
    fc.assert(
      fc.property(variation(), ({ text }) => {
        fc.pre(!bodies.has(text));
        for (const gate of gates) {
          expectRefused(gate.admit({ query: text }));
          // Registering it as APQ does, with its own hash, is refused the same.
          expectRefused(
            gate.admit({ query: text, extensions: { persistedQuery: { version: 1, sha256Hash: documentIdOf(text) } } }),
          );
        }
      }),
      { numRuns: 500 },
    );
  });

  it('refuses a listed id sent with any other text', () => {
    const gate = gateOf(true);
    fc.assert(
      fc.property(entry(), variation(), (listed, { text }) => {
        fc.pre(text !== listed.body);
        expectRefused(gate.admit({ query: text, documentId: listed.id }));
        expectRefused(
          gate.admit({ query: text, extensions: { persistedQuery: { version: 1, sha256Hash: listed.id } } }),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('refuses any id that is not listed, and two ids that disagree', () => {
    const gate = gateOf(true);
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9a-f]{64}$/), entry(), (id, listed) => {
        fc.pre(manifest.byId(id) === undefined);
        expectRefused(gate.admit({ documentId: id }));
        expectRefused(gate.admit({ extensions: { persistedQuery: { version: 1, sha256Hash: id } } }));
        expectRefused(
          gate.admit({ documentId: listed.id, extensions: { persistedQuery: { version: 1, sha256Hash: id } } }),
        );
      }),
    );
  });

  it('lets unlisted introspection through only when introspection is on, and nothing that reads data with it', () => {
    const introspection = '{ __schema { queryType { name } } __typename }';
    expectRefused(gateOf(false).admit({ query: introspection }));
    expect(gateOf(true).admit({ query: introspection })).toMatchObject({ kind: 'admitted', listed: undefined });
    fc.assert(
      fc.property(variation(), ({ text }) => {
        fc.pre(!bodies.has(text));
        const withIntrospection = text.replace('{', '{ __schema { queryType { name } } ');
        expectRefused(gateOf(true).admit({ query: withIntrospection }));
      }),
      { numRuns: 200 },
    );
  });
});
