import fc from 'fast-check';
import { SOURCE_FILES } from '../../../src/ingest/merge/read-documents';
import { expectCopyGivesGraph } from './corpus-graph';
import { transformSources } from './extraction-corpus';
import { RULES, rendering, type RuleName } from './re-rendering';
import { AmbiguousCellsError } from '../../../src/ingest/reform-sheet/spaced-row';
import { AmbiguousSloganError } from '../../../src/ingest/final-plan/slogan-piece';
import { SourceDocument } from '../../../src/ingest/source-document';
import { cellText } from '../../../src/ingest/tab-row';
import { foldWidth, tidy } from '../../../src/core/text/index';

/**
 * The property of issue 80: any re-rendering of a document that keeps its reading order gives exactly the
 * graph of the text files (every node, relationship and property, and every source line pointing where its
 * text now starts). The rules, alone and combined, are drawn per case (`re-rendering.ts`).
 *
 * Each document's property draws from the rules its reader survives today (`SURVIVES`), and a document is
 * done when it survives them all, so a reader moved over widens its entry. Replay a failing case with the seed and path fast-check prints:
 * `RE_RENDERING_SEED=… RE_RENDERING_PATH=… npx jest tests/unit/ingest/re-rendering.test.ts`.
 * `RE_RENDERING_SURVEY=N` instead tries each rule alone on each document N times and prints the table.
 */

const ALL_RULES = Object.keys(RULES) as RuleName[];
const DOCUMENTS = Object.values(SOURCE_FILES);

/** Rules every reader survives: they touch no line structure a reader still relies on. */
const LAYOUT_FREE: readonly RuleName[] = ['page furniture', 'blank lines added and removed', 'full-/half-width swaps'];

/**
 * The revision sheets' groups (000, 002). The two re-wraps are drawn together again: a draw of both had refused 002
 * (`at most 2 vision statuses, found 3`, seed 994119731, path 51), where a second break fell right after a bullet's
 * `-` and the running-text joiner took the lone mark for the rest of the sentence above (`wrap-column.ts`,
 * `STARTS_ENTRY`).
 */
const SHEETS: readonly (readonly RuleName[])[] = [
  LAYOUT_FREE,
  ['prose re-wrapped', 'every paragraph re-wrapped', 'page furniture', 'full-/half-width swaps'],
];

/**
 * The rules each document's reader survives today (`RE_RENDERING_SURVEY`), as groups that hold together: the
 * property draws a group and any of its rules combined. A document is done when one group holds all of `RULES`.
 */
