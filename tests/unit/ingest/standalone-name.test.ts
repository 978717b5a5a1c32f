import fc from 'fast-check';
import { ingest } from '../../../src/ingest/ingest';
import { standaloneName } from '../../../src/ingest/merge/standalone-name';

describe('standaloneName: an indicator name that reads outside its table', () => {
  it('resolves 5-5-2 上記のうち from the row above it (001 lines 298-299), the printed name kept beside', () => {
    const indicator = ingest().nodes.find((n) => n.id === 'indicator:5-5-2');
    expect(indicator?.properties).toMatchObject({
      name: '市内における交通人身事故発生件数のうち高齢者が関係した事故発生件数',
      printedName: '上記のうち高齢者が関係した事故発生件数',
    });
  });

  it('leaves every other name of the documents as printed, with no printed name beside', () => {
    const others = ingest().nodes.filter((n) => n.label === 'Indicator' && n.id !== 'indicator:5-5-2');
    expect(others.length).toBe(26);
    for (const node of others) expect(node.properties.printedName ?? null).toBeNull();
  });

  it('replaces only a leading 上記 by the name above, its bracketed note dropped, for any names', () => {
    const text = fc
      .string({ minLength: 1, maxLength: 20 })
      .filter((s) => !/^上記/.test(s) && !/[()（）[\]［］]/.test(s));
    fc.assert(
      fc.property(text, text, fc.constantFrom('', '(年間)', '（年間）', ' [人]'), (above, rest, note) => {
        expect(standaloneName(rest, above + note)).toBe(rest);
        expect(standaloneName(`上記の${rest}`, above + note)).toBe(`${note === '' ? above : above.trimEnd()}の${rest}`);
        expect(standaloneName(`上記の${rest}`, null)).toBe(`上記の${rest}`);
      }),
    );
  });
});
