import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { GraphFile } from '../../../src/graph/graph-model';
import { ingest, SOURCES_DIRECTORY } from '../../../src/ingest/ingest';
import { SOURCE_FILES, type SourceRole } from '../../../src/ingest/merge/read-documents';
import { ParseError } from '../../../src/ingest/parse-error';
import { readSourceDocuments } from '../../../src/ingest/source-directory';
import { UnreadableDocumentError } from '../../../src/ingest/unreadable-document';
import { documentHtml, officePdf, type OfficeSource } from '../../helpers/document-pdf';
import { graphFileFingerprint } from '../../helpers/graph-fingerprint';

/**
 * The city's documents as an office suite makes their PDFs (LibreOffice, which nobody here wrote): Writer's
 * export of the documents' HTML with its tables drawn and without rules, and Calc's print of the text as a
 * tab-separated sheet. Poppler's pdftotext and pdffonts say first that the text is really in each PDF. Then
 * each either builds the graph of the text files, or is refused naming the document and page (and the
 * printed line where the reader stopped): never another graph. Needs LibreOffice and poppler-utils, not Neo4j.
 */
const PROVENANCE = ['sourceDocument', 'sourcePage', 'sourceLine'];
const ROLES = Object.keys(SOURCE_FILES) as SourceRole[];
const pdfName = (role: SourceRole): string => SOURCE_FILES[role].replace(/\.txt$/, '.pdf');
const tool = promisify(execFile);

interface OfficeProducer {
  readonly name: string;
  readonly source: (text: string) => OfficeSource;
}

/** Writer draws a table's rules from the HTML `border` attribute (it does not read the CSS borders). */
const withBorderAttributes = (html: string): string =>
  html
    .replace(/<table([^>]*)>/g, '<table$1 border="1" cellspacing="0" cellpadding="3">')
    .replace(/<td>/g, '<td valign="top">');

const PRODUCERS: readonly OfficeProducer[] = [
  {
    name: 'LibreOffice Writer, tables drawn',
    source: (text) => ({ html: withBorderAttributes(documentHtml(text, { face: 'IPAMincho', paper: 'A4' })) }),
  },
  {
    name: 'LibreOffice Writer, tables without rules',
    source: (text) => ({ html: documentHtml(text, { face: 'IPAGothic', paper: 'A4' }) }),
  },
  { name: 'LibreOffice Calc, the text as a sheet', source: (text) => ({ sheet: text }) },
];

let folder: string;
let fromText: GraphFile;
const texts = new Map<SourceRole, string>();
const prints = new Map<string, Map<SourceRole, Buffer>>();

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'honjo-office-pdf-'));
  fromText = ingest();
  for (const role of ROLES) texts.set(role, readFileSync(join(SOURCES_DIRECTORY, SOURCE_FILES[role]), 'utf8'));
  for (const producer of PRODUCERS) {
    const pdfs = new Map<SourceRole, Buffer>();
    for (const role of ROLES) pdfs.set(role, await officePdf(producer.source(texts.get(role) ?? '')));
    prints.set(producer.name, pdfs);
  }
}, 900_000);

afterAll(() => {
  if (folder) rmSync(folder, { recursive: true, force: true });
});

/** Characters as pdftotext may space them: white space carries no meaning between a document's words. */
const squeezed = (text: string): string => text.replace(/\s+/g, '');

describe.each(PRODUCERS.map((producer) => [producer.name] as const))('the five documents exported by %s', (name) => {
  it('hold their text, by tools nobody here wrote (pdffonts: Unicode maps; pdftotext: the first paragraphs)', async () => {
    for (const role of ROLES) {
      const path = join(folder, `${role}-${name.replace(/[^A-Za-z]+/g, '-')}.pdf`);
      writeFileSync(path, prints.get(name)?.get(role) ?? Buffer.alloc(0));
      const fonts = (await tool('pdffonts', [path])).stdout
        .split('\n')
        .slice(2)
        .filter((line) => line.trim());
      expect(fonts.length).toBeGreaterThan(0);
      // The `uni` column: every font maps its glyphs to Unicode.
      for (const font of fonts) expect(font.split(/\s+/).at(-3)).toBe('yes');
      const text = squeezed((await tool('pdftotext', [path, '-'], { maxBuffer: 64 * 1024 * 1024 })).stdout);
      const paragraphs = (texts.get(role) ?? '')
        .split('\n')
        .filter((line) => line.trim() !== '' && !line.includes('\t'));
      // A sheet prints each column on its own pages, its text cut at the page's edge: its start is there.
      for (const line of paragraphs.slice(0, 10)) expect(text).toContain(squeezed(line).slice(0, 12));
    }
  });

  it("build the text files' graph, or are refused naming the document, page and line: never another graph", async () => {
    const directory = join(folder, name.replace(/[^A-Za-z]+/g, '-'));
    mkdirSync(directory, { recursive: true });
    for (const role of ROLES)
      writeFileSync(join(directory, pdfName(role)), prints.get(name)?.get(role) ?? Buffer.alloc(0));
    let outcome: unknown;
    try {
      outcome = graphFileFingerprint(ingest(await readSourceDocuments(directory), directory), PROVENANCE);
    } catch (error) {
      outcome = error;
    }
    if (outcome instanceof Error) {
      process.stdout.write(`${name}: refused: ${outcome.message}\n`);
      expect([ParseError, UnreadableDocumentError].some((kind) => outcome instanceof kind)).toBe(true);
      expect(outcome.message).toMatch(new RegExp(`^(?:${ROLES.map(pdfName).join('|')}) p\\. \\d+(?: line \\d+)?: `));
    } else {
      expect(outcome).toEqual(graphFileFingerprint(fromText, PROVENANCE));
    }
  });
});
