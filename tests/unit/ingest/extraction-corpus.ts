import { SOURCE_FILES, type SourceRole } from '../../../src/ingest/merge/read-documents';
import { SourceDocument } from '../../../src/ingest/source-document';

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
function mapLines(
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

/** Blank lines as another tool places them: every one removed, or each doubled. */
export function blankLines(which: 'removed' | 'doubled'): Transformation {
  return (extraction) =>
    mapLines(extraction, (lines) =>
      lines.flatMap((text, index) =>
        text.trim() !== '' ? [{ text, from: index + 1 }] : which === 'removed' ? [] : [{ text }, { text }],
      ),
    );
}

/** Display columns: ASCII and half-width katakana 1, everything else 2 (as a PDF column is measured). */
const width = (text: string): number =>
  [...text].reduce((sum, c) => sum + ((c.codePointAt(0) ?? 0) <= 0xff ? 1 : 2), 0);

/**
 * Running text is a line a PDF sets as a paragraph of prose: no tab (tab rows are table rows), not blank,
 * and either a bullet or paragraph (`- `, `●`) or a sentence (it holds `。`). Headings, codes, table rows
 * and lists keep their line breaks: those carry meaning, and a PDF extractor keeps them.
 */
function isRunningText(text: string): boolean {
  return !text.includes('\t') && text.trim() !== '' && (/^\s*(?:- |●)/.test(text) || text.includes('。'));
}

/** Characters Japanese typesetting keeps off the start of a line (行頭禁則), and bullets, kept at line starts. */
const NOT_AT_LINE_START = /^(?:[。、，．）」』】・ー]|- |[●○※【▲■←]|[①-⑳]|\d+\.\s|\(\d+\))/;

/**
 * Every running-text line wider than `columns` display columns re-wrapped at that width, as a PDF column
 * of that width gives it: broken between characters with no space added, a break moved back by up to two
 * characters where the next line would start with a closing mark or something that looks like a bullet.
 */
export function rewrapRunningText(columns: number): Transformation {
  const wrap = (text: string): string[] => {
    const trailing = /\s*$/.exec(text)?.[0] ?? '';
    const pieces: string[] = [];
    let rest = [...text.slice(0, text.length - trailing.length)];
    while (width(rest.join('')) > columns) {
      let cut = 0;
      while (width(rest.slice(0, cut + 1).join('')) <= columns) cut++;
      for (let back = 0; back < 2 && NOT_AT_LINE_START.test(rest.slice(cut).join('')); back++) cut--;
      pieces.push(rest.slice(0, cut).join(''));
      rest = rest.slice(cut);
    }
    return [...pieces, rest.join('') + trailing];
  };
  return (extraction) =>
    mapLines(extraction, (lines) =>
      lines.flatMap((text, index) =>
        isRunningText(text)
          ? wrap(text).map((piece, i) => (i === 0 ? { text: piece, from: index + 1 } : { text: piece }))
          : [{ text, from: index + 1 }],
      ),
    );
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
