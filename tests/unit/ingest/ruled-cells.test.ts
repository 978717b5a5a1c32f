import fc from 'fast-check';
import { charWidth } from '../../../src/ingest/extraction-noise/line-measure';
import type { PrintedRun } from '../../../src/ingest/pdf/printed-run';
import { cellOf, ruledTables } from '../../../src/ingest/pdf/ruled-tables';
import type { Rule } from '../../../src/ingest/pdf/ruling-lines';
import { splitAtRules } from '../../../src/ingest/pdf/runs-at-rules';

/** Points one display column takes at the tables' 10.5 pt: a full-width character is two. */
const HALF = 5.25;
const SIZE = 10.5;

const widthOf = (text: string): number => [...text].reduce((sum, char) => sum + charWidth(char) * HALF, 0);

/** A cell's text as the documents print it: figures, codes, Japanese words, without spaces. */
const cellText = fc
  .array(fc.constantFrom(...'0123456789./-%位件年度人市民交通事故発生成果指標現状ＲＨ'.split('')), {
    minLength: 1,
    maxLength: 10,
  })
  .map((chars) => chars.join(''));

/**
 * A table as an office suite draws it: every row draws its own cells only (a row of fewer cells leaves no rule
 * over the columns it lacks), each cell's border its own segments, and text set at the cell's padding.
 */
const drawnTable = fc
  .record({
    widths: fc.array(fc.integer({ min: 40, max: 90 }), { minLength: 2, maxLength: 6 }),
    rows: fc.array(fc.record({ lines: fc.integer({ min: 1, max: 3 }), cells: fc.integer({ min: 1, max: 6 }) }), {
      minLength: 1,
      maxLength: 5,
    }),
    padding: fc.double({ min: 1.5, max: 6, noNaN: true }),
    left: fc.integer({ min: 40, max: 80 }),
    top: fc.integer({ min: 600, max: 780 }),
  })
  .map(({ widths, rows, padding, left, top }) => {
    const edges = widths.reduce<number[]>((out, width) => [...out, (out.at(-1) ?? left) + width], [left]);
    const rules: Rule[] = [];
    const cells: { row: number; column: number; x: number; right: number; y: number }[] = [];
    let y = top;
    rows.forEach(({ lines, cells: count }, row) => {
      const columns = Math.min(count, widths.length);
      const height = lines * SIZE * 1.5 + 2 * padding;
      for (let column = 0; column < columns; column++) {
        const [from, to] = [edges[column] ?? 0, edges[column + 1] ?? 0];
        rules.push({ horizontal: true, at: y, from, to }, { horizontal: true, at: y - height, from, to });
        rules.push({ horizontal: false, at: from, from: y - height, to: y });
        rules.push({ horizontal: false, at: to, from: y - height, to: y });
        cells.push({ row, column, x: from + padding, right: to - padding, y: y - padding - SIZE });
      }
      y -= height;
    });
    return { rules, cells };
  });

describe('cellOf: the cell of a run in a table drawn cell by cell', () => {
  it('finds every cell its row and column, whatever rows have fewer cells than those below', () => {
    fc.assert(
      fc.property(drawnTable, ({ rules, cells }) => {
        const tables = ruledTables(rules);
        for (const cell of cells) {
          const run: PrintedRun = { text: '字', x: cell.x, right: cell.x + SIZE, y: cell.y, size: SIZE, place: null };
          expect(cellOf(run, tables, rules)).toMatchObject({ row: cell.row, column: cell.column });
        }
      }),
    );
  });
});

/** The inner borders a drawn table's cells stand on: every vertical rule but its leftmost. */
const innerBorders = (rules: readonly Rule[]): number[] => {
  const xs = [...new Set(rules.filter((rule) => !rule.horizontal).map((rule) => rule.at))].sort((a, b) => a - b);
  return xs.slice(1);
};

