import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { removeExtractionNoise } from '../../../src/ingest/extraction-noise';
import { ingest, SOURCES_DIRECTORY } from '../../../src/ingest/ingest';
import { SOURCE_FILES, type SourceRole } from '../../../src/ingest/merge/read-documents';
import { readPdfDocument } from '../../../src/ingest/pdf/read-pdf';
import { checkSourceDirectory, readSourceDocuments } from '../../../src/ingest/source-directory';
import type { SourceDocument } from '../../../src/ingest/source-document';
import { UnreadableDocumentError } from '../../../src/ingest/unreadable-document';
import { documentHtml, printPdf } from '../../helpers/document-pdf';
import { graphFileFingerprint } from '../../helpers/graph-fingerprint';
import { isBlank, misplacedNodes, printedLines, startsAt } from '../../helpers/pdf-printed-lines';
import { launchOfflineBrowser } from '../../helpers/offline-browser';

/**
 * The city's PDFs: each of the five documents is printed by Chromium (A4, a Japanese font, tables as tables,
 * the page number in the margin) and read back by `npm run ingest`'s PDF reader. Needs Chromium, not Neo4j.
 */
const PROVENANCE = ['sourceDocument', 'sourcePage', 'sourceLine'];
const pdfName = (role: SourceRole): string => SOURCE_FILES[role].replace(/\.txt$/, '.pdf');

let browser: Browser;
let folder: string;
const pdfs = new Map<SourceRole, Buffer>();

