import fc from 'fast-check';
import { parseFinalPlan } from '../../../src/ingest/final-plan';
import { AmbiguousSloganError } from '../../../src/ingest/final-plan/slogan-piece';
import { ingest } from '../../../src/ingest/ingest';
import { SOURCE_FILES } from '../../../src/ingest/merge/read-documents';
import { SourceDocument } from '../../../src/ingest/source-document';
import { blankLines, transformSources } from './extraction-corpus';
import { breakText, Draws } from './re-rendering';

/**
 * A field chapter's slogan (001) is a phrase and the speech bubbles after it are sentences: only a blank line
 * parts them. Where it is lost, the reader gives the slogan the files give or refuses, naming the line and two
 * readings; it never reads a slogan other than the one printed.
 */
const NAME = SOURCE_FILES.finalPlan;
const doc = SourceDocument.read('seed/sources', NAME);
const slogans = parseFinalPlan(doc).chapters.map((chapter) => chapter.slogan);

/** The 0-based index of each chapter's slogan line: the first line with text after a field chapter heading. */
const sloganLines = doc.lines.flatMap((line, i) => {
  if (!/^第\s*\d+\s*章.*分野$/.test(line.trim())) return [];
  const next = doc.lines.findIndex((text, k) => k > i && text.trim() !== '');
  return [next];
});

/** The document with each slogan re-wrapped at `widths[c]` and, where `lost[c]`, the blank lines after it removed. */
function rendered(widths: readonly number[], lost: readonly boolean[], seed: number): string[] {
  const draws = new Draws(seed);
  const out: string[] = [];
  let dropBlanks = false;
  doc.lines.forEach((line, i) => {
    const chapter = sloganLines.indexOf(i);
    if (chapter >= 0) {
      out.push(...breakText(line, widths[chapter] ?? 120, draws));
      dropBlanks = lost[chapter] ?? false;
      return;
    }
    if (line.trim() !== '') dropBlanks = false;
    else if (dropBlanks) return;
    out.push(line);
  });
  return out;
}

describe('the slogan of a field chapter (001)', () => {
  it('has one slogan line per field chapter in the files', () => {
    expect(sloganLines).toHaveLength(slogans.length);
    expect(sloganLines.every((i) => i > 0)).toBe(true);
  });

  it('with every blank line removed, is refused at the first slogan with both readings quoted', () => {
    const copy = transformSources([blankLines('removed')]);
    const lineOf = copy.lineOf[NAME] ?? [];
    const first = sloganLines[0] ?? 0;
    const bubble = doc.lines.findIndex((text, k) => k > first && text.trim() !== '');
    let error: unknown;
    try {
      ingest(copy.documents);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AmbiguousSloganError);
    const refusal = error as AmbiguousSloganError;
    expect(refusal.where).toMatchObject({ document: NAME, line: lineOf[first] });
    expect(refusal.readings).toEqual([doc.lines[first], `${doc.lines[first]}${doc.lines[bubble]}`]);
    expect(refusal.message).toContain(JSON.stringify(doc.lines[first]));
  });

  it('wrapped at any width, its blank line kept or lost: the files’ slogan or a refusal quoting what is printed', () => {
    const widths = fc.array(fc.integer({ min: 16, max: 120 }), { minLength: 2, maxLength: 2 });
    const lost = fc.array(fc.boolean(), { minLength: 2, maxLength: 2 });
    fc.assert(
      fc.property(widths, lost, fc.nat(), (w, l, seed) => {
        const lines = rendered(w, l, seed);
        const copy = new SourceDocument(NAME, lines.join('\n'));
        let read: readonly string[] | null = null;
        try {
          read = parseFinalPlan(copy).chapters.map((chapter) => chapter.slogan);
        } catch (error) {
          if (!(error instanceof AmbiguousSloganError)) throw error;
          // Honest: a chapter whose blank line was lost, both readings differ and are the start of what is printed there.
          const at = error.where.line - 1;
          expect(l[lines.slice(0, at).filter((text) => /^第\s*\d+\s*章/.test(text.trim())).length - 1]).toBe(true);
          const printed = lines.slice(at, at + 40).join('');
          const [one, other] = error.readings;
          expect(one).not.toEqual(other);
          for (const reading of error.readings) expect(printed.startsWith(reading)).toBe(true);
        }
        if (read !== null) expect(read).toEqual(slogans);
      }),
      { numRuns: 300 },
    );
  });
});
