import { lineEndSpaces } from '../../../src/ingest/pdf/line-end-spaces';
import { mendPageBreaks } from '../../../src/ingest/pdf/page-breaks';
import type { ExtractedLine } from '../../../src/ingest/pdf/page-lines';
import { pdfjs } from '../../../src/ingest/pdf/pdfjs-module';
import { continuesTable, pageStructure, type StructureNode } from '../../../src/ingest/pdf/tagged-structure';

const content = (id: string): StructureNode => ({ type: 'content', id });
const cell = (...ids: string[]): StructureNode => ({
  role: 'TD',
  children: ids.map((id) => ({ role: 'NonStruct', children: [content(id)] })),
});
const row = (...cells: StructureNode[]): StructureNode => ({ role: 'TR', children: cells });
const table = (...rows: StructureNode[]): StructureNode => ({ role: 'Table', children: rows });
const page = (...children: StructureNode[]): StructureNode => ({ children: [{ role: 'Document', children }] });

describe('pageStructure: what a tagged page says its content is', () => {
  it('names each cell by its table, its row index (rows printed elsewhere counted) and its rank in the row', () => {
    const { places, tables } = pageStructure(
      page({ role: 'P', children: [content('p1')] }, table(row(cell(), cell()), row(cell('a'), cell('b')))),
    );
    expect(places.get('p1')).toEqual({ kind: 'block', block: 1 });
    expect(places.get('b')).toEqual({ kind: 'cell', table: 1, row: 1, cell: 1 });
    expect(tables.get(1)).toEqual({ shape: [2, 2], firstPrinted: 1, lastPrinted: 1, firstRowBegunBefore: false });
  });

  it('knows a table going on from the page before by its shape and the rows printed before', () => {
    const before = pageStructure(page(table(row(cell('h1'), cell('h2')), row(cell(), cell())))).tables.get(1);
    const header = pageStructure(page(table(row(cell(), cell('h2b')), row(cell('a'), cell('b'))))).tables.get(1);
    const rest = pageStructure(page(table(row(cell(), cell()), row(cell('a2'), cell('b'))))).tables.get(1);
    const fresh = pageStructure(page(table(row(cell('x'), cell('y')), row(cell('z'), cell('w'))))).tables.get(1);
    const other = pageStructure(page(table(row(cell(), cell()), row(cell('a'))))).tables.get(1);
    if (!before || !header || !rest || !fresh || !other) throw new Error('no table');
    expect(continuesTable(before, header)).toBe(true);
    expect(continuesTable(before, rest)).toBe(true);
    expect(continuesTable(before, fresh)).toBe(false);
    expect(continuesTable(before, other)).toBe(false);
  });
});

describe('mendPageBreaks: rows by their element, whatever was cut', () => {
  it('joins the parts of one row on two pages cell by cell, keeping where it starts', () => {
    const lines: ExtractedLine[] = [
      { text: '事業名\t変更', page: 8, line: 50, flow: { kind: 'row', row: '3/0', cells: ['事業名', '変更'] } },
      { text: '- 8 -', page: 8, line: 52 },
      { text: '\f', page: 9, line: 1 },
      { text: '\t有無', page: 9, line: 2, flow: { kind: 'row', row: '3/0', cells: ['', '有無'] } },
      { text: '①\t○', page: 9, line: 3, flow: { kind: 'row', row: '3/1', cells: ['①', '○'] } },
    ];
    expect(mendPageBreaks(lines).map(({ text, page: p, line }) => [text, p, line])).toEqual([
      ['事業名\t変更有無', 8, 50],
      ['- 8 -', 8, 52],
      ['\f', 9, 1],
      ['①\t○', 9, 3],
    ]);
  });

  it('keeps a space the part above ended with', () => {
    const lines: ExtractedLine[] = [
      { text: '470', page: 1, line: 9, flow: { kind: 'row', row: '1/4', cells: ['470 '] } },
      { text: '件', page: 2, line: 2, flow: { kind: 'row', row: '1/4', cells: ['件'] } },
    ];
    expect(mendPageBreaks(lines).map((line) => line.text)).toEqual(['470 件']);
  });
});

describe('lineEndSpaces: the space a printed line wrapped at', () => {
  const { OPS } = pdfjs();
  const glyphs = (text: string): { unicode: string }[] => [...text].map((unicode) => ({ unicode }));
  it('reads, per marked content, whether each printed line ends with a space glyph', () => {
    const ops = [
      [OPS.beginMarkedContentProps, ['NonStruct', 15]],
      [OPS.setTextMatrix, [[1, 0, 0, -1, 600, 5357]]],
      [OPS.showText, [glyphs('470 ')]],
      [OPS.setTextMatrix, [[1, 0, 0, -1, 600, 5373]]],
      [OPS.showText, [glyphs('件')]],
      [OPS.endMarkedContent, null],
      [OPS.showText, [glyphs('- 6 - ')]],
    ] as const;
    const spaces = lineEndSpaces({ fnArray: ops.map(([fn]) => fn), argsArray: ops.map(([, args]) => args) }, OPS);
    expect([...spaces]).toEqual([[15, [true, false]]]);
  });
});
