import { type ReformSheet, parseReformSheets } from '../../../src/ingest/reform-sheet';
import { AmbiguousCellsError } from '../../../src/ingest/reform-sheet/spaced-row';
import { SourceDocument } from '../../../src/ingest/source-document';
import { mutated, parseErrorOf } from '../../helpers/source-fixture';

/**
 * 003 with its rows printed one space apart, as a text dump may print a row where no cell is empty
 * (`reform-sheet/spaced-row.ts`). The re-rendering property draws such rows at random; nearly every draw meets a
 * 各年度達成目標 row whose targets hold spaces first and is refused there, so here every row whose cut the text
 * decides is printed so at once, and the refusals are pinned with their messages.
 */
const FILE = '003_333ee31cbdb593ac.txt';
const real = SourceDocument.read('seed/sources', FILE);
const parsed = parseReformSheets(real);

function sheet(code: string): ReformSheet {
  const found = parsed.sheets.find((candidate) => candidate.code === code);
  if (!found) throw new Error(`no sheet ${code}`);
  return found;
}

/** The cells of a row none of whose cells is empty, trimmed; null for any other line. */
function filledRow(line: string): string[] | null {
  const cells = line.split('\t').map((cell) => cell.trim());
  return cells.length > 1 && cells.every((cell) => cell !== '') ? cells : null;
}

/** A targets row whose targets hold a space: two cuts print it alike once its tabs are single spaces. */
const spacedTargets = (cells: readonly string[]): boolean =>
  cells[0] === '各年度達成目標' && cells.slice(1).some((cell) => cell.includes(' '));

describe('003 rows printed one space apart', () => {
  it('reads every such row whose cut the text decides (labels, era years, inner labels, one target a word)', () => {
    let printed = 0;
    const copy = mutated(real, (lines) =>
      lines.forEach((line, i) => {
        const cells = filledRow(line);
        if (!cells || spacedTargets(cells)) return;
        lines[i] = cells.join(' ');
        printed++;
      }),
    );
    expect(printed).toBeGreaterThan(200);
    expect(parseReformSheets(copy)).toEqual(parsed);
  });

  it('refuses a 各年度達成目標 row whose targets hold spaces, naming the line and two readings', () => {
    const line = sheet('1-3').yearlyTargets[0]?.source.line ?? 0;
    const error = parseErrorOf(
      parseReformSheets,
      mutated(real, (lines) => (lines[line - 1] = filledRow(lines[line - 1] ?? '')?.join(' ') ?? '')),
    );
    expect(error).toBeInstanceOf(AmbiguousCellsError);
    expect(error.message).toContain(
      `${FILE}:${line}: expected cells that only one cut of the line gives, the line being printed with one ` +
        'space between its cells (two readings: "各年度達成目標" | "SNSによる事業配信 実施課：全課の5% SNSによる事業配信',
    );
    expect(error.message).toContain(
      ' or "各年度達成目標" | "SNSによる事業配信" | "実施課：全課の5%" | "SNSによる事業配信" | "実施課：全課の10%" | ',
    );
  });

  it('refuses a 実行課 row of several words on one side of 連携課 (one department or several)', () => {
    const line = sheet('1-1').executing.departments[0]?.source.line ?? 0;
    const error = parseErrorOf(
      parseReformSheets,
      mutated(real, (lines) => (lines[line - 1] = '実行課 企画課 情報システム課 連携課 全庁')),
    );
    expect(error.message).toBe(
      `${FILE}:${line}: expected cells that only one cut of the line gives, the line being printed with one ` +
        'space between its cells (two readings: "実行課" | "企画課 情報システム課" | "連携課" | "全庁" or ' +
        '"実行課" | "企画課" | "情報システム課" | "連携課" | "全庁"), found "実行課 企画課 情報システム課 連携課 全庁"',
    );
  });

  it('refuses a 年度 row whose years are not era years, on its line', () => {
    const line = sheet('1-1').yearlyTargets[0]?.source.line ?? 0;
    const error = parseErrorOf(
      parseReformSheets,
      mutated(real, (lines) => (lines[line - 2] = '年度 R 5 R 6 2025 R 8 R 9')),
    );
    expect(error.message).toBe(
      `${FILE}:${line - 1}: expected the years R 5 … R 9 after 年度, found "年度 R 5 R 6 2025 R 8 R 9"`,
    );
  });
});
