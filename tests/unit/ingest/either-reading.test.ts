import fc from 'fast-check';
import { parseEitherReading, UndecidedRowError } from '../../../src/ingest/either-reading';
import { ParseError } from '../../../src/ingest/parse-error';
import { SourceDocument } from '../../../src/ingest/source-document';

const NAME = '000_c612850dd0d0a3ba.pdf';

/**
 * A PDF of `pages` pages whose framed tops are `framed`: each reading is one line naming the pages whose first
 * row it reads as going on from the page before, so a parser can tell which reading it was given.
 */
function pdf(pages: number, framed: readonly number[]): SourceDocument {
  const read = (goingOn: ReadonlySet<number>, readings?: SourceDocument['readings']): SourceDocument =>
    SourceDocument.fromPdf(NAME, [{ page: 1, line: 1, text: [...goingOn].sort((a, b) => a - b).join(',') }], readings);
  return read(new Set(), { framedTops: framed, reading: (goingOn) => read(goingOn) });
}

/**
 * A parser of that PDF that reads on only where each framed page is read as what it is (`goesOn` holds the
 * pages whose first row really is the rest of the row before), and that nothing reads on `unreadable` pages.
 * A wrong reading stops it on the framed page's first line, or, for the pages of `atFoot`, on the last line of
 * the page before (the row there lacks its rest); with `wrongGetsFurther`, a row wrongly read as going on
 * stops it 6 lines further, as a reading that happens to parse a few lines more would.
 */
function parser(layout: Layout, wrongGetsFurther = false) {
  const { framed, goesOn, unreadable, atFoot } = layout;
  return (documents: { readonly fieldFiveSheets?: SourceDocument }): string => {
    const document = documents.fieldFiveSheets;
    if (document === undefined) throw new Error('no document');
    const read = new Set(document.line(1).split(',').filter(Boolean).map(Number));
    for (const page of [...framed].sort((a, b) => a - b)) {
      const shownOn = atFoot.includes(page) ? { page: page - 1, line: 40 } : { page, line: 1 };
      if (unreadable.includes(page))
        throw new ParseError(
          { document: NAME, ...shownOn },
          'a measure row',
          read.has(page) ? 'the rest of a row that does not fit' : 'a row with no code',
        );
      if (read.has(page) !== goesOn.includes(page)) {
        const further = wrongGetsFurther && read.has(page) ? 6 : 0;
        throw new ParseError(
          { document: NAME, page: shownOn.page, line: shownOn.line + further },
          'a measure row',
          'the wrong reading',
        );
      }
    }
    return [...read].sort((a, b) => a - b).join(',');
  };
}

interface Layout {
  readonly pages: number;
  readonly framed: readonly number[];
  readonly goesOn: readonly number[];
  readonly unreadable: readonly number[];
  readonly atFoot: readonly number[];
}

const layouts: fc.Arbitrary<Layout> = fc.integer({ min: 2, max: 30 }).chain((pages) =>
  fc.uniqueArray(fc.integer({ min: 2, max: pages }), { maxLength: pages - 1 }).chain((framed) =>
    fc.record({
      pages: fc.constant(pages),
      framed: fc.constant(framed),
      goesOn: fc.subarray(framed),
      unreadable: fc.subarray(framed, { maxLength: Math.min(2, framed.length) }),
      atFoot: fc.subarray(framed),
    }),
  ),
);

describe('a PDF whose pages begin with framed rows, parsed by what its rows say', () => {
  it('reads every framed page the way its rows read, whichever pages go on and wherever the parse stops', () => {
    fc.assert(
      fc.property(layouts, fc.boolean(), (layout, wrongGetsFurther) => {
        const read = parseEitherReading(
          { fieldFiveSheets: pdf(layout.pages, layout.framed) },
          parser({ ...layout, unreadable: [] }, wrongGetsFurther),
        );
        expect(read).toBe([...layout.goesOn].sort((a, b) => a - b).join(','));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses the first page that reads neither way, naming where it stopped and both readings', () => {
    fc.assert(
      fc.property(
        layouts.filter(({ unreadable }) => unreadable.length > 0),
        (layout) => {
          const first = Math.min(...layout.unreadable);
          const [page, line] = layout.atFoot.includes(first) ? [first - 1, 40] : [first, 1];
          let refusal: unknown;
          try {
            parseEitherReading({ fieldFiveSheets: pdf(layout.pages, layout.framed) }, parser(layout));
          } catch (error) {
            refusal = error;
          }
          expect(refusal).toBeInstanceOf(UndecidedRowError);
          const message = (refusal as Error).message;
          expect(message).toMatch(
            new RegExp(`^${NAME} p\\. ${page} line ${line}: the first row of p\\. \\d+ is framed`),
          );
          expect(message).toContain(`As a new row, p. ${page} line ${line}: expected a measure row`);
          expect(message).toContain(`as the rest of the row before, p. ${page} line ${line}: expected a measure row`);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('leaves a failure on a page without a framed row, or the same both ways, as it is; a text file is parsed once', () => {
    const failing = new ParseError({ document: NAME, page: 5, line: 3 }, 'a year', '"R5 R6"');
    let tries = 0;
    const parse = (): string => {
      tries += 1;
      throw failing;
    };
    expect(() => parseEitherReading({ fieldFiveSheets: pdf(9, [3, 8]) }, parse)).toThrow(failing);
    expect(tries).toBe(1);
    // A stop that both readings of a framed row meet with the same words is not the row's: it stands alone.
    const sameBothWays = new ParseError({ document: NAME, page: 3, line: 26 }, 'the name of the new plan', '"-"');
    expect(() =>
      parseEitherReading({ fieldFiveSheets: pdf(9, [3, 8]) }, () => {
        throw sameBothWays;
      }),
    ).toThrow(sameBothWays);
    const text = new SourceDocument('000_c612850dd0d0a3ba.txt', 'line');
    expect(() => parseEitherReading({ fieldFiveSheets: text }, parse)).toThrow(failing);
    expect(tries).toBe(2);
  });
});
