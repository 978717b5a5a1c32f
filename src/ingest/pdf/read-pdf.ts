import { readFileSync } from 'node:fs';
import type { PDFDocumentProxy, TextItem, TextMarkedContent } from 'pdfjs-dist/types/src/display/api';
import { type PdfReadings, SourceDocument } from '../source-document';
import { UnreadableDocumentError } from '../unreadable-document';
import { mendPageBreaks } from './page-breaks';
import { type ExtractedLine, printedLines, readPage, type TableOnPage } from './page-lines';
import type { PrintedRun } from './printed-run';
import { foldSharedGlyphs } from './shared-glyphs';
import { cellStarts, columnsOf } from './table-columns';
import { drawnGlyphs } from './drawn-glyphs';
import { withDrawnSpaces } from './drawn-spaces';
import { lineEndSpaces, withLineEndSpacesByPosition } from './line-end-spaces';
import { unusableTextSample } from './unusable-text';
import { layoutStructure, type TableBelow, type TextEdges } from './layout-structure';
import { PAGE_NUMBER } from '../extraction-noise/page-furniture';
import { cellOf, holdsCutRow, ruledTables } from './ruled-tables';
import { rulelessTableError } from './ruleless-tables';
import { type Rule, rulingLines } from './ruling-lines';
import { paintsAnything } from './page-paint';
import { splitAtRules } from './runs-at-rules';
import { pdfjs, pdfjsDataPaths } from './pdfjs-module';
import {
  type ContentPlace,
  continuesTable,
  sameShape,
  type PageStructure,
  type PageTable,
  pageStructure,
  type StructureNode,
} from './tagged-structure';

/**
 * A PDF source read as text: every page's text as lines (`readPage`), each remembering the page and the
 * printed line it starts on, so every reference into it names both. A file that is not a whole PDF, is
 * locked with a password, or has a page without text (a scan) stops here with the document (and page)
 * named, before any parser could fail somewhere else for want of its text. Where the print leaves a row's
 * boundary open (a page's first row framed like a new row of a table going on), the document carries its
 * other readings (`PdfReadings`) for the parse to decide by what the rows say.
 */
export async function readPdfDocument(path: string, name: string): Promise<SourceDocument> {
  const bytes = readBytes(path, name);
  checkWholeFile(name, bytes);
  const { pdf, close } = await openPdf(name, bytes);
  try {
    // Every page first: a table printed on several pages is one element, its columns seen on all of them.
    const printed: PrintedPage[] = [];
    for (let page = 1; page <= pdf.numPages; page++) printed.push(await printedRuns(pdf, name, page));
    const edges = textEdges(printed.filter((page) => !page.tagged));
    const read = (rowsGoingOn: ReadonlySet<number>): PdfReading => readPrinted(name, printed, edges, rowsGoingOn);
    const first = read(new Set());
    const readings: PdfReadings = {
      framedTops: first.framedTops,
      reading: (rowsGoingOn) => SourceDocument.fromPdf(name, read(rowsGoingOn).lines),
    };
    return SourceDocument.fromPdf(name, first.lines, readings);
  } finally {
    await close();
  }
}

/** The lines of a PDF read one way, and the pages whose first row the print leaves open (`framedTops`). */
interface PdfReading {
  readonly lines: ExtractedLine[];
  readonly framedTops: readonly number[];
}

/**
 * Reads the printed pages into lines, each page's first row of a ruled table going on from the page before
 * read as a new row, or, on the pages of `rowsGoingOn`, as the rest of the page before's last row.
 */
