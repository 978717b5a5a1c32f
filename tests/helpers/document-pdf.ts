import type { Browser } from 'playwright-core';

/**
 * A source document as the city would publish it: the text of a seed/sources/ file set on A4 pages in a
 * Japanese font and printed to PDF by Chromium. Test fixture only (the ingestion reads PDFs, never makes
 * them). The text file's layout becomes HTML: consecutive tab-separated lines one <table> (a line per row,
 * a cell per tab-separated field, empty cells kept), any other line a paragraph, a run of blank lines the
 * space between paragraphs; the page number is printed in the bottom margin.
 */
export function documentHtml(text: string): string {
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
    '@page { size: A4; margin: 18mm 20mm 20mm 20mm; }',
    'body { font-family: "IPAGothic", sans-serif; font-size: 10.5pt; line-height: 1.5; margin: 0; }',
    // Spaces as typed (a line wrapped at a space keeps it at the line's end, as word processors print it).
    // pre-wrap first: an engine without break-spaces (weasyprint 57) keeps it, and still prints a space at a wrap.
    'p, td { white-space: pre-wrap; white-space: break-spaces; } p { margin: 0; } .gap { margin-top: 1.2em; }',
    'table { border-collapse: collapse; width: 100%; font-size: 9pt; line-height: 1.4; }',
    'td { border: 0.5pt solid #444; padding: 2pt 4pt; vertical-align: top; text-align: left; }',
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
 * Prints `html` to a PDF with the browser's own print engine: A4, tagged (paragraphs and table cells marked
 * as such, as Chromium's "Save as PDF" does), the page number in the margin unless `pageNumbers` is false.
 */
export async function printPdf(browser: Browser, html: string, { pageNumbers = true } = {}): Promise<Buffer> {
  const page = await browser.newPage();
  try {
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({
      format: 'A4',
      tagged: true,
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

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