const SURVIVES: Record<string, readonly (readonly RuleName[])[]> = {
  // 000 and 002 read their paragraphs as pieces (src/ingest/pieces.ts); their table rows are still one line
  // each. With blank lines removed, the running-text joiner (extraction-noise) may take a label for the rest
  // of the prose above it before the reader sees it, so that pair stays apart until the joiner goes.
  [SOURCE_FILES.fieldFiveSheets]: SHEETS,
  // 001 reads pieces (final-plan/plan-pieces.ts): its prose and every paragraph re-wrapped, together, read, and
  // page furniture. (A satisfaction rate once came out other than printed, seed 1720995879, path 17:11: the joiner
  // put a space at a break after a full-width digit, `１` / `6.8%`. A page break next to its first heading, which
  // the running header repeats word for word, dropped the heading: a header's copy at its own place next to the
  // break is furniture, any other copy content.) With blank lines moved, a slogan whose blank line was lost is
  // refused (`AmbiguousSloganError`, final-plan/slogan-piece.ts, `MAY_REFUSE`): it was read from its first line,
  // a fragment when wrapped (40 of 100 draws with every paragraph re-wrapped). Where a blank line also fell inside
  // the speech bubble after it, the slogan took the bubble's first lines, printed exactly as a wrapped slogan with
  // its blank line kept; the rule no longer puts a blank line inside a sentence (`blankLinesMoved`). The
  // running-text joiner once took an item heading for the rest of the paragraph above (rendering seeds 3, 178).
  [SOURCE_FILES.finalPlan]: [
    [
      'prose re-wrapped',
      'every paragraph re-wrapped',
      'page furniture',
      'blank lines added and removed',
      'full-/half-width swaps',
    ],
  ],
  [SOURCE_FILES.fieldSixSheets]: SHEETS,
  // 003 reads its rows as pieces (reform-sheet/reform-pieces.ts), without the running-text joiner:
  // - cells wrapped in their column: every row is read whatever its cells' breaks. The wrapped-cell joiner
  //   (extraction-noise, still run for a fixed-count dump's split Latin words and a layout's dropped spaces)
  //   once put a space back wherever a break next to half-width text left room for one on a ragged edge
  //   (`令和` / `2年度` read `令和 2年度`, `PR` / `効果`; 10 of 600 draws, rendering seeds 30, 33, 48, 50, 99,
  //   150, 160, 197, 268, 279); it now puts one back only where the document prints those characters with a
  //   space elsewhere.
  // - tabs as spaces: a row printed one space apart is cut by its label and content (reform-sheet/spaced-row.ts);
  //   a 各年度達成目標 row whose targets hold spaces themselves prints the same for two cuts and is refused
  //   (`MAY_REFUSE`), which is most such draws: most sheets have one. (A page break right under a contents
  //   header, tabs printed as aligned spaces, once left the header's columns and the rows' apart: `expected the
  //   name of contents entry 3-1`, seed 870801185, path 67:27; contents rows are now read by their cells' form.)
  // Not drawn together: cells wrapped and tabs as spaces (a row's first line printed one space apart with its
  // cells' rest under it); every paragraph re-wrapped with page furniture (the running header is the title,
  // which a sheet header wrapped at its space prints as a line of its own) or with width swaps (a full-width
  // page number of a contents heading wrapped digit by digit is taken for a page number).
  [SOURCE_FILES.reformSheets]: [
    [
      'prose re-wrapped',
      'every paragraph re-wrapped',
      'blank lines added and removed',
      'cells wrapped in their column',
    ],
    ['prose re-wrapped', ...LAYOUT_FREE, 'cells wrapped in their column'],
    ['prose re-wrapped', 'every paragraph re-wrapped', 'blank lines added and removed', 'tabs as spaces'],
    ['prose re-wrapped', ...LAYOUT_FREE, 'tabs as spaces'],
  ],
  // 004 reads its paragraphs whatever their breaks; with blank lines removed, the running-text joiner
  // (extraction-noise) still joins an initiative's heading to its re-wrapped text. Page furniture inside the
  // item × plan matrix printed as aligned spaces loses marks (about 1 draw in 100 of furniture with tabs as
  // spaces: a mark read under the wrong plan), so those two rules are drawn apart until the matrix is read
  // by content.
  [SOURCE_FILES.linkagePlans]: [
    ['page furniture', 'blank lines added and removed', 'full-/half-width swaps', 'cells wrapped in their column'],
    ['blank lines added and removed', 'full-/half-width swaps', 'tabs as spaces', 'cells wrapped in their column'],
    ['prose re-wrapped', 'page furniture', 'full-/half-width swaps', 'cells wrapped in their column'],
    ['prose re-wrapped', 'full-/half-width swaps', 'tabs as spaces', 'cells wrapped in their column'],
  ],
};

/** Cases per run, shared by the documents switched on (≥ 300 in all; `RE_RENDERING_RUNS` to hunt seeds). */
const TOTAL_RUNS = Number(process.env.RE_RENDERING_RUNS ?? 300);

/**
 * The rules under which a document may be refused rather than read: a row printed one space apart whose cells
 * two cuts give (`AmbiguousCellsError`). Such a refusal passes only where it is honest: it names a line the
 * rendering printed from one row of the files whose every cell was filled (so one space apart is what the
 * rule may print), and both readings it quotes differ and print that same line.
 */
const MAY_REFUSE: Partial<Record<string, readonly RuleName[]>> = {
  [SOURCE_FILES.reformSheets]: ['tabs as spaces'],
  [SOURCE_FILES.finalPlan]: ['blank lines added and removed'],
};

function renderedGraph(rules: readonly RuleName[], documents: readonly string[], seed: number): void {
  const copy = transformSources(rendering(rules, documents, seed));
  try {
    expectCopyGivesGraph(copy);
  } catch (error) {
    const refusable = documents.some((doc) => rules.some((rule) => MAY_REFUSE[doc]?.includes(rule)));
    if (!refusable) throw error;
    if (error instanceof AmbiguousCellsError) expectHonestRefusal(error, copy.lineOf[error.where.document] ?? []);
    else if (error instanceof AmbiguousSloganError)
      expectHonestSloganRefusal(error, copy.lineOf[error.where.document] ?? []);
    else throw error;
  }
}