describe('ruledTables: a table drawn right under another, their rules joined', () => {
  it('reads two tables when the rows at the join, of two cells or more, share no border, every cell in its own', () => {
    const stacked = fc
      .tuple(drawnTable, drawnTable, fc.integer({ min: 40, max: 80 }))
      .map(([upper, lower, left]) => {
        // Both from the same left edge; the lower one's top on the upper one's bottom.
        const shift = (table: typeof upper, dx: number, dy: number) => ({
          rules: table.rules.map((rule) =>
            rule.horizontal
              ? { ...rule, at: rule.at + dy, from: rule.from + dx, to: rule.to + dx }
              : { ...rule, at: rule.at + dx, from: rule.from + dy, to: rule.to + dy },
          ),
          cells: table.cells.map((cell) => ({ ...cell, x: cell.x + dx, right: cell.right + dx, y: cell.y + dy })),
        });
        const leftOf = (table: typeof upper): number =>
          Math.min(...table.rules.filter((rule) => !rule.horizontal).map((rule) => rule.at));
        const a = shift(upper, left - leftOf(upper), 0);
        const bottom = Math.min(...a.rules.filter((rule) => rule.horizontal).map((rule) => rule.at));
        const top = Math.max(...lower.rules.filter((rule) => rule.horizontal).map((rule) => rule.at));
        return { upper: a, lower: shift(lower, left - leftOf(lower), bottom - top) };
      })
      // Rows of two cells at least on both sides of the join (a border inside each), none where the other has one.
      .filter(({ upper, lower }) => {
        const lastRow = Math.max(...upper.cells.map((cell) => cell.row));
        return (
          upper.cells.filter((cell) => cell.row === lastRow).length > 1 &&
          lower.cells.filter((cell) => cell.row === 0).length > 1 &&
          innerBorders(upper.rules).every((x) => innerBorders(lower.rules).every((y) => Math.abs(x - y) > 3))
        );
      });
    fc.assert(
      fc.property(stacked, ({ upper, lower }) => {
        const rules = [...upper.rules, ...lower.rules];
        const tables = ruledTables(rules);
        expect(tables).toHaveLength(2);
        for (const [table, cells] of [upper.cells, lower.cells].entries())
          for (const cell of cells) {
            const run: PrintedRun = { text: '字', x: cell.x, right: cell.x + SIZE, y: cell.y, size: SIZE, place: null };
            expect(cellOf(run, tables, rules)).toEqual({ table, row: cell.row, column: cell.column });
          }
      }),
    );
  });
});

/** Cells side by side as an office suite sets them, and the one run pdfjs joins their texts into. */
function joinedCells(
  texts: readonly string[],
  padding: number,
  slack: number,
): { rules: Rule[]; starts: number[]; joined: PrintedRun } {
  // Each cell as wide as its text plus the table's padding on both sides and some slack.
  const rules: Rule[] = [];
  const starts: number[] = [];
  let x = 100;
  for (const text of texts) {
    rules.push({ horizontal: false, at: x, from: 500, to: 530 });
    starts.push(x + padding);
    x += padding + widthOf(text) + padding + slack;
  }
  rules.push({ horizontal: false, at: x, from: 500, to: 530 });
  const last = texts.length - 1;
  const joined: PrintedRun = {
    text: texts.join(' '),
    x: starts[0] ?? 0,
    right: (starts[last] ?? 0) + widthOf(texts[last] ?? ''),
    y: 510,
    size: SIZE,
    place: null,
  };
  return { rules, starts, joined };
}

const padding = fc.double({ min: 1.5, max: 6, noNaN: true });
const slack = fc.double({ min: 0, max: 20, noNaN: true });

describe('splitAtRules: text pdfjs joined over the rules between cells', () => {
  it('gives back each cell on its own, where its cell starts, whatever the texts, widths and paddings', () => {
    fc.assert(
      fc.property(fc.array(cellText, { minLength: 2, maxLength: 5 }), padding, slack, (texts, pad, more) => {
        const { rules, starts, joined } = joinedCells(texts, pad, more);
        const split = splitAtRules([joined], rules);
        expect(split.map((run) => run.text)).toEqual(texts);
        split.forEach((run, index) => {
          expect(run.x).toBeCloseTo(starts[index] ?? 0, 6);
          expect(run.right).toBeLessThanOrEqual(rules[index + 1]?.at ?? 0);
        });
      }),
    );
  });

  it('cuts cells holding spaces of their own right, or not at all (the reader then refuses)', () => {
    const spaced = fc
      .array(
        fc.oneof(
          cellText,
          fc.tuple(cellText, cellText).map(([a, b]) => `${a} ${b}`),
        ),
        {
          minLength: 2,
          maxLength: 4,
        },
      )
      .filter((texts) => texts.some((text) => text.includes(' ')));
    fc.assert(
      fc.property(spaced, padding, slack, (texts, pad, more) => {
        const { rules, joined } = joinedCells(texts, pad, more);
        const split = splitAtRules([joined], rules).map((run) => run.text);
        expect([texts, [joined.text]]).toContainEqual(split);
      }),
    );
  });

  it('leaves a run alone that crosses no rule, or has no space to cut at', () => {
    const rules: Rule[] = [{ horizontal: false, at: 150, from: 500, to: 530 }];
    const inside: PrintedRun = { text: '0.08 11/36', x: 160, right: 210, y: 510, size: SIZE, place: null };
    const unspaced: PrintedRun = { text: '交通人身事故', x: 120, right: 183, y: 510, size: SIZE, place: null };
    const below: PrintedRun = { text: '0.08 11/36', x: 120, right: 180, y: 450, size: SIZE, place: null };
    expect(splitAtRules([inside, unspaced, below], rules)).toEqual([inside, unspaced, below]);
  });
});
