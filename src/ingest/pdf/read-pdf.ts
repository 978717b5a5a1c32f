import { readFileSync } from 'node:fs';
import type { PDFDocumentProxy, TextItem, TextMarkedContent } from 'pdfjs-dist/types/src/display/api';
import { SourceDocument } from '../source-document';
import { UnreadableDocumentError } from '../unreadable-document';
import { mendPageBreaks } from './page-breaks';
import { type ExtractedLine, readPage } from './page-lines';
import type { PrintedRun } from './printed-run';
import { foldSharedGlyphs } from './shared-glyphs';
import { pdfjs, pdfjsDataPaths } from './pdfjs-module';
import { type ContentPlace, contentPlaces, type StructureNode } from './tagged-structure';

/**
 * A PDF source read as text: every page's text as lines (`readPage`), each remembering the page and the
 * printed line it starts on, so every reference into it names both. A file that is not a whole PDF, is
 * locked with a password, or has a page without text (a scan) stops here with the document (and page)
 * named, before any parser could fail somewhere else for want of its text.
 */
export async function readPdfDocument(path: string, name: string): Promise<SourceDocument> {
  const bytes = readBytes(path, name);
  checkWholeFile(name, bytes);
  const pdf = await openPdf(name, bytes);
  try {
    const lines: ExtractedLine[] = [];
    let openTable: readonly number[] | null = null;
    for (let page = 1; page <= pdf.numPages; page++) {
      const read = readPage(page, await printedRuns(pdf, name, page), openTable);
      if (!read.lines.some((line) => line.text.trim() !== '')) {
        throw new UnreadableDocumentError(
          name,
          null,
          'the page has no text (a scanned image? run it through OCR, or ask the city for the PDF with text)',
          page,
        );
      }
      lines.push(...read.lines);
      openTable = read.openTable;
    }
    return SourceDocument.fromPdf(name, mendPageBreaks(lines));
  } finally {
    await pdf.destroy();
  }
}

function readBytes(path: string, name: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(path));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error);
    throw new UnreadableDocumentError(name, null, reason);
  }
}

/**
 * A PDF starts with `%PDF-` and ends with `%%EOF` (trailing white space aside). pdfjs repairs a cut-off
 * file as far as it can and would read the pages that survived: a download or copy that did not finish
 * would lose the last pages' facts without a word, so it is refused here.
 */
function checkWholeFile(name: string, bytes: Uint8Array): void {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (!head.includes('%PDF-'))
    throw new UnreadableDocumentError(name, null, 'not a PDF (it does not start with %PDF-)');
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 1024))).toString('latin1');
  if (!/%%EOF\s*$/.test(tail)) {
    throw new UnreadableDocumentError(
      name,
      null,
      'the PDF is cut off (it does not end with %%EOF): download or copy it again',
    );
  }
}

async function openPdf(name: string, bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const library = pdfjs();
  try {
    return await library.getDocument({
      data: bytes,
      ...pdfjsDataPaths(),
      // Damage is reported, not worked around; no fonts are loaded (only the text is wanted); nothing is logged.
      stopAtErrors: true,
      disableFontFace: true,
      isEvalSupported: false,
      verbosity: library.VerbosityLevel.ERRORS,
    }).promise;
  } catch (error) {
    // pdfjs names, but does not export, the error it throws for a password it was not given.
    if (error instanceof Error && error.name === 'PasswordException') {
      throw new UnreadableDocumentError(
        name,
        null,
        'the PDF is locked with a password (ask the city for an unlocked copy, or save it without the password)',
      );
    }
    throw new UnreadableDocumentError(name, null, `not a readable PDF (${messageOf(error)})`);
  }
}

/** The text runs of one page with their place in the structure tree (when the PDF is tagged). */
async function printedRuns(pdf: PDFDocumentProxy, name: string, page: number): Promise<PrintedRun[]> {
  try {
    const proxy = await pdf.getPage(page);
    const [content, tree] = await Promise.all([
      proxy.getTextContent({ includeMarkedContent: true }),
      proxy.getStructTree() as Promise<StructureNode | null>,
    ]);
    const places = contentPlaces(tree);
    const open: (ContentPlace | null)[] = [];
    const runs: PrintedRun[] = [];
    for (const item of content.items) {
      if (isMarkedContent(item)) {
        if (item.type === 'endMarkedContent') open.pop();
        else open.push(places.get(item.id) ?? open.at(-1) ?? null);
        continue;
      }
      const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = item.transform as number[];
      const size = Math.hypot(c, d) || Math.hypot(a, b) || item.height;
      runs.push({ text: foldSharedGlyphs(item.str), x, right: x + item.width, y, size, place: open.at(-1) ?? null });
    }
    return runs;
  } catch (error) {
    if (error instanceof UnreadableDocumentError) throw error;
    throw new UnreadableDocumentError(name, null, `the page cannot be read (${messageOf(error)})`, page);
  }
}

function isMarkedContent(item: TextItem | TextMarkedContent): item is TextMarkedContent {
  return 'type' in item;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
