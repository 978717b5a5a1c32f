import { SOURCE_FILES, type SourceRole } from '../../../src/ingest/merge/read-documents';
import { SourceDocument } from '../../../src/ingest/source-document';
import { breakLines } from '../../helpers/japanese-line-breaking';

/**
 * Transformed copies of the five real documents, as another PDF-to-text extraction of the same PDFs
 * would give them, generated in the test run (nothing is committed). Each transformation returns the new
 * text and, for every line of the original, the line where its text now starts, so a test can check that
 * every sourceLine still points at the same text.
 */
export interface Extraction {
  readonly text: string;
  /** `lineOf[n - 1]`: the 1-based line of the copy where original line n now starts (undefined: dropped). */
  readonly lineOf: readonly (number | undefined)[];
}

export type Transformation = (original: Extraction, doc: SourceDocument) => Extraction;

/** The untouched document: the starting point every transformation is applied to. */
export function asExtraction(doc: SourceDocument): Extraction {
  return { text: doc.lines.join('\n'), lineOf: doc.lines.map((_, i) => i + 1) };
}

/** Lines in, lines out, each output line tagged with the input line it came from (`from`, 1-based). */
export function mapLines(
  extraction: Extraction,
  change: (lines: readonly string[]) => readonly { readonly text: string; readonly from?: number }[],
): Extraction {
  const out = change(extraction.text.split('\n'));
  const firstOutputLine = new Map<number, number>();
  out.forEach(({ from }, index) => {
    if (from !== undefined && !firstOutputLine.has(from)) firstOutputLine.set(from, index + 1);
  });
  return {
    text: out.map(({ text }) => text).join('\n'),
    lineOf: extraction.lineOf.map((line) => (line === undefined ? undefined : firstOutputLine.get(line))),
  };
}

