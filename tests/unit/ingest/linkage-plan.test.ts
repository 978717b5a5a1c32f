import { readFileSync } from 'node:fs';
import {
  type LinkageInitiative,
  type LinkagePlan,
  type LinkagePlanDocument,
  type MatrixRow,
  compareInitiativesWithMatrix,
  findItemNameDifferences,
  parseLinkagePlans,
} from '../../../src/ingest/linkage-plan';
import { initiativeCodes } from '../../../src/ingest/linkage-plan/compare-with-matrix';
import { readHeaderPlanNames } from '../../../src/ingest/linkage-plan/matrix-columns';
import { SourceDocument } from '../../../src/ingest/source-document';
import {
  LINKAGE_PLANS,
  correctedLinkagePlans,
  mutated,
  parseErrorOf,
  rawLinkagePlans,
  replaceOnLine,
} from './linkage-plan-fixture';

const doc = correctedLinkagePlans();
const parsed: LinkagePlanDocument = parseLinkagePlans(doc);

function plan(number: number): LinkagePlan {
  const found = parsed.plans.find((candidate) => candidate.number === number);
  if (!found) throw new Error(`no plan ${number}`);
  return found;
}

function row(code: string): MatrixRow {
  const found = parsed.matrix.rows.find((candidate) => candidate.code === code);
  if (!found) throw new Error(`no matrix row ${code}`);
  return found;
}

const at = (line: number) => ({ document: LINKAGE_PLANS, line });
/** The codes an initiative lists, in document order. */
const codesOf = (initiative: LinkageInitiative | undefined): string[] | undefined =>
  initiative?.policyItems.map((item) => item.code);