/** A row as one line printed one space apart, widths folded (the rendering may have swapped them). */
const printed = (cells: readonly string[]): string => foldWidth(tidy(cells.join(' ')));

function expectHonestRefusal(error: AmbiguousCellsError, lineOf: readonly (number | undefined)[]): void {
  const original = SourceDocument.read('seed/sources', error.where.document);
  const index = lineOf.findIndex((line) => line === error.where.line);
  const cells = (original.lines[index] ?? '').split('\t').map(cellText);
  expect(cells.length > 1 && cells.every((cell) => cell !== '')).toBe(true);
  const [one, other] = error.readings;
  expect(one).not.toEqual(other);
  for (const reading of error.readings) expect(printed(reading)).toBe(printed(cells));
}

/**
 * A slogan refusal is honest where it names the line where a chapter's slogan now starts, the first reading
 * is the start of that slogan as the files print it, and the second goes on from the first (white space aside).
 */
function expectHonestSloganRefusal(error: AmbiguousSloganError, lineOf: readonly (number | undefined)[]): void {
  const original = SourceDocument.read('seed/sources', error.where.document);
  const index = lineOf.findIndex((line) => line === error.where.line);
  const heading =
    original.lines
      .slice(0, index)
      .filter((text) => text.trim() !== '')
      .at(-1) ?? '';
  expect(heading).toMatch(/^第\s*\d+\s*章.*分野$/);
  const key = (text: string): string => foldWidth(text).replace(/\s/g, '');
  const [one, other] = error.readings.map(key);
  expect(one).not.toEqual(other);
  expect(key(original.lines[index] ?? '').startsWith(one ?? '')).toBe(true);
  expect((other ?? '').startsWith(one ?? '')).toBe(true);
}

const replay = process.env.RE_RENDERING_SEED
  ? { seed: Number(process.env.RE_RENDERING_SEED), path: process.env.RE_RENDERING_PATH }
  : {};
const enabled = DOCUMENTS.filter((doc) => (SURVIVES[doc]?.length ?? 0) > 0);
const survey = Number(process.env.RE_RENDERING_SURVEY ?? 0);

describe('a re-rendering that keeps the reading order gives the text files’ graph', () => {
  if (enabled.length === 0 || survey > 0) {
    it.todo('the property (not run while RE_RENDERING_SURVEY is set, or while SURVIVES is empty)');
    return;
  }
  const runs = Math.ceil(TOTAL_RUNS / enabled.length);
  it.each(enabled)(
    `%s (${runs} drawn renderings)`,
    (doc) => {
      const groups = (SURVIVES[doc] ?? []).map((group) => fc.subarray([...group], { minLength: 1 }));
      fc.assert(
        fc.property(fc.oneof(...groups), fc.nat(), (drawn, seed) => {
          renderedGraph(drawn, [doc], seed);
        }),
        { numRuns: runs, ...replay },
      );
    },
    180_000,
  );
});

(survey > 0 ? describe : describe.skip)('which rules each reader survives (RE_RENDERING_SURVEY=N)', () => {
  it('tries each rule alone on each document and prints the table', () => {
    const rows = DOCUMENTS.map((doc) => {
      const cells = ALL_RULES.map((rule) => {
        let passed = 0;
        let firstFailure = '';
        for (let seed = 1; seed <= survey; seed++) {
          try {
            renderedGraph([rule], [doc], seed);
            passed++;
          } catch (error) {
            firstFailure ||= `seed ${seed}: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`;
          }
        }
        return { rule, passed, firstFailure };
      });
      return { doc, cells };
    });
    const table = [
      `| document | ${ALL_RULES.join(' | ')} |`,
      `|---|${ALL_RULES.map(() => '---').join('|')}|`,
      ...rows.map(
        ({ doc, cells }) => `| ${doc.slice(0, 3)} | ${cells.map((c) => `${c.passed}/${survey}`).join(' | ')} |`,
      ),
      '',
      ...rows.flatMap(({ doc, cells }) =>
        cells.filter((c) => c.firstFailure).map((c) => `${doc.slice(0, 3)} ${c.rule}: ${c.firstFailure.slice(0, 300)}`),
      ),
    ].join('\n');
    console.log(table);
    expect(rows).toHaveLength(DOCUMENTS.length);
  });
});
