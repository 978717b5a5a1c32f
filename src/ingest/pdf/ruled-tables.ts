import type { PrintedRun } from './printed-run';
import type { Rule } from './ruling-lines';

/** Two rules closer than this (points) touch; two positions closer than this are one grid line. */
const TOUCH = 2;

/**
 * A table the page's ruling lines draw (the lattice method): its grid lines, top to bottom and left to right,
 * and the box its rules fill. A page break that cuts a row leaves the row without a rule at the break
 * (Chromium and weasyprint slice the cells' boxes), so the row's text lies above the first horizontal rule or
 * below the last one, still between the vertical ones.
 */
export interface RuledTable {
  readonly rows: readonly number[];
  readonly columns: readonly number[];
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

/**
 * A run's cell in a ruled table: the page's table (from 0, top first), the row (-1 above the first rule: the
 * rest of a row the page break cut) and the column (from 0).
 */
export interface RuledCell {
  readonly table: number;
  readonly row: number;
  readonly column: number;
}

/**
 * The page's ruled tables, top first: rules that touch one another, one horizontal and two vertical at least
 * (a lone underline or frame is no table; a row a page break cut may have a rule at one end only).
 */
export function ruledTables(rules: readonly Rule[]): RuledTable[] {
  const parent = rules.map((_, index) => index);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] ?? i] ?? i;
    return i;
  };
  rules.forEach((a, i) => {
    rules.forEach((b, j) => {
      if (j > i && touches(a, b)) parent[find(i)] = find(j);
    });
  });
  const groups = new Map<number, Rule[]>();
  rules.forEach((rule, index) => groups.set(find(index), [...(groups.get(find(index)) ?? []), rule]));
  const tables: RuledTable[] = [];
  for (const group of [...groups.values()].flatMap(stacked)) {
    const rows = gridLines(group.filter((rule) => rule.horizontal)).reverse();
    const columns = gridLines(group.filter((rule) => !rule.horizontal));
    if (rows.length < 1 || columns.length < 2) continue;
    const across = (rule: Rule): readonly [number, number] =>
      rule.horizontal ? [rule.at, rule.at] : [rule.from, rule.to];
    const along = (rule: Rule): readonly [number, number] =>
      rule.horizontal ? [rule.from, rule.to] : [rule.at, rule.at];
    const top = Math.max(...group.map((rule) => across(rule)[1]));
    const bottom = Math.min(...group.map((rule) => across(rule)[0]));
    const left = Math.min(...group.map((rule) => along(rule)[0]));
    const right = Math.max(...group.map((rule) => along(rule)[1]));
    tables.push({ rows, columns, top, bottom, left, right });
  }
  return tables.sort((a, b) => b.top - a.top);
}

/** Where `run` sits among `tables`: the cell its middle is in, or null outside every table. */
export function cellOf(run: PrintedRun, tables: readonly RuledTable[], rules: readonly Rule[]): RuledCell | null {
  const x = (run.x + run.right) / 2;
  const y = run.y + 0.3 * run.size;
  const table = tables.findIndex((t) => x > t.left && x < t.right && y < t.top && y > t.bottom);
  const found = tables[table];
  if (!found) return null;
  // The row: the nearest rule above that reaches the run is its cell's top, and the cell is in the row the
  // table's grid line there begins. Counted on the whole table's grid, not on the rules at the run's x: a
  // row above with fewer cells (an office suite draws only the cells a row has) leaves no rule over the
  // columns it lacks. A cell spanning two rows has no rule between them, so its runs all fall to its first
  // row. A run above every rule is in a row a page break cut (the producer drew no rule at the break):
  // row -1, the page before's last row.
  const ceilings = rules
    .filter((r) => r.horizontal && r.at > y && r.at <= found.top + TOUCH && r.from - TOUCH <= x && r.to + TOUCH >= x)
    .map((r) => r.at);
  const top = ceilings.length === 0 ? Infinity : Math.min(...ceilings);
  const row = found.rows.filter((at) => at >= top - TOUCH).length - 1;
  // The column likewise from the rules to the left that reach the run: a cell spanning two columns has no
  // rule between them, so its runs all fall to its first column.
  const before = gridLines(
    rules.filter(
      (r) => !r.horizontal && r.at < x && r.at >= found.left - TOUCH && r.from - TOUCH <= y && r.to + TOUCH >= y,
    ),
  );
  return { table, row, column: Math.max(0, before.length - 1) };
}