describe('parseLinkagePlans on the real document 004', () => {
  describe('plans', () => {
    it('finds the five plans, folding ①…⑤ to 1…5, each at its heading line', () => {
      expect(parsed.plans.map((p) => [p.number, p.name, p.source.line])).toEqual([
        [1, '塙保己一プラン', 22],
        [2, '本庄版ネウボラプラン', 60],
        [3, 'まちなか再生にぎわいプラン', 89],
        [4, '本庄ブランド発信プラン', 113],
        [5, '誰もが輝く、チャレンジ応援プラン', 137],
      ]);
    });

    it('reads each summary, the paragraph between the heading and 推進のための取組', () => {
      expect(plan(2).summary).toBe(
        '妊娠・出産・子育ての切れ目のない支援に加え、出会いの機会の創出や、地域における子育てしやすい環境の整備、' +
          '早稲田大学等との連携による教育の充実等を進め、子どもが輝くまちづくりを推進します。',
      );
      expect(parsed.plans.every((p) => p.summary.length > 0 && !p.summary.includes('推進のための取組'))).toBe(true);
    });

    it('splits the numeric targets on 、 and joins a list the PDF wrapped across a blank line', () => {
      expect(plan(1).numericTargets).toEqual([
        '障害者への支援体制・地域の支え合いに係る市民満足度',
        '市民総合大学参加者数',
        'オンラインによる手続数',
      ]);
      expect(plan(1).numericTargetsSource).toEqual(at(52));
      expect(plan(3).numericTargets).toEqual([
        '居住誘導区域内に居住している人口の占める割合',
        '計画的なまちづくりに係る市民満足度',
      ]);
      expect(parsed.plans.map((p) => p.numericTargets.length)).toEqual([3, 2, 2, 2, 2]);
    });
  });

  describe('initiatives', () => {
    it('finds twelve initiatives (3, 3, 2, 2, 2), numbered within their plan', () => {
      expect(parsed.plans.flatMap((p) => p.initiatives)).toHaveLength(12);
      expect(parsed.plans.map((p) => p.initiatives.map((i) => i.number))).toEqual([
        [1, 2, 3],
        [1, 2, 3],
        [1, 2],
        [1, 2],
        [1, 2],
      ]);
    });

    it('reads name, text and source of an initiative', () => {
      const first = plan(3).initiatives[0];
      expect(first).toMatchObject({ planNumber: 3, number: 1, name: 'にぎわいのあるまちなかづくり', source: at(95) });
      expect(first?.text).toMatch(
        /^駅周辺を中心とした既成市街地のにぎわいの創出に向けては、.*にぎわいづくりを推進します。$/,
      );
    });

    it("collects plan ③'s policy items from its initiatives: 3-2 3-4 4-1 and 3-6 4-2 4-3 4-4 4-7 5-1", () => {
      expect(plan(3).initiatives.map(codesOf)).toEqual([
        ['3-2', '3-4', '4-1'],
        ['3-6', '4-2', '4-3', '4-4', '4-7', '5-1'],
      ]);
      expect([...initiativeCodes(plan(3)).keys()]).toEqual([
        '3-2',
        '3-4',
        '3-6',
        '4-1',
        '4-2',
        '4-3',
        '4-4',
        '4-7',
        '5-1',
      ]);
    });

    it('continues a code list that wraps onto the next line, and across blank lines', () => {
      const [, second, third] = plan(1).initiatives;
      // line 38 `1-6 … 1-7 … 2-6 …`, blank, line 40 `4-4 交通サービスの充実`
      expect(second?.policyItems.map((item) => [item.code, item.source.line])).toEqual([
        ['1-6', 38],
        ['1-7', 38],
        ['2-6', 38],
        ['4-4', 40],
      ]);
      // line 46, blank, line 48, blank, line 50
      expect(codesOf(third)).toEqual(['2-4', '5-6', '6-1', '6-4']);
      // lines 76-77 without a blank line between
      expect(codesOf(plan(2).initiatives[1])).toEqual(['1-1', '1-2', '1-4', '1-7', '2-4', '4-7']);
    });

    it('keeps the name written after each code', () => {
      expect(plan(1).initiatives[1]?.policyItems[3]).toEqual({
        code: '4-4',
        name: '交通サービスの充実',
        source: at(40),
      });
    });

    it('normalises codes written with full-width digits or other dashes to N-M', () => {
      const variant = mutated(doc, (lines) => {
        replaceOnLine(lines, 99, '3-2', '３－２');
        replaceOnLine(lines, 99, '3-4', '3‐4');
        replaceOnLine(lines, 99, '4-1', '4ー1');
      });
      expect(codesOf(parseLinkagePlans(variant).plans[2]?.initiatives[0])).toEqual(['3-2', '3-4', '4-1']);
    });
  });

  describe('matrix', () => {
    it('holds the 38 policy items 1-1 … 6-5 and 41 ○ marks', () => {
      expect(parsed.matrix.rows).toHaveLength(38);
      expect(parsed.matrix.rows[0]?.code).toBe('1-1');
      expect(parsed.matrix.rows.at(-1)?.code).toBe('6-5');
      expect(parsed.matrix.rows.map((r) => r.fieldNumber).filter((f, i, all) => all.indexOf(f) === i)).toEqual([
        1, 2, 3, 4, 5, 6,
      ]);
      expect(parsed.matrix.rows.reduce((marks, r) => marks + r.planNumbers.length, 0)).toBe(41);
    });

    it('names each field on its first row only', () => {
      expect(parsed.matrix.fields.map((f) => [f.number, f.name, f.source.line])).toEqual([
        [1, '健康福祉', 164],
        [2, '教育文化', 171],
        [3, '経済環境', 177],
        [4, '都市基盤', 184],
        [5, '市民生活', 191],
        [6, '行財政経営', 197],
      ]);
      expect(row('1-1').fieldName).toBe('健康福祉');
      expect(row('1-2').fieldName).toBeNull();
    });

    // Items of fields 1-4 exist in the graph only through these rows, so their names must be clean.
    it('reads clean names for the items of fields 1–4', () => {
      const names = parsed.matrix.rows.filter((r) => r.fieldNumber <= 4).map((r) => `${r.code} ${r.name}`);
      expect(names).toEqual([
        '1-1 子ども・子育て支援',
        '1-2 健康づくりの推進',
        '1-3 医療体制の充実',
        '1-4 地域福祉の推進',
        '1-5 高齢者福祉の充実',
        '1-6 障害者福祉の推進',
        '1-7 生活困窮者等の支援',
        '2-1 確かな学力と自立する力の育成',
        '2-2 豊かな心と健やかな体の育成',
        '2-3 教育環境の整備',
        '2-4 生涯学習の活発化',
        '2-5 文化財の保護と活用の推進',
        '2-6 生涯スポーツ・レクリエーションの促進',
        '3-1 農林業の振興',
        '3-2 商業の振興',
        '3-3 工業の振興',
        '3-4 観光の振興',
        '3-5 いきいき働ける環境づくりと消費者の安全と利益の確保',
        '3-6 環境対策の充実',
        '3-7 廃棄物の処理とリサイクル',
        '4-1 計画的なまちづくり',
        '4-2 居住環境の整備',
        '4-3 道路・河川の整備と維持管理',
        '4-4 交通サービスの充実',
        '4-5 水道水の安定供給',
        '4-6 下水道施設等の充実',
        '4-7 都市公園の整備と緑の保全',
      ]);
      expect(parsed.matrix.rows.filter((r) => /[\s\u3000]/.test(r.name))).toEqual([]);
    });

    it('marks plan ③ on exactly the rows its initiatives name', () => {
      const marked = parsed.matrix.rows.filter((r) => r.planNumbers.includes(3)).map((r) => r.code);
      expect(marked).toEqual(['3-2', '3-4', '3-6', '4-1', '4-2', '4-3', '4-4', '4-7', '5-1']);
    });

    it('reads the plan columns from the header, checked against the plan names', () => {
      expect(parsed.matrix.planColumns.map((c) => [c.planNumber, c.name, c.source.line])).toEqual(
        parsed.plans.map((p) => [p.number, p.name, 163]),
      );
      expect(parsed.matrix.source).toEqual(at(160));
    });
  });

  describe('trap: the matrix header has fewer leading cells than its rows', () => {
    it('finds the header plan names one cell left of the row marks they head', () => {
      const headerCells = readHeaderPlanNames(doc, 163, 5).map((name) => name.cell);
      expect(headerCells).toEqual([2, 3, 4, 5, 6]);
      // row 1-6: ['', '1-6', '障害者福祉の推進', '○', '', '', '', '○'] — marks in cells 3 and 7
      const rowCells = doc.line(169).split('\t');
      expect(rowCells.flatMap((cell, i) => (cell === '○' ? [i] : []))).toEqual([3, 7]);
    });

    it('assigns marks by counting plan columns after the item name, not by cell index', () => {
      // By cell index, cell 3 would be plan ② and cell 7 no plan at all.
      expect(row('1-6').planNumbers).toEqual([1, 5]);
      expect(row('1-1').planNumbers).toEqual([2, 5]);
      expect(row('4-4').planNumbers).toEqual([1, 3, 4]);
      expect(row('1-3').planNumbers).toEqual([]);
    });
  });

  describe('trap: the document ends without a newline', () => {
    it('reads the last row, which is the last line of the file', () => {
      expect(readFileSync(`seed/sources/${LINKAGE_PLANS}`, 'utf8').endsWith('\n')).toBe(false);
      expect(row('6-5')).toEqual({
        fieldNumber: 6,
        fieldName: null,
        code: '6-5',
        name: '自主性・自立性の高い財政運営の確立',
        planNumbers: [4],
        source: at(201),
      });
    });

    it('reads the same rows when a newline is added', () => {
      const withNewline = new SourceDocument(LINKAGE_PLANS, `${doc.lines.join('\n')}\n`);
      expect(parseLinkagePlans(withNewline).matrix.rows).toEqual(parsed.matrix.rows);
    });
  });

  describe('trap: typos in the matrix header and an initiative (fixed in seed/corrections.yaml)', () => {
    it('rejects the raw header, whose plan names (埴保己一, ネットワーク) do not match the plans', () => {
      const error = parseErrorOf(rawLinkagePlans());
      expect(error.message).toMatch(/^004_c772f55bb03f2e1d\.txt:163: expected plan ① "塙保己一プラン"/);
    });

    it('needs the ネウボラ fix as well as the 塙 fix', () => {
      const only塙 = mutated(rawLinkagePlans(), (lines) => replaceOnLine(lines, 163, '埴保己一', '塙保己一'));
      expect(parseErrorOf(only塙).message).toMatch(/:163: expected plan ② "本庄版ネウボラプラン".*ネットワーク/);
    });

    it('reports 2-1 written as 豊かな学力 on line 83 when that fix is not applied', () => {
      const headerFixedOnly = mutated(rawLinkagePlans(), (lines) => {
        replaceOnLine(lines, 163, '埴保己一', '塙保己一');
        replaceOnLine(lines, 163, 'ネットワーク', 'ネウボラ');
      });
      const result = parseLinkagePlans(headerFixedOnly);
      expect(findItemNameDifferences(result.plans, result.matrix)).toEqual([
        {
          planNumber: 2,
          initiativeNumber: 3,
          code: '2-1',
          writtenName: '豊かな学力と自立する力の育成',
          matrixName: '確かな学力と自立する力の育成',
          source: at(83),
        },
      ]);
      expect(findItemNameDifferences(parsed.plans, parsed.matrix)).toEqual([]);
    });
  });

  describe('compareInitiativesWithMatrix', () => {
    it('finds no difference on the real document: initiatives and matrix agree for every plan', () => {
      expect(compareInitiativesWithMatrix(parsed.plans, parsed.matrix)).toEqual([]);
    });

    it('reports an item only the matrix links, with the matrix row as source', () => {
      // drop `5-6 市民サービスの向上` from plan ①'s third initiative
      const variant = parseLinkagePlans(
        mutated(doc, (lines) => replaceOnLine(lines, 46, ' 5-6 市民サービスの向上', '')),
      );
      expect(compareInitiativesWithMatrix(variant.plans, variant.matrix)).toEqual([
        { planNumber: 1, code: '5-6', onlyIn: 'matrix', source: at(196) },
      ]);
    });

    it('reports an item only the initiatives name, with the code line as source, ordered by plan and code', () => {
      const variant = parseLinkagePlans(
        mutated(doc, (lines) => {
          replaceOnLine(lines, 99, '4-1 計画的なまちづくり', '4-1 計画的なまちづくり 1-3 医療体制の充実');
          // 3-2 row: remove plan ⑤'s ○ (the last cell)
          replaceOnLine(lines, 178, '\t○\t\t○', '\t○\t\t');
        }),
      );
      expect(compareInitiativesWithMatrix(variant.plans, variant.matrix)).toEqual([
        { planNumber: 3, code: '1-3', onlyIn: 'initiatives', source: at(99) },
        { planNumber: 5, code: '3-2', onlyIn: 'initiatives', source: at(147) },
      ]);
    });
  });
});
