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
 */
function parser(goesOn: ReadonlySet<number>, unreadable: ReadonlySet<number>, framed: readonly number[]) {
  return (documents: { readonly fieldFiveSheets?: SourceDocument }): string => {
    const document = documents.fieldFiveSheets;
    if (document === undefined) throw new Error('no document');
    const read = new Set(document.line(1).split(',').filter(Boolean).map(Number));
    for (const page of [...framed].sort((a, b) => a - b)) {
      const where = { document: NAME, page, line: read.has(page) ? 7 : 1 };
      if (unreadable.has(page)) throw new ParseError(where, 'a measure row', 'nothing readable');
      if (read.has(page) !== goesOn.has(page)) throw new ParseError(where, 'a measure row', `the wrong reading`);
    }
    return [...read].sort((a, b) => a - b).join(',');
  };
}

const layouts = fc.integer({ min: 2, max: 30 }).chain((pages) =>
  fc.uniqueArray(fc.integer({ min: 2, max: pages }), { maxLength: pages - 1 }).chain((framed) =>
    fc.record({
      pages: fc.constant(pages),
      framed: fc.constant(framed),
      goesOn: fc.subarray(framed),
      unreadable: fc.subarray(framed, { maxLength: Math.min(2, framed.length) }),
    }),
  ),
);

describe('a PDF whose pages begin with framed rows, parsed by what its rows say', () => {
  it('reads every framed page the way its rows read, whichever pages go on', () => {
    fc.assert(
      fc.property(layouts, ({ pages, framed, goesOn }) => {
        const parse = parser(new Set(goesOn), new Set(), framed);
        const read = parseEitherReading({ fieldFiveSheets: pdf(pages, framed) }, parse);
        expect(read).toBe([...goesOn].sort((a, b) => a - b).join(','));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses the first page that reads neither way, naming its page, both lines and both readings', () => {
    fc.assert(
      fc.property(
        layouts.filter(({ unreadable }) => unreadable.length > 0),
        ({ pages, framed, goesOn, unreadable }) => {
          const parse = parser(new Set(goesOn), new Set(unreadable), framed);
          const first = Math.min(...unreadable);
          let refusal: unknown;
          try {
            parseEitherReading({ fieldFiveSheets: pdf(pages, framed) }, parse);
          } catch (error) {
            refusal = error;
          }
          expect(refusal).toBeInstanceOf(UndecidedRowError);
          const message = (refusal as Error).message;
          expect(message.startsWith(`${NAME} p. ${first} line 1: the first row of p. ${first} is framed`)).toBe(true);
          expect(message).toContain(`As a new row, p. ${first} line 1: expected a measure row`);
          expect(message).toContain(`as the rest of the row before, p. ${first} line 7: expected a measure row`);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('leaves a failure on a page without a framed row as it is, and a text file is parsed once', () => {
    const failing = new ParseError({ document: NAME, page: 5, line: 3 }, 'a year', '"R5 R6"');
    let tries = 0;
    const parse = (): string => {
      tries += 1;
      throw failing;
    };
    expect(() => parseEitherReading({ fieldFiveSheets: pdf(9, [4, 6]) }, parse)).toThrow(failing);
    expect(tries).toBe(1);
    const text = new SourceDocument('000_c612850dd0d0a3ba.txt', 'line');
    expect(() => parseEitherReading({ fieldFiveSheets: text }, parse)).toThrow(failing);
    expect(tries).toBe(2);
  });
});