function readPrinted(
  name: string,
  printed: readonly PrintedPage[],
  edges: TextEdges,
  rowsGoingOn: ReadonlySet<number>,
): PdfReading {
  const pages: { runs: PrintedRun[]; tables: Map<number, number> }[] = [];
  const framedTops: number[] = [];
  const starts = new Map<number, number[]>();
  let tableCount = 0;
  let lastTable: { readonly id: number; readonly table: PageTable } | null = null;
  let tableBelow: TableBelow | null = null;
  for (const [index, page] of printed.entries()) {
    const { runs: pageRuns, structure, rules, tagged } = page;
    // The page's tables numbered in the document: its first one may be the last of the page before going on.
    const tables = new Map<number, number>();
    let runs = pageRuns;
    if (tagged) {
      for (const [number, table] of structure.tables) {
        // A row printed on both pages is the same table's when the page's first table begins with a row cut
        // above (text over its first rule): the tree alone cannot tell it from a new table of that shape.
        const cut = (): boolean =>
          holdsCutRow(
            pageRuns.filter((run) => run.place?.kind === 'cell' && run.place.table === number),
            rules,
          );
        const goesOn: boolean =
          number === 1 &&
          lastTable !== null &&
          (continuesTable(lastTable.table, table) || (sameShape(lastTable.table, table) && cut()));
        const id: number = goesOn && lastTable ? lastTable.id : ++tableCount;
        tables.set(number, id);
        if (table.lastPrinted >= 0) lastTable = { id, table };
      }
    } else {
      const laidOut = layoutStructure(pageRuns, rules, edges, tableBelow, rowsGoingOn.has(index + 1));
      if (laidOut.rulelessTable) throw rulelessTableError(name, index + 1, pageRuns, laidOut.rulelessTable);
      if (laidOut.framedTop) framedTops.push(index + 1);
      runs = laidOut.runs;
      for (const [number, { continues }] of laidOut.tables) tables.set(number, continues ? tableCount : ++tableCount);
      tableBelow = laidOut.below;
    }
    for (const [key, x] of cellStarts(runs.filter((run) => run.text.trim() !== ''))) {
      const id = tables.get(Number(key.split('/')[0])) ?? 0;
      starts.set(id, [...(starts.get(id) ?? []), x]);
    }
    pages.push({ runs, tables });
  }
  const columns = new Map([...starts].map(([id, xs]): [number, number[]] => [id, columnsOf(xs)]));
  const lines: ExtractedLine[] = [];
  pages.forEach(({ runs, tables }, index) => {
    const page = index + 1;
    const onPage = new Map(
      [...tables].map(([number, id]): [number, TableOnPage] => [number, { id, columns: columns.get(id) ?? [] }]),
    );
    const read = readPage(page, runs, onPage);
    if (!read.some((line) => line.text.trim() !== '')) {
      // A page that paints nothing at all is a blank page (an office suite may leave one at the start);
      // one that paints an image or shapes and no text is a scan or a drawing whose facts would be lost.
      if (!printed[index]?.paintsAnything) return;
      throw new UnreadableDocumentError(
        name,
        null,
        'the page has no text (a scanned image? run it through OCR, or ask the city for the PDF with text)',
        page,
      );
    }
    const unusable = unusableTextSample(read.map((line) => line.text).join('\n'));
    if (unusable !== undefined) {
      throw new UnreadableDocumentError(
        name,
        null,
        `the page's fonts map its glyphs to no usable text (${JSON.stringify(unusable)}): its Unicode maps ` +
          '(ToUnicode) are missing or broken, as after re-distilling; ask the city for the PDF as first exported',
        page,
      );
    }
    lines.push(...read);
  });
  return { lines: mendPageBreaks(lines), framedTops };
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

/** An open PDF and how to let it go: pdfjs 6 frees a document through the task that loaded it. */
interface OpenPdf {
  readonly pdf: PDFDocumentProxy;
  readonly close: () => Promise<void>;
}

async function openPdf(name: string, bytes: Uint8Array): Promise<OpenPdf> {
  const library = pdfjs();
  const loading = library.getDocument({
    data: bytes,
    ...pdfjsDataPaths(),
    // Damage is reported, not worked around; no fonts are loaded (only the text is wanted); nothing is logged.
    stopAtErrors: true,
    disableFontFace: true,
    verbosity: library.VerbosityLevel.ERRORS,
  });
  try {
    return { pdf: await loading.promise, close: () => loading.destroy() };
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

/** A page as printed: its text runs, its structure tree's places and tables (tagged), its ruling lines. */
interface PrintedPage {
  readonly runs: PrintedRun[];
  readonly structure: PageStructure;
  readonly rules: Rule[];
  readonly tagged: boolean;
  /** Whether the page paints anything besides text (`paintsAnything`). */
  readonly paintsAnything: boolean;
}

/**
 * Where the running text of the untagged pages ends on the right: the furthest any line outside a ruled table
 * reaches (a full line of the text column), over the whole document, since a page may hold no full line; where
 * it starts on the left (the nearest any such line comes); and, by font size, how high a page's first line
 * (a page number above it left out) is printed.
 */
function textEdges(pages: readonly PrintedPage[]): TextEdges {
  let [left, right] = [Infinity, 0];
  const tops = new Map<number, { highest: number; lowest: number }>();
  for (const { runs, rules } of pages) {
    const lines = printedLines(runs);
    const top = PAGE_NUMBER.test(lines[0]?.runs.map((run) => run.text).join('') ?? '') ? lines[1] : lines[0];
    if (top) {
      const size = Math.round(top.size * 10);
      const seen = tops.get(size) ?? { highest: -Infinity, lowest: Infinity };
      tops.set(size, { highest: Math.max(seen.highest, top.y), lowest: Math.min(seen.lowest, top.y) });
    }
    const tables = ruledTables(rules);
    for (const run of runs) {
      if (run.text.trim() === '' || cellOf(run, tables, rules)) continue;
      [left, right] = [Math.min(left, run.x), Math.max(right, run.right)];
    }
  }
  return { left, right, tops };
}

/** The text runs of one page with their place in the structure tree (when the PDF is tagged), and the tree's tables. */
async function printedRuns(pdf: PDFDocumentProxy, name: string, page: number): Promise<PrintedPage> {
  try {
    const proxy = await pdf.getPage(page);
    const [content, tree, ops] = await Promise.all([
      proxy.getTextContent({ includeMarkedContent: true }),
      proxy.getStructTree() as Promise<StructureNode | null>,
      proxy.getOperatorList(),
    ]);
    const structure = pageStructure(tree);
    const places = structure.places;
    const open: { place: ContentPlace | null; mcid: number | null }[] = [];
    const runs: PrintedRun[] = [];
    const glyphs = drawnGlyphs(ops, pdfjs().OPS);
    const byContent = new Map<number, { run: PrintedRun; y: number }[]>();
    for (const item of content.items) {
      if (isMarkedContent(item)) {
        if (item.type === 'endMarkedContent') open.pop();
        else {
          const mcid = /_mc(\d+)$/.exec(item.id ?? '')?.[1];
          open.push({
            place: places.get(item.id) ?? open.at(-1)?.place ?? null,
            mcid: mcid === undefined ? (open.at(-1)?.mcid ?? null) : Number(mcid),
          });
        }
        continue;
      }
      const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = item.transform as number[];
      const size = Math.hypot(c, d) || Math.hypot(a, b) || item.height;
      const run = {
        text: foldSharedGlyphs(item.str),
        x,
        right: x + item.width,
        y,
        size,
        place: open.at(-1)?.place ?? null,
      };
      runs.push(run);
      const mcid = open.at(-1)?.mcid;
      if (mcid != null && item.str.trim() !== '') byContent.set(mcid, [...(byContent.get(mcid) ?? []), { run, y }]);
    }
    const spaces = lineEndSpaces(ops, pdfjs().OPS);
    // Spaces are taken from the drawing last: cutting a run at a cell's border looks for the gap pdfjs spaced.
    const respace = (run: PrintedRun): PrintedRun => ({ ...run, text: withDrawnSpaces(run, glyphs) });
    return {
      runs: (tree === null
        ? splitAtRules(withLineEndSpacesByPosition(runs, ops, pdfjs().OPS), rulingLines(ops, pdfjs().OPS))
        : runs.map(withLineEndSpace(byContent, spaces))
      ).map(respace),
      structure,
      rules: rulingLines(ops, pdfjs().OPS),
      tagged: tree !== null,
      paintsAnything: paintsAnything(ops, pdfjs().OPS),
    };
  } catch (error) {
    if (error instanceof UnreadableDocumentError) throw error;
    throw new UnreadableDocumentError(name, null, `the page cannot be read (${messageOf(error)})`, page);
  }
}

/**
 * The runs with the space a printed line ended with put back (`lineEndSpaces`): on the last run of each line
 * of a piece of marked content, when the drawing and the text content count the same lines in it.
 */
function withLineEndSpace(
  byContent: ReadonlyMap<number, readonly { run: PrintedRun; y: number }[]>,
  spaces: ReadonlyMap<number, readonly boolean[]>,
): (run: PrintedRun) => PrintedRun {
  const ending = new Set<PrintedRun>();
  for (const [mcid, items] of byContent) {
    const lines: PrintedRun[][] = [];
    let y: number | null = null;
    for (const item of items) {
      if (y === null || Math.abs(item.y - y) > 0.35 * item.run.size) lines.push([]);
      lines.at(-1)?.push(item.run);
      y = item.y;
    }
    const flags = spaces.get(mcid) ?? [];
    if (flags.length !== lines.length) continue;
    lines.forEach((line, index) => {
      const last = line.reduce<PrintedRun | undefined>(
        (end, run) => (!end || run.right > end.right ? run : end),
        undefined,
      );
      if (flags[index] && last && !/\s$/.test(last.text)) ending.add(last);
    });
  }
  return (run) => (ending.has(run) ? { ...run, text: `${run.text} ` } : run);
}

function isMarkedContent(item: TextItem | TextMarkedContent): item is TextMarkedContent {
  return 'type' in item;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
