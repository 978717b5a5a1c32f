import { displayName, joinWrappedText, nameKey, stripGlossaryMarks } from '../../../src/ingest/text';

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
