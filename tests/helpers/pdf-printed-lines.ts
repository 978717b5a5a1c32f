import { pdfjs } from '../../src/ingest/pdf/pdfjs-module';
import { foldSharedGlyphs } from '../../src/ingest/pdf/shared-glyphs';

/**
 * Each page's printed lines as pdfjs reports the text (baselines from the top), for checking where the
 * ingestion's references point: an independent reading, by baseline only, with none of the reader's rules.
 */
export async function printedLines(bytes: Buffer): Promise<string[][]> {
  const pdf = await pdfjs().getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  const pages: string[][] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    const lines = new Map<number, string[]>();
    for (const item of content.items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      const y = Math.round(Number(item.transform[5]));
      const key = [...lines.keys()].find((other) => Math.abs(other - y) <= 2) ?? y;
      lines.set(key, [...(lines.get(key) ?? []), foldSharedGlyphs(item.str)]);
    }
    pages.push([...lines].sort(([a], [b]) => b - a).map(([, texts]) => texts.join('')));
  }
  await pdf.destroy();
  return pages;
}

const squeeze = (text: string): string => text.replace(/[\s\t]/g, '');

/**
 * Whether printed line `printed` is where `text` (a line of the extracted text) starts: it begins with the
 * text's first filled cell, as far as that cell's first printed line goes (a narrow cell may hold one
 * character a line), and a paragraph (no tab) with its first ten characters (or all its printed line holds).
 */
export function startsAt(text: string, printed: string): boolean {
  const cell = squeeze(text.split('\t').find((c) => squeeze(c) !== '') ?? '');
  const line = squeeze(printed);
  let shared = 0;
  while (shared < cell.length && cell[shared] === line[shared]) shared++;
  return shared >= (text.includes('\t') ? 1 : Math.min(10, cell.length, line.length));
}

/** Whether `text` has no printable character. */
export const isBlank = (text: string): boolean => squeeze(text) === '';
