import type { ParseError } from '../../../src/ingest/parse-error';
import { SourceDocument } from '../../../src/ingest/source-document';
import { type ReformSheet, parseReformSheets } from '../../../src/ingest/reform-sheet';
import { mutated as mutatedCopy, parseErrorOf, replaceOnLine as replaceInLines } from '../../helpers/source-fixture';

const FILE = '003_333ee31cbdb593ac.txt';
const real = SourceDocument.read('seed/sources', FILE);
const parsed = parseReformSheets(real);

function sheet(code: string): ReformSheet {
  const found = parsed.sheets.find((candidate) => candidate.code === code);
  if (!found) throw new Error(`no sheet ${code}`);
  return found;
}

/** A copy of the real document with `edit` applied to its lines (0-based array, so line n is index n - 1). */
const mutated = (edit: (lines: string[]) => void): SourceDocument => mutatedCopy(real, edit);
const replaceOnLine = (line: number, find: string, replace: string): SourceDocument =>
  mutated((lines) => replaceInLines(lines, line, find, replace));
const parseError = (doc: SourceDocument): ParseError => parseErrorOf(parseReformSheets, doc);

// Lines of sheet 1-6 (市作成刊行物の多言語配信の充実), read from the parse of the real document.
const sheet16 = sheet('1-6');
const participantsLine = sheet16.executing.departments[0]?.source.line ?? 0;
const yearsLine = participantsLine + 1;
const measuresLine = sheet16.supportedMeasures[0]?.source.line ?? 0;
const targetsLine = sheet16.yearlyTargets[0]?.source.line ?? 0;
const gradeLine = sheet16.yearEndEvaluation?.source.line ?? 0;

describe('parseReformSheets on mutated copies of the document', () => {
  it('throws at the line where a removed 実行課 row was expected', () => {
    const error = parseError(mutated((lines) => lines.splice(participantsLine - 1, 1)));
    expect(error.message).toMatch(
      new RegExp(
        `^${FILE.replace('.', '\\.')}:${participantsLine}: expected a 実行課 row in the sheet starting on line ${sheet16.source.line}, found "開始年度`,
      ),
    );
  });

  it('rejects a start year that is not an era year', () => {
    const error = parseError(replaceOnLine(yearsLine, 'R 5', '2023'));
    expect(error.message).toBe(
      `${FILE}:${yearsLine}: expected the start year as an era year such as R 5, found "2023"`,
    );
  });

  it('stops at an SDG number under SDGs関連No. instead of dropping it (the graph has no place for one)', () => {
    const error = parseError(mutated((lines) => (lines[yearsLine - 1] += '\t17')));
    expect(error.message).toBe(
      `${FILE}:${yearsLine}: expected an empty SDGs関連No. cell (no sheet of this document names an SDG; ` +
        'the graph links SDGs to policy items), found "17"',
    );
  });

  it('rejects a target year before the start year', () => {
    const error = parseError(replaceOnLine(yearsLine, 'R 9', 'R 4'));
    expect(error.message).toContain(`${FILE}:${yearsLine}: expected a target year not before the start year R5`);
  });

  it('rejects a 実行課 row without its 連携課 label', () => {
    const error = parseError(replaceOnLine(participantsLine, '連携課', ''));
    expect(error.message).toContain(`${FILE}:${participantsLine}: expected a 連携課 cell in the 実行課 row`);
  });

  it('rejects an outside group as the executing department but accepts it as a partner', () => {
    const asExecutor = parseError(replaceOnLine(participantsLine, '市民活動推進課', '本庄市国際交流協会'));
    expect(asExecutor.message).toContain(
      `${FILE}:${participantsLine}: expected a department (…課, …室, …局) or collective term as 実行課, found "本庄市国際交流協会"`,
    );

    const withPartner = parseReformSheets(replaceOnLine(participantsLine, '広報課', '本庄市国際交流協会、広報課'));
    const partners = withPartner.sheets.find((s) => s.code === '1-6')?.partners;
    expect(partners?.groups.map((g) => g.name)).toEqual(['本庄市国際交流協会']);
    expect(partners?.departments.map((d) => d.name)).toEqual(['広報課']);
  });

  it('rejects a sheet whose measures cell is empty', () => {
    const error = parseError(replaceOnLine(measuresLine, '国際交流の推進', ''));
    expect(error.message).toContain(`${FILE}:${measuresLine}: expected at least one 施策中項目 name`);
  });

  it('rejects a yearly target with no year above it', () => {
    const error = parseError(mutated((lines) => (lines[targetsLine - 1] += '\t余分な目標')));
    expect(error.message).toContain(`${FILE}:${targetsLine}: expected each target under a year of the 年度 row`);
  });

  it('rejects a year-end grade that is not a grade letter', () => {
    const error = parseError(replaceOnLine(gradeLine, '\tC', '\tよくできた'));
    expect(error.message).toContain(
      `${FILE}:${gradeLine}: expected one grade letter such as A, B or C after 年度末評価`,
    );
  });

  it('rejects an unknown row label inside a sheet', () => {
    const error = parseError(mutated((lines) => lines.splice(measuresLine, 0, '謎の欄\t中身')));
    expect(error.message).toBe(
      `${FILE}:${measuresLine + 1}: expected a sheet row label such as 計画名, 実行課 or 備考, found "謎の欄\\t中身"`,
    );
  });

  it('notices a missing sheet because the next sheet does not carry the contents name at its position', () => {
    const next = sheet('1-7');
    const removed = next.source.line - sheet16.source.line;
    const nameLine = real.lines.findIndex((text) => text.startsWith(`計画名\t${next.name}`)) + 1;
    const error = parseError(mutated((lines) => lines.splice(sheet16.source.line - 1, removed)));
    expect(error.message).toContain(
      `${FILE}:${nameLine - removed}: expected the name of contents entry 1-6 "市作成刊行物の多言語配信の充実"`,
    );
    expect(error.message).toContain('found "交通安全情報の効果的な発信"');
  });

  it('rejects a sheet whose area is not one of the contents', () => {
    const areaLine = sheet16.source.line + 4;
    const error = parseError(replaceOnLine(areaLine, '1. 行政サービス改革', '4. 組織改革'));
    expect(error.message).toContain(`${FILE}:${areaLine}: expected an area of the contents`);
  });

  it('reads a progress report once its spaced label carries text', () => {
    const reportLine = sheet('1-3').source.line + 21;
    expect(real.line(reportLine).startsWith('R 6年度末の 取組状況報告')).toBe(true);
    const reported = parseReformSheets(
      mutated((lines) => (lines[reportLine - 1] = 'R 6年度末の 取組状況報告\t<p>マニュアルを整備しました。</p>')),
    );
    expect(reported.sheets.find((s) => s.code === '1-3')?.progressReport).toEqual({
      label: 'R 6年度末の 取組状況報告',
      text: 'マニュアルを整備しました。',
      source: { document: FILE, line: reportLine },
    });
  });
});
