import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { GraphFile } from '../../../src/graph/graph-model';
import { ingest, SOURCES_DIRECTORY } from '../../../src/ingest/ingest';
import { SOURCE_FILES, type SourceRole } from '../../../src/ingest/merge/read-documents';
import { readSourceDocuments } from '../../../src/ingest/source-directory';
import { UnreadableDocumentError } from '../../../src/ingest/unreadable-document';
import { documentHtml, type PageLayout, printPdf, redistilledPdf, weasyprintPdf } from '../../helpers/document-pdf';
import { type GraphFingerprint, graphFileFingerprint } from '../../helpers/graph-fingerprint';
import { launchOfflineBrowser } from '../../helpers/offline-browser';
import { misplacedNodes } from '../../helpers/pdf-printed-lines';

/**
 * The city's PDFs as other producers make them: the five documents printed by Chromium tagged and untagged
 * and by weasyprint, on A4 portrait and A3 landscape, in Gothic and Mincho faces, with a label column narrow
 * enough that labels wrap, untagged with the tables' ruling lines dropped, each read back by `npm run ingest`'s
 * PDF reader. Every print builds the graph of seed/sources/ (all but where facts were read), and every node
 * names the page and printed line where its text starts. A print whose fonts lost their Unicode maps is
 * refused, naming where. Each document is printed once per producer, all of them at the same time, in one
 * shared setup. Needs Chromium, weasyprint and Ghostscript, not Neo4j.
 */
const PROVENANCE = ['sourceDocument', 'sourcePage', 'sourceLine'];
const ROLES = Object.keys(SOURCE_FILES) as SourceRole[];
const pdfName = (role: SourceRole): string => SOURCE_FILES[role].replace(/\.txt$/, '.pdf');

interface Producer {
  readonly name: string;
  readonly layout: PageLayout;
  readonly print: (html: string) => Promise<Buffer>;
}

let browser: Browser;
const chromium =
  (tagged: boolean) =>
  (html: string): Promise<Buffer> =>
    printPdf(browser, html, { tagged });

const PRODUCERS: readonly Producer[] = [
  {
    name: 'Chromium tagged, A4 portrait, Gothic, narrow label column',
    layout: { face: 'IPAGothic', paper: 'A4', labelColumn: '3.6em' },
    print: chromium(true),
  },
  {
    name: 'Chromium untagged, A4 portrait, Gothic',
    layout: { face: 'IPAGothic', paper: 'A4' },
    print: chromium(false),
  },
  {
    name: 'Chromium untagged, A3 landscape, Mincho, narrow label column',
    layout: { face: 'IPAMincho', paper: 'A3 landscape', labelColumn: '3.6em' },
    print: chromium(false),
  },
  { name: 'weasyprint, A4 portrait, Mincho', layout: { face: 'IPAMincho', paper: 'A4' }, print: weasyprintPdf },
  {
    // The borders dropped, as a print stylesheet may drop them: the cells stand as aligned text only.
    name: 'Chromium untagged, A4 portrait, Gothic, no ruling lines',
    layout: { face: 'IPAGothic', paper: 'A4', borders: false },
    print: chromium(false),
  },
];

let folder: string;
let fromText: GraphFile;
const prints = new Map<string, Map<SourceRole, Buffer>>();

beforeAll(async () => {
  browser = await launchOfflineBrowser();
  folder = mkdtempSync(join(tmpdir(), 'honjo-pdf-producers-'));
  fromText = ingest();
  const texts = new Map(ROLES.map((role) => [role, readFileSync(join(SOURCES_DIRECTORY, SOURCE_FILES[role]), 'utf8')]));
  await Promise.all(
    PRODUCERS.map(async (producer) => {
      const pdfs = new Map<SourceRole, Buffer>();
      for (const role of ROLES)
        pdfs.set(role, await producer.print(documentHtml(texts.get(role) ?? '', producer.layout)));
      prints.set(producer.name, pdfs);
    }),
  );
}, 300_000);

afterAll(async () => {
  await browser?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

/** A folder holding the five documents as `pdfs`. */
function pdfFolder(name: string, pdfs: ReadonlyMap<SourceRole, Buffer>): string {
  const directory = join(folder, name.replace(/[^A-Za-z0-9]+/g, '-'));
  mkdirSync(directory, { recursive: true });
  for (const role of ROLES) writeFileSync(join(directory, pdfName(role)), pdfs.get(role) ?? Buffer.alloc(0));
  return directory;
}

const fingerprints = new Map<string, GraphFingerprint>();

afterAll(() => {
  // The fingerprints, one line per producer, for the record of what was tried.
  for (const [name, fingerprint] of fingerprints) process.stdout.write(`${name}: ${JSON.stringify(fingerprint)}\n`);
});

describe.each(PRODUCERS.map((producer) => [producer.name, producer] as const))(
  'the five documents printed by %s',
  (name) => {
    it('build the graph of the text files, every node at the page and printed line where its text starts', async () => {
      const pdfs = prints.get(name) ?? new Map<SourceRole, Buffer>();
      const directory = pdfFolder(name, pdfs);
      const fromPdf = ingest(await readSourceDocuments(directory), directory);
      const fingerprint = graphFileFingerprint(fromPdf, PROVENANCE);
      fingerprints.set(name, fingerprint);
      expect(fingerprint).toEqual(graphFileFingerprint(fromText, PROVENANCE));

      const { counts, misplaced } = await misplacedNodes(fromPdf, fromText, pdfs);
      expect([...counts.keys()]).toEqual(ROLES);
      for (const count of counts.values()) expect(count).toBeGreaterThan(40);
      expect(misplaced).toEqual([]);
    });
  },
);

describe('a PDF whose fonts lost their Unicode maps', () => {
  it('stops the ingestion naming the document and page, before anything is read from it', async () => {
    const tagged = prints.get(PRODUCERS[0]?.name ?? '')?.get('linkagePlans') ?? Buffer.alloc(0);
    const pdfs = new Map(prints.get(PRODUCERS[0]?.name ?? ''));
    pdfs.set('linkagePlans', await redistilledPdf(tagged));
    const directory = pdfFolder('redistilled', pdfs);
    const refusal = await readSourceDocuments(directory).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(UnreadableDocumentError);
    const message = (refusal as Error).message;
    const prefix = `${pdfName('linkagePlans')} p. 1: cannot be read: the page's fonts map its glyphs to no usable text (`;
    expect(message.startsWith(prefix)).toBe(true);
    // The quoted sample is what the broken map gives, text the document never printed.
    const sample = JSON.parse(/^"(?:[^"\\]|\\.)*"/.exec(message.slice(prefix.length))?.[0] ?? '""') as string;
    expect(sample.length).toBeGreaterThan(5);
    const text = readFileSync(join(SOURCES_DIRECTORY, SOURCE_FILES.linkagePlans), 'utf8');
    expect(text.replace(/\s+/g, ' ')).not.toContain(sample);
  }, 60_000);
});
