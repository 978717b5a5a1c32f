import fc from 'fast-check';
import { contentDisposition, dayInJapan, downloadNames } from '../../../../src/platform/export/download-name';

const base = {
  title: '成果指標',
  asciiTitle: 'indicators',
  filteredOtherwise: false,
  day: '2026-11-27',
  format: 'xlsx',
};

/** The file name a client reads from the header: RFC 6266 filename* decoded, and the ASCII fallback. */
function namesIn(header: string): { unicode: string; ascii: string } {
  const match = /^attachment; filename="([^"]*)"; filename\*=UTF-8''([A-Za-z0-9%._~-]*)$/.exec(header);
  if (match === null) throw new Error(`not an RFC 6266 attachment: ${header}`);
  return { ascii: match[1] ?? '', unicode: decodeURIComponent(match[2] ?? '') };
}

describe('the download name of an export', () => {
  it("names a department's indicators as a planning office files them", () => {
    const header = contentDisposition({ ...base, filterValues: ['企画課'] });
    expect(namesIn(header)).toEqual({
      unicode: '成果指標_企画課_2026-11-27.xlsx',
      ascii: 'indicators_2026-11-27.xlsx',
    });
  });

  it('keeps ASCII filter values in the fallback and says when a JSON filter narrowed it', () => {
    expect(downloadNames({ ...base, filterValues: ['5-1'], filteredOtherwise: true })).toEqual({
      unicode: '成果指標_5-1_絞り込み_2026-11-27.xlsx',
      ascii: 'indicators_5-1_2026-11-27.xlsx',
    });
  });

  it('takes the day in Japan, whatever the server clock zone', () => {
    expect(dayInJapan(new Date('2026-11-27T15:30:00Z'))).toBe('2026-11-28');
    expect(dayInJapan(new Date('2026-11-27T14:59:00Z'))).toBe('2026-11-27');
  });

  it('never lets a filter value break the header or the name, whatever the caller sends', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'binary', maxLength: 80 }), { maxLength: 6 }),
        fc.boolean(),
        (values, json) => {
          const header = contentDisposition({ ...base, filterValues: values, filteredOtherwise: json });
          // One header line, printable ASCII only (a header cannot carry raw UTF-8 or a line break).
          expect(header).toMatch(/^[\x20-\x7e]+$/);
          const { unicode, ascii } = namesIn(header);
          for (const name of [unicode, ascii]) {
            expect(name).not.toMatch(/[\\/:*?"<>|\u0000-\u001f\u007f]/u);
            expect(name.startsWith(name === ascii ? 'indicators_' : '成果指標_')).toBe(true);
            expect(name.endsWith('_2026-11-27.xlsx')).toBe(true);
          }
          expect([...unicode].length).toBeLessThanOrEqual(4 + 3 * 41 + 5 + 16);
        },
      ),
    );
  });
});
