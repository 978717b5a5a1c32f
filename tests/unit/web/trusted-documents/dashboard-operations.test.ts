import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { PROJECT_ROOT } from '../../../../src/core/project-root';
import { documentIdOf } from '../../../../src/platform/graphql/trusted-documents/document-id';
import { trustedDocumentsOfThisBuild } from '../../../../src/web/trusted-documents/build-trusted-documents';
import { readExampleOperations } from '../../../../src/web/ide/example-operations';
import { sha256Hex } from '../../../../dashboard/src/common/sha256';

/**
 * What the page sends must be what the build lists: an operation of the dashboard's sources missing from its
 * list (dashboard/src/operations.ts) would be refused by a service running the manifest, and the page names
 * operations by an id it computes itself, which must be the service's.
 */
const DASHBOARD_SOURCES = join(PROJECT_ROOT, 'dashboard', 'src');
/** The service plans this one at start (through Apollo, not /graphql); the page never sends it. */
const NOT_SENT_BY_THE_PAGE = new Set(['DashboardStartUpSamples']);

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(directory, entry.name))
      : /\.tsx?$/.test(entry.name)
        ? [join(directory, entry.name)]
        : [],
  );
}

/** Every operation named in the dashboard's sources: `query Name`, `mutation Name`, `subscription Name` in a text. */
function operationNamesInSources(): Map<string, string> {
  const names = new Map<string, string>();
  for (const file of sourceFiles(DASHBOARD_SOURCES)) {
    for (const match of readFileSync(file, 'utf8').matchAll(
      /[`'"]\s*(?:query|mutation|subscription)\s+([A-Za-z_]\w*)/g,
    )) {
      names.set(match[1] as string, relative(PROJECT_ROOT, file));
    }
  }
  return names;
}

describe("the build's manifest of trusted documents", () => {
  it("lists every operation named in the dashboard's sources, and the IDE's examples as their files say", async () => {
    const manifest = await trustedDocumentsOfThisBuild();
    const listedNames = new Set(manifest.operations.map((operation) => operation.name));
    const inSources = operationNamesInSources();
    expect(inSources.size).toBeGreaterThan(10);
    const missing = [...inSources].filter(([name]) => !listedNames.has(name) && !NOT_SENT_BY_THE_PAGE.has(name));
    expect(missing).toEqual([]);
    for (const example of await readExampleOperations()) {
      expect(manifest.byBody(example.query)?.body).toBe(example.query);
    }
  }, 60_000);

  it('computes in the page the id the service computes, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        expect(sha256Hex(text)).toBe(documentIdOf(text));
      }),
      { numRuns: 500 },
    );
    // Lengths around the 64-byte block edges, where the padding changes.
    for (let length = 50; length <= 130; length += 1)
      expect(sha256Hex('あ'.repeat(length))).toBe(documentIdOf('あ'.repeat(length)));
  });
});
