import { parseFinalPlan } from '../../../src/ingest/final-plan';
import type { FinalPlanDocument, FinalPolicyItem, OutcomeIndicator } from '../../../src/ingest/final-plan';
import type { ParseError } from '../../../src/ingest/parse-error';
import { SourceDocument } from '../../../src/ingest/source-document';
import { mutated as mutatedCopy, parseErrorOf as parseErrorOfAny } from '../../helpers/source-fixture';

const NAME = '001_ce2878ebb8c6f072.txt';
const doc = SourceDocument.read('seed/sources', NAME);
const plan: FinalPlanDocument = parseFinalPlan(doc);

const items = plan.chapters.flatMap((chapter) => chapter.items);

function item(code: string): FinalPolicyItem {
  const found = items.find((candidate) => candidate.code === code);
  if (!found) throw new Error(`no policy item ${code}`);
  return found;
}

function indicator(code: string, name: string): OutcomeIndicator {
  const found = item(code).indicators.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no indicator ${name} in ${code}`);
  return found;
}

/** The 1-based number of the only line that equals `text` after trimming (fails loudly otherwise). */
function lineOf(text: string, from = 1): number {
  const numbers = doc.lines.flatMap((line, i) => (i + 1 >= from && line.trim() === text ? [i + 1] : []));
  if (numbers.length === 0) throw new Error(`no line "${text}" from ${from}`);
  return numbers[0] as number;
}

describe('parseFinalPlan on document 001 (chapters 5 and 6 of the final plan)', () => {
  it('reads the two field chapters with number, name and tidied slogan', () => {
    expect(plan.chapters.map((c) => [c.fieldNumber, c.fieldName, c.slogan])).toEqual([
      [5, '市民生活', '市民だれもが活躍し、安全に生活できるまち'],
      [6, '行財政経営', '市民の信頼に応える行財政経営を進めるまち'],
    ]);
    expect(plan.chapters.map((c) => c.source)).toEqual([doc.ref(5), doc.ref(374)]);
  });

  it('lists each chapter overview with wrap spaces removed from the names', () => {
    const [five, six] = plan.chapters;
    expect(five?.overview.map((e) => `${e.code} ${e.name}`)).toEqual([
      '5-1 市民との協働によるまちづくりの推進',
      '5-2 人権を尊重する社会の実現',
      '5-3 危機管理体制の強化',
      '5-4 防犯対策の推進',
      '5-5 交通安全対策の推進',
      '5-6 市民サービスの向上',
    ]);
    expect(six?.overview.map((e) => e.code)).toEqual(['6-1', '6-2', '6-3', '6-4', '6-5']);
    expect(six?.overview[0]?.source).toEqual(doc.ref(396));
  });

  it('finds the 11 policy items, 49 measures and 27 indicators the issue counts', () => {
    expect(items.map((i) => i.code)).toEqual([
      '5-1',
      '5-2',
      '5-3',
      '5-4',
      '5-5',
      '5-6',
      '6-1',
      '6-2',
      '6-3',
      '6-4',
      '6-5',
    ]);
    expect(items.flatMap((i) => i.measures)).toHaveLength(49);
    expect(items.flatMap((i) => i.indicators)).toHaveLength(27);
  });

  it('finds and numbers the items whose heading the document lacks (5-2, 5-5, 5-6, 6-4) by position', () => {
    const headless = items.filter((i) => i.heading === null).map((i) => i.code);
    expect(headless).toEqual(['5-2', '5-5', '5-6', '6-4']);
    // Such an item starts at its めざす姿 label, right after the previous item's last bullet.
    expect(item('5-2').source).toEqual(doc.ref(114));
    expect(doc.line(114)).toBe('めざす姿');
    expect(item('6-4').name).toBe('行政のデジタル化の推進');
    expect(item('6-4').measures[0]?.name).toBe('ICTの利活用による市民の利便性の向上');
    // Printed headings are kept as the item's source line.
    expect(item('6-1').heading).toEqual(doc.ref(418));
    expect(item('6-5').heading).toEqual(doc.ref(683));
  });

  it("pins 5-1's four measures and their first description", () => {
    expect(item('5-1').measures.map((m) => `${m.code} ${m.name}`)).toEqual([
      '5-1-1 自治会の支援',
      '5-1-2 コミュニティ活動団体の支援',
      '5-1-3 ボランティア団体・NPO法人等との協働',
      '5-1-4 市民・企業との協働',
    ]);
    expect(item('5-1').measures[0]?.description).toBe(
      '地域コミュニティの中心であり、行政の重要なパートナーである自治会による地域における様々な活動や、また、その集合体である自治会連合会の活動を支援します。',
    );
  });

  it("pins 5-6's final measure order (職員の資質の向上 is gone, the rest renumbered)", () => {
    expect(item('5-6').measures.map((m) => `${m.number}. ${m.name}`)).toEqual([
      '1. 窓口サービスの向上',
      '2. 市民相談の充実',
      '3. 市民ニーズに合った使いやすい市庁舎等の実現',
    ]);
    expect(item('5-6').measures.map((m) => m.source.line)).toEqual([355, 359, 363]);
  });

  it("reads 6-5-6's final name まちの魅力創造と移住定住促進", () => {
    const measure = item('6-5').measures[5];
    expect(measure?.code).toBe('6-5-6');
    expect(measure?.name).toBe('まちの魅力創造と移住定住促進');
  });

  it('joins a multi-bullet description line by line and drops extracted ruby', () => {
    expect(item('5-3').measures[0]?.description.split('\n')).toHaveLength(2);
    expect(item('6-1').measures[1]?.description).toContain('本市の未来の舵取りを市民と共に');
  });

  it('pins indicator 6-1 市ホームページへのアクセス数 with its current and target values', () => {
    const access = indicator('6-1', '市ホームページへのアクセス数');
    expect(access.current).toEqual({ text: '2,927,767 件', value: 2927767, unit: '件', bound: null, note: null });
    expect(access.target).toEqual({ text: '3,351,000 件', value: 3351000, unit: '件', bound: null, note: null });
    expect(access.unit).toBe('件');
    expect(access.definition).toBeNull();
    expect(access.source).toEqual(doc.ref(427));
  });

  it('reads — as "no baseline": current value null, raw text kept', () => {
    const proposals = indicator('5-1', '市民提案型事業数');
    expect(proposals.current.value).toBeNull();
    expect(proposals.current.text).toBe('—');
    expect(proposals.target.value).toBe(2);
    expect(proposals.unit).toBe('件');
    expect(proposals.definition).toBe('市民活動団体等が企画・立案し、行政と協働で行う事業数');
  });

  it('splits definitions, glossary marks, bounds and notes off indicator cells', () => {
    const ratio = indicator('6-5', '経常収支比率');
    expect([ratio.target.value, ratio.target.unit, ratio.target.bound]).toEqual([92.7, '%', '以内']);
    const migration = indicator('6-5', '20代・30代の転入超過人口');
    expect([migration.definition, migration.target.value, migration.target.note]).toEqual([
      '転入人口-転出人口',
      0,
      '移動均衡',
    ]);
    // `[*]` is a glossary pointer, not a definition; the ▶▶▶ variant of the arrows is read too.
    const proposals = indicator('6-2', '職員提案制度件数(年間)');
    expect([proposals.definition, proposals.current.value, proposals.target.value]).toEqual([null, 5, 15]);
    expect(proposals.label).toBe('職員提案制度 [*] 件数(年間)');
    expect(indicator('5-3', '備蓄食料').current.value).toBe(48340);
  });

  it('reads satisfaction questions on the label line, on the next line, spread over lines and in bold', () => {
    expect(item('5-1').satisfaction).toMatchObject({
      question: 'ボランティア活動や自治会活動などの市民との協働によるまちづくりが進んでいる',
      percent: 30.6,
    });
    expect(item('5-2').satisfaction).toMatchObject({ question: '人権を尊重する社会が実現されている', percent: 23.1 });
    expect(item('6-1').satisfaction).toMatchObject({
      question: '市の情報発信や情報公開が充実し、まちづくりへの市民参加機会がたくさんある',
      percent: 30.4,
      text: '30.4%',
      source: doc.ref(437),
    });
  });

  it('reads visions as bullets, with a match key that ignores glossary marks', () => {
    expect(item('5-2').visions).toHaveLength(5);
    const ict = item('6-4').visions[0];
    expect(ict?.text).toBe('ICT※を活用した行政サービスが充実しています。');
    expect(ict?.matchKey).toBe('ictを活用した行政サービスが充実しています。');
  });

  it('reads collaboration as a list of strings, empty where the item has none', () => {
    expect(item('5-1').collaboration).toHaveLength(3);
    expect(item('5-1').collaborationSource).toEqual(doc.ref(106));
    for (const code of ['5-6', '6-2', '6-4']) {
      expect(item(code).collaboration).toEqual([]);
      expect(item(code).collaborationSource).toBeNull();
    }
  });

  it('stops cleanly at the linkage-plan chapter that follows chapter 6', () => {
    expect(plan.stoppedAt).toEqual({ heading: '第7章 政策連携プラン', source: doc.ref(754) });
    const last = item('6-5');
    expect(last.collaboration).toEqual([
      '高校生等を含めた幅広い市民が地域への愛着と誇りを高めていけるよう、ワークショップ等によるまちづくりへの積極的な参加を促すなど、本市が「選ばれるまち」となるためのシティプロモーションに市民と協働で取り組みます。',
    ]);
    const everyLine = items.flatMap((i) => [i.source, ...i.measures.map((m) => m.source)]).map((s) => s.line);
    expect(Math.max(...everyLine)).toBeLessThan(754);
  });

  it('gives every record a source in document 001', () => {
    const sources = items.flatMap((i) => [
      i.source,
      i.satisfaction.source,
      ...i.visions.map((v) => v.source),
      ...i.indicators.map((x) => x.source),
      ...i.measures.map((m) => m.source),
    ]);
    expect(sources.every((s) => s.document === NAME && s.line >= 1)).toBe(true);
  });
});

/** A copy of document 001 with `edit` applied to its lines. */
const mutated = (edit: (lines: string[]) => void): SourceDocument => mutatedCopy(doc, edit);
const parseErrorOf = (source: SourceDocument): ParseError => parseErrorOfAny(parseFinalPlan, source);

describe('parseFinalPlan identifies items by position and checks printed headings', () => {
  it('still finds an item when its printed heading is removed (5-3 read by position)', () => {
    const heading = lineOf('危機管理体制の強化');
    const reparsed = parseFinalPlan(mutated((lines) => (lines[heading - 1] = '')));
    const again = reparsed.chapters[0]?.items[2];
    expect(again?.code).toBe('5-3');
    expect(again?.heading).toBeNull();
    expect(again?.measures.map((m) => m.name)).toEqual(item('5-3').measures.map((m) => m.name));
  });

  it('rejects a printed heading that names another overview item than its position', () => {
    const heading = lineOf('防犯対策の推進', 100);
    const error = parseErrorOf(mutated((lines) => (lines[heading - 1] = '交通安全対策の推進')));
    expect(error.message).toMatch(new RegExp(`^${NAME}:${heading}: expected the heading of policy item 5-4`));
  });

  it('rejects a chapter whose めざす姿 count differs from its overview', () => {
    const vision = lineOf('めざす姿', 300);
    const error = parseErrorOf(mutated((lines) => (lines[vision - 1] = '')));
    expect(error.message).toMatch(new RegExp(`^${NAME}:\\d+: expected 6 policy items`));
  });
});

describe('parseFinalPlan on variations of the layout', () => {
  it('reads an indicator row whose tab between name and current value was lost', () => {
    const row = doc.lines.findIndex((line) => line.startsWith('市ホームページへのアクセス数')) + 1;
    const reparsed = parseFinalPlan(mutated((lines) => (lines[row - 1] = (lines[row - 1] ?? '').replace('\t', ' '))));
    const access = reparsed.chapters[1]?.items[0]?.indicators[0];
    expect([access?.name, access?.current.value, access?.target.value]).toEqual([
      '市ホームページへのアクセス数',
      2927767,
      3351000,
    ]);
  });

  it('reports no following chapter when the document ends with chapter 6', () => {
    const reparsed = parseFinalPlan(mutated((lines) => lines.splice(lineOf('第7章 政策連携プラン') - 1)));
    expect(reparsed.stoppedAt).toBeNull();
    expect(reparsed.chapters.flatMap((c) => c.items)).toHaveLength(11);
  });
});

describe('parseFinalPlan rejects a malformed document with the line at fault', () => {
  it('names the line of a non-numeric current value', () => {
    const row = doc.lines.findIndex((line) => line.startsWith('備蓄食料')) + 1;
    const error = parseErrorOf(
      mutated((lines) => (lines[row - 1] = (lines[row - 1] ?? '').replace('48,340食', '約5万食'))),
    );
    expect(error.where).toEqual(doc.ref(row));
    expect(error.message).toMatch(new RegExp(`^${NAME}:${row}: expected a current value`));
  });

  it('names the line where a missing 取組内容(施策中項目) label was expected', () => {
    const label = lineOf('取組内容(施策中項目)', 640);
    const error = parseErrorOf(mutated((lines) => (lines[label - 1] = '')));
    expect(error.message).toMatch(new RegExp(`^${NAME}:\\d+: expected "取組内容\\(施策中項目\\)" of policy item 6-4`));
  });

  it('names a measure whose number breaks the sequence', () => {
    const measure = lineOf('2. 防災意識の高揚');
    const error = parseErrorOf(mutated((lines) => (lines[measure - 1] = '3. 防災意識の高揚')));
    expect(error.message).toBe(`${NAME}:${measure}: expected measure 5-3-2 ("2. name"), found "3. 防災意識の高揚"`);
  });

  it('names a measure that has no description', () => {
    const measure = lineOf('2. 市民相談の充実');
    const error = parseErrorOf(mutated((lines) => lines.splice(measure, 2)));
    expect(error.message).toMatch(new RegExp(`^${NAME}:\\d+: expected a description bullet under measure 5-6-2`));
  });

  it('names the indicator header when the table has no rows', () => {
    const header = doc.lines.findIndex((line, i) => i > 620 && line.startsWith('成果指標')) + 1;
    const error = parseErrorOf(mutated((lines) => lines.splice(header, 2, '', '')));
    expect(error.message).toMatch(new RegExp(`^${NAME}:${header}: expected at least one indicator row`));
  });

  it('names the line where the satisfaction percentage is missing', () => {
    const label = doc.lines.findIndex((line) => line.startsWith('施策に係る市民満足度 街路灯')) + 1;
    const error = parseErrorOf(
      mutated((lines) => (lines[label - 1] = '施策に係る市民満足度 街路灯など防犯の面で安心である')),
    );
    expect(error.message).toMatch(new RegExp(`^${NAME}:${label + 2}: expected the percentage closing`));
  });

  it('names the first line when the document does not open with a field chapter', () => {
    const heading = lineOf('第5章 市民生活分野');
    const error = parseErrorOf(mutated((lines) => (lines[heading - 1] = '市民生活分野')));
    expect(error.message).toMatch(new RegExp(`^${NAME}:${heading}: expected a field chapter heading`));
  });

  it('names a non-bullet line inside めざす姿', () => {
    const bullet = doc.lines.findIndex((line) => line.startsWith('- 人権尊重の精神が')) + 1;
    const error = parseErrorOf(mutated((lines) => (lines[bullet - 1] = (lines[bullet - 1] ?? '').slice(2))));
    expect(error.message).toMatch(new RegExp(`^${NAME}:${bullet}: expected a bullet \\("- …"\\) of めざす姿 of 5-2`));
  });
});