/**
 * The tables of one grid of touching rules, top first: an office suite draws a table right under another, so
 * their rules join. Two rows on either side of a horizontal grid line belong to different tables when each
 * has inner borders and they share none: within one table a row's cells span its columns (a label over two,
 * a title over all), so its borders are among those of the rows it spans.
 */
function stacked(group: readonly Rule[]): Rule[][] {
  const rows = gridLines(group.filter((rule) => rule.horizontal)).reverse();
  const verticals = group.filter((rule) => !rule.horizontal);
  const edges = gridLines(verticals);
  const [left, right] = [edges[0] ?? 0, edges.at(-1) ?? 0];
  const inner = (upper: number, lower: number): number[] => {
    const middle = (upper + lower) / 2;
    return gridLines(verticals.filter((r) => r.from < middle && r.to > middle)).filter(
      (x) => x > left + TOUCH && x < right - TOUCH,
    );
  };
  const cuts: number[] = [];
  for (let index = 1; index + 1 < rows.length; index++) {
    const [upper, at, lower] = [rows[index - 1] ?? 0, rows[index] ?? 0, rows[index + 1] ?? 0];
    const above = inner(upper, at);
    const below = inner(at, lower);
    const shared = below.some((x) => above.some((y) => Math.abs(x - y) <= TOUCH));
    if (above.length > 0 && below.length > 0 && !shared) cuts.push(at);
  }
  if (cuts.length === 0) return [[...group]];
  // Each table takes the rules within its band: a horizontal rule at a cut closes the one above and opens the one below.
  const bands = [Infinity, ...cuts, -Infinity];
  return bands.slice(1).map((bottom, index) => {
    const top = bands[index] ?? Infinity;
    return group.flatMap((rule): Rule[] => {
      if (rule.horizontal) return rule.at <= top + TOUCH && rule.at >= bottom - TOUCH ? [rule] : [];
      const from = Math.max(rule.from, bottom);
      const to = Math.min(rule.to, top);
      return to - from > TOUCH ? [{ ...rule, from, to }] : [];
    });
  });
}

function touches(a: Rule, b: Rule): boolean {
  if (a.horizontal === b.horizontal) {
    return Math.abs(a.at - b.at) <= TOUCH && a.from <= b.to + TOUCH && b.from <= a.to + TOUCH;
  }
  const [h, v] = a.horizontal ? [a, b] : [b, a];
  return v.at >= h.from - TOUCH && v.at <= h.to + TOUCH && h.at >= v.from - TOUCH && h.at <= v.to + TOUCH;
}

/**
 * Where the vertical rules of a table's first or last row stand, left to right: those crossing the middle of
 * the row's band between its two grid lines. A table's whole grid also holds the columns of rows further on
 * (an office suite draws only the cells each row has), so the rows at a page break are compared by these.
 */
export function rowBorders(table: RuledTable, rules: readonly Rule[], row: 'first' | 'last'): number[] {
  const [upper, lower] = row === 'first' ? table.rows.slice(0, 2) : table.rows.slice(-2);
  if (upper === undefined || lower === undefined) return [];
  const middle = (upper + lower) / 2;
  return gridLines(
    rules.filter(
      (r) =>
        !r.horizontal && r.at >= table.left - TOUCH && r.at <= table.right + TOUCH && r.from < middle && r.to > middle,
    ),
  );
}

/** The distinct positions of rules, ascending, those within TOUCH of each other taken as one. */
function gridLines(rules: readonly Rule[]): number[] {
  const out: number[] = [];
  for (const at of rules.map((rule) => rule.at).sort((a, b) => a - b)) {
    const last = out.at(-1);
    if (last === undefined || at - last > TOUCH) out.push(at);
  }
  return out;
}

/**
 * Whether any of `runs` lies in its ruled table above the first rule: the rest of a row a page break cut,
 * which the producer drew no rule over.
 */
export function holdsCutRow(runs: readonly PrintedRun[], rules: readonly Rule[]): boolean {
  const tables = ruledTables(rules);
  return runs.some((run) => run.text.trim() !== '' && (cellOf(run, tables, rules)?.row ?? 0) < 0);
}
