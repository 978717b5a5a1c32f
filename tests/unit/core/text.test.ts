import { SourceDocument } from '../../../src/ingest/source-document';
import { columnOf, filledCells, filledTexts, isBlankRow, isLayoutRow, readTabRow } from '../../../src/ingest/tab-row';
import { displayName, joinWrappedText, nameKey, stripGlossaryMarks } from '../../../src/core/text/index';

describe('the shared text primitives', () => {
  it('removes a space a line wrap left between two Japanese characters', () => {
    expect(joinWrappedText('市民だれもが活躍し、 安全に生活できるまち')).toBe(
      '市民だれもが活躍し、安全に生活できるまち',
    );
    expect(joinWrappedText('市政情報の提供の充実と 市政に対する市民参加の推進')).toBe(
      '市政情報の提供の充実と市政に対する市民参加の推進',
    );
  });

  it('keeps spaces next to Latin letters, which may be intended', () => {
    expect(joinWrappedText('NPO 法人等と PPP / PFI')).toBe('NPO 法人等と PPP / PFI');
  });

  it('drops glossary marks from names but not from the words around them', () => {
    expect(stripGlossaryMarks('ICT*の利活用')).toBe('ICTの利活用');
    expect(displayName('経常収支比率* ')).toBe('経常収支比率');
    expect(displayName('バリアフリー**化')).toBe('バリアフリー化');
  });

  it('matches ICT※ (revision sheets) and ICT* (final text) by the same key', () => {
    expect(nameKey('ICT※の利活用による市民の利便性の向上')).toBe(nameKey('ICT*の利活用による市民の利便性の向上'));
  });
});

describe('the name key every document is matched by', () => {
  it('sees through spaced letters, widths, ruby, HTML fragments and glossary marks', () => {
    const key = nameKey('ICTの利活用');
    expect(nameKey('I C T の利活用')).toBe(key);
    expect(nameKey('ＩＣＴの利活用')).toBe(key);
    expect(nameKey('<b>ICT※</b>の利活用')).toBe(key);
    expect(nameKey('ICT**の利^{り}活用')).toBe(key);
  });

  it('still tells different names apart', () => {
    expect(nameKey('確かな学力と自立する力の育成')).not.toBe(nameKey('豊かな学力と自立する力の育成'));
  });
});

describe('the tab-row reader every table-shaped document is read with', () => {
  const doc = new SourceDocument(
    'x.txt',
    ['\t実行課\t市民活動 推進課\t\t連携課\t<p>**広報課**</p>', '------\t---', '\t\t'].join('\n'),
  );

  it('keeps empty cells so columns line up, and cleans each cell', () => {
    const row = readTabRow(doc, 1);
    expect(row.cells).toEqual(['', '実行課', '市民活動 推進課', '', '連携課', '広報課']);
    expect(row.source).toEqual({ document: 'x.txt', line: 1 });
    expect(filledCells(row, 2)).toEqual([
      { column: 2, text: '市民活動 推進課' },
      { column: 4, text: '連携課' },
      { column: 5, text: '広報課' },
    ]);
    expect(filledTexts(row, 0, 4)).toEqual(['実行課', '市民活動 推進課']);
    expect(columnOf(row, '連 携 課')).toBe(4);
    expect(columnOf(row, '備考')).toBe(-1);
  });

  it('tells blank rows from layout rules', () => {
    expect(isBlankRow(readTabRow(doc, 3))).toBe(true);
    expect(isBlankRow(readTabRow(doc, 2))).toBe(false);
    expect(isLayoutRow(readTabRow(doc, 2))).toBe(true);
    expect(isLayoutRow(readTabRow(doc, 1))).toBe(false);
  });
});
