import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every guide section the dashboard's texts send a reader to (`docs/records.md「Sign-in in the dashboard」`,
 * `docs/records.md "…"`, `README「…」`) exists: a heading of that file carries the quoted title.
 */
function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const REFERENCE = /((?:docs\/[\w-]+\.md)|README)\s*(?:「([^」]+)」|"([^"]+)")/g;

const references = sourceFiles(join('dashboard', 'src')).flatMap((file) =>
  [...readFileSync(file, 'utf8').matchAll(REFERENCE)].map((match) => ({
    file,
    guide: match[1] === 'README' ? 'README.md' : String(match[1]),
    section: String(match[2] ?? match[3]),
  })),
);

describe("the dashboard's references to the guides", () => {
  it('include the read-only note, in both languages', () => {
    const note = references.filter((r) => r.file.endsWith('record-texts.ts'));
    expect(note.map((r) => `${r.guide} ${r.section}`)).toEqual([
      'docs/records.md Sign-in in the dashboard',
      'docs/records.md Sign-in in the dashboard',
    ]);
  });

  it.each(references.map((r) => [`${r.file}: ${r.guide} ${r.section}`, r] as const))(
    '%s names a heading that exists',
    (_, reference) => {
      const headings = readFileSync(reference.guide, 'utf8')
        .split('\n')
        .filter((line) => line.startsWith('#'))
        .map((line) => line.replace(/^#+\s*/, '').trim());
      expect(headings).toContain(reference.section);
    },
  );
});