/** The document's title: its first non-blank line, which PDF pages repeat as a running header. */
function titleOf(doc: SourceDocument): string {
  return (doc.lines.find((line) => line.trim() !== '') ?? '').replace(/^#\s*/, '');
}

export type FurnitureStyle = 'dashed number, header, blank lines' | 'bare number and header' | 'form feed and footer';

/**
 * Page furniture every `interval` lines: the page's number and the document title as a running header or
 * footer, in one of three layouts pdftotext-like tools produce.
 */
export function pageFurniture(interval: number, style: FurnitureStyle): Transformation {
  return (extraction, doc) =>
    mapLines(extraction, (lines) => {
      const title = titleOf(doc);
      const out: { text: string; from?: number }[] = [];
      lines.forEach((text, index) => {
        const page = index / interval + 1;
        if (index > 0 && index % interval === 0) {
          if (style === 'dashed number, header, blank lines')
            out.push(...['', `- ${page} -`, '', title, ''].map((t) => ({ text: t })));
          else if (style === 'bare number and header') out.push({ text: String(page) }, { text: title });
          else out.push({ text: title }, { text: String(page) });
        }
        const formFeed = style === 'form feed and footer' && index > 0 && index % interval === 0 ? '\f' : '';
        out.push({ text: formFeed + text, from: index + 1 });
      });
      return out;
    });
}

/** Digits and Latin letters full-width (`令和４年`, `ＮＰＯ`) on every line, or on every other line (`mixed`). */
export function fullWidthDigitsAndLatin(which: 'all' | 'mixed'): Transformation {
  const widen = (text: string): string =>
    text.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
  return (extraction) =>
    mapLines(extraction, (lines) =>
      lines.map((text, index) => ({ text: which === 'all' || index % 2 === 0 ? widen(text) : text, from: index + 1 })),
    );
}

/**
 * Blank lines as another tool places them: every one removed, or each doubled. `removed but after slogans` keeps
 * the blank lines after a field chapter's slogan (001: the line after `第N章 …分野`), the only mark the document
 * prints between the slogan, a phrase, and the speech bubbles' sentences; without it 001 is refused
 * (`AmbiguousSloganError`), as extraction-noise.test.ts checks.
 */
export function blankLines(which: 'removed' | 'removed but after slogans' | 'doubled'): Transformation {
  return (extraction) =>
    mapLines(extraction, (lines) => {
      const text = lines.filter((line) => line.trim() !== '');
      const slogans = new Set(
        text.flatMap((line, i) => (/^第\s*\d+\s*章.*分野$/.test(line.trim()) ? [text[i + 1]] : [])),
      );
      let above = '';
      return lines.flatMap((line, index) => {
        if (line.trim() !== '') {
          above = line;
          return [{ text: line, from: index + 1 }];
        }
        if (which === 'doubled') return [{ text: line }, { text: line }];
        return which === 'removed but after slogans' && slogans.has(above) ? [{ text: line }] : [];
      });
    });
}

/** How a tool measures a line: printed width (ASCII and half-width katakana 1, everything else 2, as a PDF
 * column is measured) or characters (as a monospaced text dump counts them, which the issue reports use). */
export type Unit = 'display columns' | 'characters';

const charWidth = (c: string): number => ((c.codePointAt(0) ?? 0) <= 0xff ? 1 : 2);
/** Display columns of a text (layout mode pads by these). */
const width = (text: string): number => [...text].reduce((sum, c) => sum + charWidth(c), 0);

/**
 * Running text is a line a PDF sets as a paragraph of prose: no tab (tab rows are table rows), not blank,
 * and either a bullet or paragraph (`- `, `●`) or a sentence (it holds `。`). Headings, codes, table rows
 * and lists keep their line breaks: those carry meaning, and a PDF extractor keeps them.
 */
export function isRunningText(text: string): boolean {
  return !text.includes('\t') && text.trim() !== '' && (/^\s*(?:- |●)/.test(text) || text.includes('。'));
}

/**
 * What Japanese typesetting keeps off the start of a line (行頭禁則: closing marks, `ー`), white space (a
 * break after a space keeps it at the end of the line), and what would read as a new entry there (a bullet,
 * `1. `, a policy-item code `3-5 `).
 */
const NOT_AT_LINE_START =
  /^(?:[\s。、，．）」』】・ー]|- |[●○◯※【▲■□◆◇←]|[①-⑳]|\d+\.\s|\d+(?:-\d+)+\s|\(\d+\)|（\d+）)/;
/** In a table cell, numbered entries (`1 自治会の支援`, `11 住み続け…`) are also kept at a line's start. */
const NOT_AT_CELL_LINE_START = /^(?:[\s。、，．）」』】・ー]|- |[●○◯※【▲■□◆◇←]|[①-⑳]|\d+\.?\s|\(\d+\)|（\d+）)/;

/**
 * `text` broken into pieces of at most `columns` (in `unit`), as a PDF column of that width gives it: broken
 * between characters with no space added, each break at the last place the text still fits where the next
 * piece may start (`notAtStart`): moved back over as many characters as it takes (追い出し), as typesetting
 * does. Throws only where no place at all is left, which no document line needs.
 */
function wrapText(text: string, columns: number, unit: Unit, notAtStart: RegExp): string[] {
  const trailing = /\s*$/.exec(text)?.[0] ?? '';
  const chars = [...text.slice(0, text.length - trailing.length)];
  const widths = chars.map((c) => (unit === 'characters' ? 1 : charWidth(c)));
  const pieces: string[] = [];
  let from = 0;
  let restWidth = widths.reduce((sum, w) => sum + w, 0);
  while (restWidth > columns) {
    let cut = from;
    for (let used = 0; used + (widths[cut] ?? 0) <= columns; cut++) used += widths[cut] ?? 0;
    while (cut > from && notAtStart.test(chars.slice(cut, cut + 8).join(''))) cut--;
    if (cut === from) throw new Error(`no place to break ${JSON.stringify(chars.slice(from).join(''))} at ${columns}`);
    pieces.push(chars.slice(from, cut).join(''));
    restWidth -= widths.slice(from, cut).reduce((sum, w) => sum + w, 0);
    from = cut;
  }
  return [...pieces, chars.slice(from).join('') + trailing];
}

/** Every running-text line wider than `columns` re-wrapped at that width (`wrapText`). */
export function rewrapRunningText(columns: number, unit: Unit = 'display columns'): Transformation {
  return wrapRunningText((text) => wrapText(text, columns, unit, NOT_AT_LINE_START));
}

/** Every running-text line set in a column `ems` wide as a layout engine sets Japanese (`breakLines`). */
export function layoutRunningText(ems: number): Transformation {
  return wrapRunningText((text) => breakLines(text, ems));
}

function wrapRunningText(wrap: (text: string) => readonly string[]): Transformation {
  return (extraction) =>
    mapLines(extraction, (lines) =>
      lines.flatMap((text, index) =>
        isRunningText(text)
          ? wrap(text).map((piece, i) => (i === 0 ? { text: piece, from: index + 1 } : { text: piece }))
          : [{ text, from: index + 1 }],
      ),
    );
}

/**
 * Every table cell (a cell of a line with a tab) wider than `columns` display columns wrapped at that width
 * (`wrapText`), as a tool that sets each row in cells of that width gives it: the row's line holds each
 * cell's first piece, and each further piece goes on a line of its own in the same column (as many tabs
 * before it), the other cells of that line empty; cells of one row wrap side by side.
 */
export function rewrapTableCells(columns: number, unit: Unit = 'display columns'): Transformation {
  return wrapTableCells((cell) => wrapText(cell, columns, unit, NOT_AT_CELL_LINE_START));
}

/** Every table cell set in a column `ems` wide as a layout engine sets Japanese (`breakLines`), as above. */
export function layoutTableCells(ems: number): Transformation {
  return wrapTableCells((cell) => breakLines(cell, ems));
}

function wrapTableCells(wrap: (cell: string) => readonly string[]): Transformation {
  return (extraction) =>
    mapLines(extraction, (lines) =>
      lines.flatMap((text, index) => {
        if (!text.includes('\t')) return [{ text, from: index + 1 }];
        const pieces = text.split('\t').map(wrap);
        const height = Math.max(...pieces.map((cell) => cell.length));
        return Array.from({ length: height }, (_, k) => {
          if (k === 0) return { text: pieces.map((cell) => cell[0]).join('\t'), from: index + 1 };
          const cells = pieces.map((cell) => cell[k] ?? '');
          while (cells.at(-1) === '') cells.pop();
          return { text: cells.join('\t') };
        });
      }),
    );
}

/**
 * Tabs replaced by runs of spaces, as the layout mode of common PDF-to-text tools prints tables: in each
 * block of lines with no blank line between them, column k starts `gap` spaces after the widest cell of
 * column k − 1 among the block's tab rows, every cell (trimmed) starts at its column, empty cells are
 * spaces, and nothing follows a row's last text. A space inside a cell is printed as `spaceInCell`: a tool
 * may print a word space wide (two spaces) or as an ideographic space.
 */
export function spacesForTabs(gap = 2, spaceInCell = ' '): Transformation {
  return (extraction) =>
    mapLines(extraction, (lines) => {
      const out: { text: string; from?: number }[] = [];
      let block: number[] = [];
      const flush = (): void => {
        const rows = block.map((index) =>
          (lines[index] ?? '').split('\t').map((cell) => cell.trim().replace(/ /g, spaceInCell)),
        );
        const widths: number[] = [];
        block.forEach((index, i) => {
          if ((lines[index] ?? '').includes('\t'))
            (rows[i] ?? []).forEach((cell, k) => (widths[k] = Math.max(widths[k] ?? 0, width(cell))));
        });
        block.forEach((index, i) => {
          const text = lines[index] ?? '';
          if (!text.includes('\t')) return out.push({ text, from: index + 1 });
          let line = '';
          let start = 0;
          (rows[i] ?? []).forEach((cell, k) => {
            if (cell !== '') line += ' '.repeat(start - width(line)) + cell;
            start += (widths[k] ?? 0) + gap;
          });
          return out.push({ text: line, from: index + 1 });
        });
        block = [];
      };
      lines.forEach((text, index) => {
        if (text.trim() === '') {
          flush();
          out.push({ text, from: index + 1 });
        } else block.push(index);
      });
      flush();
      return out;
    });
}

/** Windows line ends and a byte-order mark. */
export const crlfAndBom: Transformation = (extraction) => ({
  text: `\uFEFF${extraction.text.split('\n').join('\r\n')}`,
  lineOf: extraction.lineOf,
});

/** Applies `steps` in order to each of the five documents. */
export function transformSources(steps: readonly Transformation[]): {
  documents: Record<SourceRole, SourceDocument>;
  lineOf: Record<string, readonly (number | undefined)[]>;
} {
  const documents = {} as Record<SourceRole, SourceDocument>;
  const lineOf: Record<string, readonly (number | undefined)[]> = {};
  for (const [role, file] of Object.entries(SOURCE_FILES) as [SourceRole, string][]) {
    const original = SourceDocument.read('seed/sources', file);
    const copy = steps.reduce((extraction, step) => step(extraction, original), asExtraction(original));
    documents[role] = new SourceDocument(file, copy.text);
    lineOf[file] = copy.lineOf;
  }
  return { documents, lineOf };
}
