import { parseRevisionSheets } from '../../../src/ingest/revision-sheet';
import {
  correctedSheets,
  FIELD_5_SHEETS,
  FIELD_6_SHEETS,
  mutated,
  parseErrorOf,
  replaceOnLine,
} from './revision-sheet-fixture';

/** Each case breaks one thing in a copy of the real document; the error must name the document and line. */
describe('revision sheets: malformed documents', () => {
  const field5 = correctedSheets(FIELD_5_SHEETS);
  const field6 = correctedSheets(FIELD_6_SHEETS);

  it('rejects a document without its field heading', () => {
    const error = parseErrorOf(mutated(field5, (lines) => replaceOnLine(lines, 5, '5. 市民生活分野', '')));
    expect(error.message).toMatch(/^000_c612850dd0d0a3ba\.txt:1: expected a field heading/);
  });

  it('rejects a policy item whose survey label is missing, naming the item heading', () => {
    const error = parseErrorOf(mutated(field5, (lines) => replaceOnLine(lines, 12, '市民アンケート結果', '')));
    expect(error.message).toMatch(/^000_c612850dd0d0a3ba\.txt:9: expected 大項目名の変更必要性 answered なし/);
  });

  it('reads a project table whose 主な事業一覧 label is gone by its column header (事業名 …)', () => {
    const relabelled = mutated(field5, (lines) => replaceOnLine(lines, 437, '主な事業一覧 (資料編)', ''));
    expect(parseRevisionSheets(relabelled).policyItems[5]?.projects).toHaveLength(3);
  });

  it('rejects a policy item without any 主な事業一覧 table, naming the item heading', () => {
    const error = parseErrorOf(
      mutated(field5, (lines) =>
        replaceOnLine(lines, 437, '主な事業一覧 (資料編)\t事業名\t事業概要\t変更有無\t事業概要', ''),
      ),
    );
    expect(error.message).toMatch(
      /^000_c612850dd0d0a3ba\.txt:371: expected a "主な事業一覧" section in this policy item/,
    );
  });

  it('rejects a non-numeric survey score', () => {
    const error = parseErrorOf(mutated(field5, (lines) => replaceOnLine(lines, 14, '0.03', 'abc')));
    expect(error.message).toBe(
      '000_c612850dd0d0a3ba.txt:14: expected a numeric score for H28, found "\\t満足度\\t-0.10\\tabc\\t0.08\\t11/36位"',
    );
  });

  it('rejects a rank that is not n/36位', () => {
    const error = parseErrorOf(mutated(field5, (lines) => replaceOnLine(lines, 15, '34/36位', '34位')));
    expect(error.message).toMatch(/^000_c612850dd0d0a3ba\.txt:15: expected a rank such as 11\/36位/);
  });

  it('rejects an SDG number outside 1–17', () => {
    const error = parseErrorOf(mutated(field5, (lines) => replaceOnLine(lines, 25, '17 パート', '18 パート')));
    expect(error.message).toMatch(/^000_c612850dd0d0a3ba\.txt:25: expected an SDG number 1–17/);
  });

  it('rejects a measure whose detached status line is missing', () => {
    const error = parseErrorOf(mutated(field5, (lines) => replaceOnLine(lines, 58, '←変更なし', '')));
    expect(error.message).toMatch(/^000_c612850dd0d0a3ba\.txt:55: expected a change status for this measure/);
  });

  it('rejects measures numbered out of order', () => {
    const error = parseErrorOf(
      mutated(field5, (lines) => replaceOnLine(lines, 60, '2 コミュニティ', '3 コミュニティ')),
    );
    expect(error.message).toMatch(/^000_c612850dd0d0a3ba\.txt:60: expected measure number 2/);
  });

  it('rejects a measure row without departments', () => {
    const error = parseErrorOf(mutated(field5, (lines) => replaceOnLine(lines, 200, '危機管理課', '')));
    expect(error.message).toMatch(/^000_c612850dd0d0a3ba\.txt:200: expected one or more departments separated by 、/);
  });

  it('rejects a reordering that leaves two measures with the same next number', () => {
    const error = parseErrorOf(
      mutated(field5, (lines) => replaceOnLine(lines, 422, '【順番の入替】1', '【順番の入替】2')),
    );
    expect(error.message).toMatch(/^000_c612850dd0d0a3ba\.txt:412: expected next-plan measure numbers 1…3/);
  });

  it('rejects vision statuses that cannot be placed (6-2 without the rewritten text that anchors them)', () => {
    const withoutText = mutated(field6, (lines) =>
      replaceOnLine(
        lines,
        138,
        '←変更あり ●近隣の自治体や民間との**相互連携により**、効率的かつ効果的な行政経営が行われています。',
        '←変更なし',
      ),
    );
    const error = parseErrorOf(withoutText);
    expect(error.message).toMatch(/^002_5efac60f894371f5\.txt:130: expected a status for each of the 3 visions/);
  });

  it('rejects a row status and a block status that disagree (5-2)', () => {
    const error = parseErrorOf(mutated(field5, (lines) => replaceOnLine(lines, 118, '←変更なし', '←変更あり')));
    expect(error.message).toMatch(
      /^000_c612850dd0d0a3ba\.txt:118: expected the same status as the vision row at line 112/,
    );
  });

  it('rejects a project row without a change status', () => {
    const error = parseErrorOf(mutated(field5, (lines) => replaceOnLine(lines, 71, '←変更なし', '')));
    expect(error.message).toMatch(
      /^000_c612850dd0d0a3ba\.txt:71: expected a change status \(変更有無\) for the project/,
    );
  });

  it('rejects projects numbered out of order', () => {
    const error = parseErrorOf(mutated(field6, (lines) => replaceOnLine(lines, 256, '⑦文化資源', '⑧文化資源')));
    expect(error.message).toMatch(/^002_5efac60f894371f5\.txt:256: expected project number 7/);
  });

  it('rejects 大項目名の変更必要性 あり without the new name', () => {
    const error = parseErrorOf(
      mutated(field6, (lines) => replaceOnLine(lines, 262, '**4. 行政のデジタル化の推進**', '')),
    );
    expect(error.message).toMatch(
      /^002_5efac60f894371f5\.txt:262: expected the new name after 大項目名の変更必要性 あり/,
    );
  });

  it('rejects policy items numbered out of order', () => {
    const error = parseErrorOf(mutated(field6, (lines) => replaceOnLine(lines, 194, '**3. 早稲田', '**4. 早稲田')));
    expect(error.message).toMatch(/^002_5efac60f894371f5\.txt:194: expected policy item number 3/);
  });
});
