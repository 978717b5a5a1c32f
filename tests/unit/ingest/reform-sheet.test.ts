import { SourceDocument } from '../../../src/ingest/source-document';
import { sheetRowKind } from '../../../src/ingest/reform-sheet/sheet-rows';
import { matchKey } from '../../../src/core/text/index';
import { type ReformSheet, type ReformSheetDocument, parseReformSheets } from '../../../src/ingest/reform-sheet';

const FILE = '003_333ee31cbdb593ac.txt';
const real = SourceDocument.read('seed/sources', FILE);
const parsed = parseReformSheets(real);

function sheet(code: string, from: ReformSheetDocument = parsed): ReformSheet {
  const found = from.sheets.find((candidate) => candidate.code === code);
  if (!found) throw new Error(`no sheet ${code}`);
  return found;
}

const names = (refs: readonly { name: string }[]): string[] => refs.map((ref) => ref.name);

/** The distinct department names the sheets give, executing then partner, in order of first appearance. */
const departmentNames = (doc: ReformSheetDocument): string[] => [
  ...new Set(doc.sheets.flatMap((s) => names([...s.executing.departments, ...s.partners.departments]))),
];

describe('parseReformSheets on the real document', () => {
  it('reads the three reform areas from the table of contents with their first pages', () => {
    expect(parsed.areas.map(({ number, name, page }) => ({ number, name, page }))).toEqual([
      { number: 1, name: '行政サービス改革', page: 4 },
      { number: 2, name: '業務改善・効率化改革', page: 30 },
      { number: 3, name: '財政改革', page: 48 },
    ]);
    expect(parsed.areas[0]?.source).toEqual({ document: FILE, line: 13 });
  });

  it('reads 56 contents entries, 26 / 18 / 12 per area, with pages 4 to 59', () => {
    expect(parsed.contents).toHaveLength(56);
    expect([1, 2, 3].map((area) => parsed.contents.filter((entry) => entry.area === area).length)).toEqual([
      26, 18, 12,
    ]);
    expect(parsed.contents.map((entry) => entry.page)).toEqual(Array.from({ length: 56 }, (_, i) => i + 4));
    expect(parsed.contents[0]).toMatchObject({
      area: 1,
      number: 1,
      name: '窓口アンケートの実施及びフィードバック',
      page: 4,
    });
    expect(parsed.contents[0]?.start.label).toBe('R5');
    expect(parsed.contents[0]?.end).toBeNull();
  });

  it('reads all 56 sheets, 26 / 18 / 12 per area, coded area-number', () => {
    expect(parsed.sheets).toHaveLength(56);
    expect([1, 2, 3].map((area) => parsed.sheets.filter((s) => s.area === area).length)).toEqual([26, 18, 12]);
    expect(new Set(parsed.sheets.map((s) => s.code)).size).toBe(56);
    expect(parsed.sheets.map((s) => s.code).slice(24, 28)).toEqual(['1-25', '1-26', '2-1', '2-2']);
    expect(parsed.planYear).toEqual({ label: 'R6', year: 2024 });
  });

  it('keys sheets 1-24 and 1-26, which share a name, by area and number', () => {
    const first = sheet('1-24');
    const second = sheet('1-26');
    expect(first.name).toBe('「本庄市オンライン窓口」（電子申請）の活用');
    expect(second.name).toBe(first.name);
    expect(names(first.executing.departments)).toEqual(['行政管理課']);
    expect(names(second.executing.departments)).toEqual(['高齢者福祉課']);
    expect([first.source.line, second.source.line]).toEqual([666, 716]);
    expect([first.page, second.page]).toEqual([27, 29]);
  });

  it('reads the two executing departments of sheet 2-18 from one cell', () => {
    const paperless = sheet('2-18');
    expect(paperless.name).toBe('ペーパーレス「一歩先へ!!」');
    expect(names(paperless.executing.departments)).toEqual(['企画課', '情報システム課']);
    expect(paperless.executing.departments[0]?.source).toEqual({ document: FILE, line: 1183 });
    expect(names(paperless.partners.terms)).toEqual(['全庁']);
    expect(paperless.partners.departments).toEqual([]);
    expect(parsed.contents.find((e) => e.area === 2 && e.number === 18)?.executingDepartments).toEqual([
      '企画課',
      '情報システム課',
    ]);
  });

  it("reads sheet 1-6's supported measure and its line", () => {
    expect(sheet('1-6').name).toBe('市作成刊行物の多言語配信の充実');
    expect(sheet('1-6').supportedMeasures).toEqual([{ name: '国際交流の推進', source: { document: FILE, line: 218 } }]);
  });

  it('finds 連携課 whether it sits in the third or the fourth column', () => {
    // 1-1: `実行課 | 企画課 | 連携課 | 全庁`; 1-6: `実行課 | 市民活動推進課 | | 連携課 | 広報課`.
    expect(names(sheet('1-1').partners.terms)).toEqual(['全庁']);
    expect(names(sheet('1-6').executing.departments)).toEqual(['市民活動推進課']);
    expect(names(sheet('1-6').partners.departments)).toEqual(['広報課']);
    expect(names(sheet('1-4').partners.departments)).toEqual([
      '危機管理課',
      '市民課',
      '子育て支援課',
      '保育課',
      '都市計画課',
      '学校教育課',
    ]);
    expect(names(sheet('3-6').partners.departments)).toEqual(['支所市民福祉課']);
    expect(sheet('1-5').partners).toEqual({ departments: [], terms: [], groups: [], openEnded: false });
  });

  it('keeps collective terms apart from departments', () => {
    expect(names(sheet('2-1').partners.departments)).toEqual(['財政課']);
    expect(names(sheet('2-1').partners.terms)).toEqual(['各公共施設所管課']);
    expect(names(sheet('1-25').partners.terms)).toEqual(['福祉部各課']);
    expect(names(sheet('3-2').partners.terms)).toEqual(['庁内各課']);
    expect(names(sheet('2-5').partners.terms)).toEqual(['関係各課']);
    const terms = new Set(parsed.sheets.flatMap((s) => names([...s.executing.terms, ...s.partners.terms])));
    expect([...terms].sort()).toEqual(['全庁', '各公共施設所管課', '庁内各課', '福祉部各課', '関係各課'].sort());
  });

  it('marks the partner list of 2-11 that ends in など as open-ended', () => {
    const council = sheet('2-11');
    expect(council.partners.departments).toHaveLength(12);
    expect(council.partners.departments[11]?.name).toBe('農業委員会事務局');
    expect(council.partners.openEnded).toBe(true);
    expect(parsed.sheets.filter((s) => s.partners.openEnded).map((s) => s.code)).toEqual(['2-11']);
  });

  it('names no outside partner groups in the real document', () => {
    expect(parsed.sheets.flatMap((s) => s.partners.groups)).toEqual([]);
  });

  it('reads start and target years written as `R 5` and as `R6`', () => {
    expect([sheet('1-1').start.label, sheet('1-1').target.label]).toEqual(['R5', 'R9']);
    expect(sheet('1-13').target).toEqual({ label: 'R6', year: 2024 });
    expect([sheet('2-18').start.label, sheet('2-18').target.label]).toEqual(['R6', 'R7']);
  });

  it('reads the viewpoint as written, spaced letters included', () => {
    expect(sheet('1-1').viewpoint).toBe('より良い未来のための行動');
    expect(sheet('1-7').viewpoint).toBe('I C Tの積極的な活用');
    expect(matchKey(sheet('1-7').viewpoint)).toBe(matchKey(sheet('1-3').viewpoint));
  });

  it('splits supported measures on 、 only, keeping ・ inside names', () => {
    expect(names(sheet('2-3').supportedMeasures)).toEqual([
      '市民の信頼に応える行財政経営を進めるまち',
      'ICTの利活用による効率的・安定的な行政事務の推進',
    ]);
    expect(names(sheet('1-4').supportedMeasures)).toEqual(['ICT の利活用による効率的・安定的な行政事務の推進']);
    expect(names(sheet('1-19').supportedMeasures)).toEqual(['空き家・空き地等の対策']);
    expect(sheet('2-11').supportedMeasuresText).toBe('優良企業の誘致、工業用地の確保、工場の適正配置');
    expect(parsed.sheets.every((s) => s.supportedMeasures.length > 0)).toBe(true);
  });

  it('reads yearly targets under the year printed above them', () => {
    const survey = sheet('1-6').yearlyTargets;
    expect(survey.map((t) => t.year.label)).toEqual(['R5', 'R6', 'R7', 'R8', 'R9']);
    expect(survey[4]?.text).toBe('多言語アプリへの市作成刊行物の掲載件数：16件');
    expect(sheet('1-24').yearlyTargets.map((t) => t.year.label)).toEqual(['R6', 'R7', 'R8', 'R9']);
    const paperless = sheet('2-18').yearlyTargets;
    expect(paperless.map((t) => t.year.label)).toEqual(['R6', 'R7']);
    expect(paperless[0]?.text.startsWith('・職員に持ち運び可能なパソコンを配布')).toBe(true);
  });

  it('reads year-end grades A / B / C and leaves ungraded sheets null', () => {
    expect(sheet('1-3').yearEndEvaluation).toEqual({
      grade: 'A',
      label: '年度末評価',
      source: { document: FILE, line: 155 },
    });
    expect(sheet('1-6').yearEndEvaluation?.grade).toBe('C');
    const counts = new Map<string, number>();
    for (const s of parsed.sheets) {
      const grade = s.yearEndEvaluation?.grade ?? 'none';
      counts.set(grade, (counts.get(grade) ?? 0) + 1);
    }
    expect(Object.fromEntries(counts)).toEqual({ A: 14, B: 26, C: 10, none: 6 });
    expect(sheet('1-24').yearEndEvaluation).toBeNull();
  });

  it('keeps `<令和6年度計画変更>` in notes as text and flags the six changed plans', () => {
    expect(sheet('1-9').notes?.text.startsWith('<令和6年度計画変更> 令和5年度に証明書のコンビニ交付件数')).toBe(true);
    expect(parsed.sheets.filter((s) => s.planChanged).map((s) => s.code)).toEqual([
      '1-9',
      '1-23',
      '2-1',
      '2-2',
      '2-10',
      '3-1',
    ]);
    expect(sheet('1-2').notes).toBeNull();
  });

  it('strips real HTML fragments from every text', () => {
    const texts = parsed.sheets.flatMap((s) => [
      s.currentSituation?.text,
      s.actions?.text,
      s.effects?.text,
      s.notes?.text,
      ...s.yearlyTargets.map((t) => t.text),
    ]);
    expect(texts.filter((t) => t !== undefined && /<\/?(?:ul|li|p)\b/.test(t))).toEqual([]);
    expect(sheet('1-1').currentSituation?.text.startsWith('○各課等において')).toBe(true);
  });

  it('recognises the spaced R6 report labels and has no report yet on any sheet', () => {
    const labels = [154, 204, 1197].map((line) => real.line(line).split('\t')[0] ?? '');
    expect(labels).toEqual(['R 6年度末の 取組状況報告', 'R 6 年度末の取組状況報告', 'R6年度末の取組状況報告']);
    expect(labels.map(sheetRowKind)).toEqual(['progressReport', 'progressReport', 'progressReport']);
    expect(parsed.sheets.every((s) => s.progressReport === null && s.nextYearPolicy === null)).toBe(true);
  });

  it('matches contents names that differ only in spacing or width (S N S, ！！)', () => {
    const sns = parsed.contents.find((e) => e.area === 1 && e.number === 3);
    expect(sns?.name).toBe('S N Sによる情報発信力の強化');
    expect(sheet('1-3').name).toBe('SNSによる情報発信力の強化');
    const paperless = parsed.contents.find((e) => e.area === 2 && e.number === 18);
    expect(paperless?.name).toBe('ペーパーレス「一歩先へ！！」');
    expect(sheet('2-18').name).toBe('ペーパーレス「一歩先へ!!」');
  });

  it('reads the last sheet although the document ends without a newline', () => {
    expect(real.lines).toHaveLength(1501);
    const last = sheet('3-12');
    expect(last).toMatchObject({ name: '職員による橋梁定期点検', source: { document: FILE, line: 1479 }, page: 59 });
    expect(names(last.supportedMeasures)).toEqual(['自主財源の確保']);
    expect(last.notes).toBeNull();
  });

  it('lists each department once for the glossary, without collective terms', () => {
    const departments = departmentNames(parsed);
    expect(departments).toHaveLength(new Set(departments).size);
    expect(departments).toEqual(
      expect.arrayContaining(['企画課', '情報システム課', '図書館', '市街地整備室', '農業委員会事務局', '学校教育課']),
    );
    expect(departments).not.toContain('全庁');
    expect(departments.some((name) => name.includes('各'))).toBe(false);
    expect(departments).toHaveLength(39);
  });
});
