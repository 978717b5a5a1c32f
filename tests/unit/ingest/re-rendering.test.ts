import fc from 'fast-check';
import { SOURCE_FILES } from '../../../src/ingest/merge/read-documents';
import { expectCopyGivesGraph } from './corpus-graph';
import { transformSources } from './extraction-corpus';
import { RULES, rendering, type RuleName } from './re-rendering';

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
  // break is furniture, any other copy content.) Still open: with blank lines moved, a slogan whose blank line was
  // lost takes the speech bubble's first lines where a blank line fell inside the bubble: a wrong value, not a
  // refusal (30 of 300 draws; rendering seeds 21, 640321813, 1532691492), so blank lines are not drawn for 001.
  [SOURCE_FILES.finalPlan]: [
    ['prose re-wrapped', 'every paragraph re-wrapped', 'page furniture', 'full-/half-width swaps'],
  ],
  [SOURCE_FILES.fieldSixSheets]: SHEETS,
  // 003 reads its rows as pieces (reform-sheet/reform-pieces.ts), without the running-text joiner. Not drawn yet:
  // - cells wrapped in their column: every row is read whatever its cells' breaks, but the wrapped-cell joiner
  //   (extraction-noise, still run for a fixed-count dump's split Latin words and for a space dropped between
  //   two Japanese characters) misjudges a layout's ragged edge now and then (`PR` / `効果` read as `PR 効果`,
  //   about 1 cell-wrapped draw in 60).
  // - every paragraph re-wrapped with page furniture: the running header is the document's title, which a
  //   sheet header wrapped at its space prints as a line of its own on every sheet, so page-furniture.ts takes
  //   the header for content (or a sheet header's first line for the header); and with width swaps: a
  //   full-width page number in a contents heading wraps digit by digit (`４` / `８`), and the lone digit is
  //   taken for a page number (about 1 draw in 50).
  // - tabs as spaces: a 各年度達成目標 row with five targets printed one space apart (`SNSによる事業配信
  //   実施課：全課の5% SNSによる…`) cannot be cut into its cells by any reader; other single-spaced rows are not
  //   read yet.
  [SOURCE_FILES.reformSheets]: [
    ['prose re-wrapped', 'every paragraph re-wrapped', 'blank lines added and removed'],
    ['prose re-wrapped', ...LAYOUT_FREE],
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

/** Cases per run, shared by the documents switched on (≥ 300 in all). */
const TOTAL_RUNS = 300;

function renderedGraph(rules: readonly RuleName[], documents: readonly string[], seed: number): void {
  expectCopyGivesGraph(transformSources(rendering(rules, documents, seed)));
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
