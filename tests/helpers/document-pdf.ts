import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';

/**
 * How a document is set: the face, the paper (A4 portrait as a word processor prints, A3 landscape as a
 * spreadsheet's sheet is printed) and, optionally, a table's first column as narrow as a sheet's label
 * column, so labels such as 現状と課題 wrap inside their cell, and tables without ruling lines.
 */
export interface PageLayout {
  readonly face: 'IPAGothic' | 'IPAMincho';
  readonly paper: 'A4' | 'A3 landscape';
  readonly labelColumn?: string;
  /** False: tables drawn without ruling lines (a print stylesheet that drops the borders); drawn else. */
  readonly borders?: boolean;
}

export const DEFAULT_LAYOUT: PageLayout = { face: 'IPAGothic', paper: 'A4' };

/**
 * A source document as the city would publish it: the text of a seed/sources/ file set on A4 pages in a
 * Japanese font and printed to PDF by Chromium. Test fixture only (the ingestion reads PDFs, never makes
 * them). The text file's layout becomes HTML: consecutive tab-separated lines one <table> (a line per row,
 * a cell per tab-separated field, empty cells kept), any other line a paragraph, a run of blank lines the
 * space between paragraphs; the page number is printed in the bottom margin.
 */
export function documentHtml(text: string, layout: PageLayout = DEFAULT_LAYOUT): string {
  const body: string[] = [];
  let table: string[] | null = null;
  let gap = false;
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.includes('\t')) {
      if (!table) {
        table = [];
        body.push(`<table${gap ? ' class="gap"' : ''}>`);
        gap = false;
      }
      body.push(
        `<tr>${line
          .split('\t')
          .map((cell) => `<td>${escapeHtml(cell)}</td>`)
          .join('')}</tr>`,
      );
      continue;
    }
    if (table) {
      body.push('</table>');
      table = null;
    }
    if (line.trim() === '') gap = true;
    else {
      body.push(`<p${gap ? ' class="gap"' : ''}>${escapeHtml(line)}</p>`);
      gap = false;
    }
  }
  if (table) body.push('</table>');
  return [
    '<!doctype html><html lang="ja"><head><meta charset="utf-8"><style>',
    `@page { size: ${layout.paper}; margin: 18mm 20mm 20mm 20mm; }`,
    `body { font-family: "${layout.face}", serif; font-size: 10.5pt; line-height: 1.5; margin: 0; }`,
    // Spaces as typed (a line wrapped at a space keeps it at the line's end, as word processors print it).
    // pre-wrap first: an engine without break-spaces (weasyprint 57) keeps it, and still prints a space at a wrap.
    'p, td { white-space: pre-wrap; white-space: break-spaces; } p { margin: 0; } .gap { margin-top: 1.2em; }',
    'table { border-collapse: collapse; width: 100%; font-size: 9pt; line-height: 1.4; }',
    'td { border: 0.5pt solid #444; padding: 2pt 4pt; vertical-align: top; text-align: left; }',
    layout.labelColumn ? `td:first-child { width: ${layout.labelColumn}; }` : '',
    layout.borders === false ? 'td { border: none; }' : '',
    '</style></head><body>',
    ...body,
    '</body></html>',
  ].join('\n');
}

/** The page number in the bottom margin, `- n -`, as Chromium's print footer. */
const FOOTER =
  '<div style="width: 100%; text-align: center; font-family: IPAGothic; font-size: 9pt;">' +
  '- <span class="pageNumber"></span> -</div>';

/**
 * Prints `html` to a PDF with the browser's own print engine: the paper its CSS names (A4 else), tagged
 * (paragraphs and table cells marked as such, as Chromium's "Save as PDF" does) unless `tagged` is false
 * (`--disable-pdf-tagging`, as print drivers and older exports make them), the page number in the margin
 * unless `pageNumbers` is false.
 */
export async function printPdf(
  browser: Browser,
  html: string,
  { pageNumbers = true, tagged = true } = {},
): Promise<Buffer> {
  const page = await browser.newPage();
  try {
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({
      format: 'A4',
      tagged,
      preferCSSPageSize: true,
      displayHeaderFooter: pageNumbers,
      headerTemplate: '<span></span>',
      footerTemplate: FOOTER,
      margin: { top: '18mm', bottom: '20mm', left: '20mm', right: '20mm' },
    });
  } finally {
    await page.close();
  }
}

const run = promisify(execFile);
const WEASYPRINT_FOOTER = '@page { @bottom-center { content: "- " counter(page) " -"; font-size: 9pt; } }';

/** Prints `html` to a PDF with weasyprint (Debian's), a second HTML-to-PDF engine: untagged, its own line breaking. */
export async function weasyprintPdf(html: string): Promise<Buffer> {
  return inScratchFolder(async (folder) => {
    // The page number in the bottom margin, from CSS (Chromium's print footer is FOOTER).
    await writeFile(join(folder, 'page.html'), html.replace('</style>', `${WEASYPRINT_FOOTER}</style>`));
    await run('weasyprint', ['--quiet', join(folder, 'page.html'), join(folder, 'page.pdf')]);
    return readFile(join(folder, 'page.pdf'));
  });
}

/** What an office suite is given: a document's HTML (Writer) or its text as a tab-separated sheet (Calc). */
export type OfficeSource = { readonly html: string } | { readonly sheet: string };

/**
 * Exports `source` to a PDF with LibreOffice (Debian's, headless), an office suite nobody here wrote: Writer
 * imports the HTML as a word processor's document (it reads the table's `border` attribute, not CSS) and
 * exports it untagged; Calc opens the text as a tab-separated sheet and prints it page by page, the columns
 * too wide for a page on pages of their own, as a spreadsheet prints. Each export has its own LibreOffice
 * profile, so exports may run at once.
 */
export async function officePdf(source: OfficeSource): Promise<Buffer> {
  return inScratchFolder(async (folder) => {
    const profile = `-env:UserInstallation=file://${join(folder, 'profile')}`;
    const [file, filter, extra] =
      'html' in source
        ? // Writer's own HTML import: left to guess, headless LibreOffice 7.4 opens HTML as a web page and
          // loses the first paragraph on a blank first page.
          ['page.html', 'pdf:writer_pdf_Export', ['--infilter=HTML (StarWriter)']]
        : ['page.tsv', 'pdf:calc_pdf_Export', ['--infilter=CSV:9,34,76,1']];
    await writeFile(join(folder, file), 'html' in source ? source.html : source.sheet);
    const args = [profile, '--headless', ...extra, '--convert-to', filter, '--outdir', folder, join(folder, file)];
    await run('soffice', args, { timeout: 300_000 });
    return readFile(join(folder, 'page.pdf'));
  });
}

/**
 * `pdf` re-distilled by Ghostscript's pdfwrite, as a print-to-PDF driver or a "reduce size" step does: its
 * fonts are rewritten and their Unicode maps no longer give the characters printed.
 */
export async function redistilledPdf(pdf: Buffer): Promise<Buffer> {
  return inScratchFolder(async (folder) => {
    await writeFile(join(folder, 'in.pdf'), pdf);
    await run('gs', [
      '-q',
      '-dNOPAUSE',
      '-dBATCH',
      '-dSAFER',
      '-sDEVICE=pdfwrite',
      `-sOutputFile=${join(folder, 'out.pdf')}`,
      join(folder, 'in.pdf'),
    ]);
    return readFile(join(folder, 'out.pdf'));
  });
}

async function inScratchFolder<T>(work: (folder: string) => Promise<T>): Promise<T> {
  const folder = await mkdtemp(join(tmpdir(), 'honjo-pdf-'));
  try {
    return await work(folder);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