beforeAll(async () => {
  browser = await launchOfflineBrowser();
  folder = mkdtempSync(join(tmpdir(), 'honjo-pdf-sources-'));
  for (const role of Object.keys(SOURCE_FILES) as SourceRole[]) {
    const text = readFileSync(join(SOURCES_DIRECTORY, SOURCE_FILES[role]), 'utf8');
    pdfs.set(role, await printPdf(browser, documentHtml(text)));
  }
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

/** A folder with the text files of seed/sources/, some of them replaced by their PDF. */
function sourceFolder(name: string, asPdf: readonly SourceRole[]): string {
  const directory = join(folder, name);
  rmSync(directory, { recursive: true, force: true });
  mkdirSync(directory);
  for (const role of Object.keys(SOURCE_FILES) as SourceRole[]) {
    if (asPdf.includes(role)) writeFileSync(join(directory, pdfName(role)), pdfs.get(role) ?? Buffer.alloc(0));
    else copyFileSync(join(SOURCES_DIRECTORY, SOURCE_FILES[role]), join(directory, SOURCE_FILES[role]));
  }
  return directory;
}

describe('documents ingested from their PDFs', () => {
  it('reads every page of each PDF, the page numbers in the margin recognised as page furniture', async () => {
    for (const role of Object.keys(SOURCE_FILES) as SourceRole[]) {
      const directory = sourceFolder(`read-${role}`, [role]);
      const doc: SourceDocument = await readPdfDocument(join(directory, pdfName(role)), pdfName(role));
      const pages = Math.max(...doc.lines.map((_, i) => doc.ref(i + 1).page ?? 0));
      expect(pages).toBeGreaterThan(1);
      const clean = removeExtractionNoise(doc);
      expect(clean.lines.filter((line) => /^- \d+ -$/.test(line.trim()))).toEqual([]);
      expect(clean.lines.filter((line) => line.trim() !== '').length).toBeGreaterThan(100);
    }
  });

  it('every line of the extracted text names the page and printed line where it starts', async () => {
    const misplaced: unknown[] = [];
    for (const role of Object.keys(SOURCE_FILES) as SourceRole[]) {
      const printed = await printedLines(pdfs.get(role) ?? Buffer.alloc(0));
      const doc = await readPdfDocument(join(sourceFolder(`refs-${role}`, [role]), pdfName(role)), pdfName(role));
      doc.lines.forEach((text, index) => {
        if (isBlank(text)) return;
        const ref = doc.ref(index + 1);
        const line = printed[(ref.page ?? 0) - 1]?.[ref.line - 1] ?? '';
        if (!startsAt(text, line)) misplaced.push({ ref, text: text.slice(0, 40), line: line.slice(0, 40) });
      });
    }
    expect(misplaced).toEqual([]);
  });

  // All five documents, read from their PDFs, build today's graph: rows a page break cut are joined by their
  // row element, empty cells keep their tabs, and a space a line wrapped at is kept. The comparison is exact.
  const ROUND_TRIP: readonly SourceRole[] = Object.keys(SOURCE_FILES) as SourceRole[];

  it('PDFs beside the text files build the graph of seed/sources/, every node at the page and line of its text', async () => {
    const directory = sourceFolder('round-trip', ROUND_TRIP);
    checkSourceDirectory(directory);
    const fromText = ingest();
    const fromPdf = ingest(await readSourceDocuments(directory), directory);
    expect(graphFileFingerprint(fromPdf, PROVENANCE)).toEqual(graphFileFingerprint(fromText, PROVENANCE));

    const { counts, misplaced } = await misplacedNodes(fromPdf, fromText, pdfs);
    expect([...counts.keys()]).toEqual(ROUND_TRIP);
    for (const count of counts.values()) expect(count).toBeGreaterThan(40);
    expect(misplaced).toEqual([]);
  });

  it('stops at a cut-off PDF, naming the document', async () => {
    const directory = sourceFolder('cut-off', ['linkagePlans']);
    const path = join(directory, pdfName('linkagePlans'));
    const whole = readFileSync(path);
    writeFileSync(path, whole.subarray(0, Math.floor(whole.length * 0.6)));
    await expect(readSourceDocuments(directory)).rejects.toThrow(
      new UnreadableDocumentError(
        pdfName('linkagePlans'),
        null,
        'the PDF is cut off (it does not end with %%EOF): download or copy it again',
      ),
    );
  });

  it('reads past a blank page (nothing painted on it), as an office suite may leave one at the start', async () => {
    const text = readFileSync(join(SOURCES_DIRECTORY, SOURCE_FILES.linkagePlans), 'utf8');
    const html = documentHtml(text);
    const withBlank = html.replace('<body>', '<body><div style="break-after: page"></div>');
    expect(withBlank).not.toBe(html);
    const read = async (name: string, source: string): Promise<SourceDocument> => {
      const path = join(folder, `${name}.pdf`);
      writeFileSync(path, await printPdf(browser, source, { pageNumbers: false }));
      return readPdfDocument(path, pdfName('linkagePlans'));
    };
    const [plain, blankFirst] = [await read('plain', html), await read('blank-first', withBlank)];
    const printed = (doc: SourceDocument): { text: string; page: number; line: number }[] =>
      doc.lines.flatMap((line, index) => {
        if (isBlank(line)) return [];
        const ref = doc.ref(index + 1);
        return [{ text: line, page: ref.page ?? 0, line: ref.line }];
      });
    const shifted = printed(plain).map((line) => ({ ...line, page: line.page + 1 }));
    expect(shifted.length).toBeGreaterThan(100);
    expect(printed(blankFirst)).toEqual(shifted);
  });

  it('stops at a PDF page without text (a scan), naming the document and page', async () => {
    const scan = await printPdf(
      browser,
      '<svg width="400" height="300"><rect width="400" height="300" fill="#888"/></svg>',
      { pageNumbers: false },
    );
    const directory = sourceFolder('scan', []);
    rmSync(join(directory, SOURCE_FILES.finalPlan));
    writeFileSync(join(directory, pdfName('finalPlan')), scan);
    await expect(readSourceDocuments(directory)).rejects.toThrow(
      `${pdfName('finalPlan')} p. 1: cannot be read: the page has no text`,
    );
  });
});
