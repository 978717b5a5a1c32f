import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GraphFile } from '../../src/graph/graph-model';
import { SOURCES_DIRECTORY } from '../../src/ingest/ingest';
import { SOURCE_FILES, type SourceRole } from '../../src/ingest/merge/read-documents';
import { pdfjs } from '../../src/ingest/pdf/pdfjs-module';
import { foldSharedGlyphs } from '../../src/ingest/pdf/shared-glyphs';

/**
 * Each page's printed lines as pdfjs reports the text (baselines from the top), for checking where the
 * ingestion's references point: an independent reading, by baseline only, with none of the reader's rules.
 */
export async function printedLines(bytes: Buffer): Promise<string[][]> {
  const loading = pdfjs().getDocument({ data: new Uint8Array(bytes), verbosity: 0 });
  const pdf = await loading.promise;
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
  await loading.destroy();
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

/**
 * Each document's nodes read from its PDF (how many), and every node whose page and printed line is not where
 * the text of its node in the text files' graph starts (`startsAt`).
 */
export async function misplacedNodes(
  fromPdf: GraphFile,
  fromText: GraphFile,
  pdfs: ReadonlyMap<SourceRole, Buffer>,
): Promise<{ readonly counts: Map<SourceRole, number>; readonly misplaced: unknown[] }> {
  const textLine = new Map(fromText.nodes.map((node) => [node.id, Number(node.properties.sourceLine)]));
  const counts = new Map<SourceRole, number>();
  const misplaced: unknown[] = [];
  for (const [role, pdf] of pdfs) {
    const printed = await printedLines(pdf);
    const lines = readFileSync(join(SOURCES_DIRECTORY, SOURCE_FILES[role]), 'utf8').split('\n');
    const name = SOURCE_FILES[role].replace(/\.txt$/, '.pdf');
    const nodes = fromPdf.nodes.filter((node) => node.properties.sourceDocument === name);
    counts.set(role, nodes.length);
    for (const node of nodes) {
      const { sourcePage, sourceLine } = node.properties;
      const text = lines[(textLine.get(node.id) ?? 0) - 1] ?? '';
      const line = printed[Number(sourcePage) - 1]?.[Number(sourceLine) - 1] ?? '';
      if (!startsAt(text, line)) misplaced.push({ id: node.id, sourcePage, sourceLine, text, line });
    }
  }
  return { counts, misplaced };
}
