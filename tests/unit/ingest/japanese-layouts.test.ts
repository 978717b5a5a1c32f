import { removeExtractionNoise } from '../../../src/ingest/extraction-noise';
import { readPlanPieces } from '../../../src/ingest/final-plan/plan-pieces';
import { displayWidth } from '../../../src/ingest/extraction-noise/line-measure';
import { ingest } from '../../../src/ingest/ingest';
import { SourceDocument } from '../../../src/ingest/source-document';
import { graphFileFingerprint } from '../../helpers/graph-fingerprint';
import { expectSameGraphOf } from './corpus-graph';
import {
  layoutRunningText,
  layoutTableCells,
  pageFurniture,
  spacesForTabs,
  type Transformation,
  transformSources,
} from './extraction-corpus';

/**
 * The text files set as layout engines set Japanese (`tests/helpers/japanese-line-breaking.ts`: kinsoku,
 * Latin words whole, the space at a break dropped, ragged right edges), in the seven layouts of issue 69:
 * running text in columns of 33, 38 and 45 ems, table cells of 20 and 24 ems, cells printed as space-padded
 * columns, and page furniture over wrapped text. Each copy builds the graph of the text files: the same
 * fingerprint the PDF producer tests compare (provenance aside), and every source line at the line where its
 * text now starts.
 */
const PROVENANCE = ['sourceDocument', 'sourcePage', 'sourceLine'];

const LAYOUTS: Record<string, readonly Transformation[]> = {
  'running text in a column of 33 ems': [layoutRunningText(33)],
  'running text in a column of 38 ems': [layoutRunningText(38)],
  'running text in a column of 45 ems': [layoutRunningText(45)],
  'table cells of 20 ems': [layoutTableCells(20)],
  'table cells of 24 ems': [layoutTableCells(24)],
  'space-padded columns (text at 38, cells at 24, spaces for tabs)': [
    layoutRunningText(38),
    layoutTableCells(24),
    spacesForTabs(),
  ],
  'page furniture over wrapped text (text at 33, cells at 20, a page every 30 lines)': [
    layoutRunningText(33),
    layoutTableCells(20),
    pageFurniture(30, 'dashed number, header, blank lines'),
  ],
};

const fromText = graphFileFingerprint(ingest(), PROVENANCE);

describe.each(Object.entries(LAYOUTS))('the five documents laid out: %s', (name, steps) => {
  it('build the graph of the text files, every source line at the line where its text now starts', () => {
    const fingerprint = graphFileFingerprint(expectSameGraphOf(steps), PROVENANCE);
    expect(fingerprint).toEqual(fromText);
    expect(fingerprint.nodes).toBeGreaterThan(300);
  });
});

/** One document as `steps` lay it out: the raw lines, and the lines the ingestion reads after its noise removal. */
function laidOut(file: string, steps: readonly Transformation[]): { raw: string[]; clean: SourceDocument } {
  const copy = Object.values(transformSources(steps).documents).find((doc) => doc.name === file);
  if (!copy) throw new Error(`no document ${file}`);
  return { raw: [...copy.lines], clean: removeExtractionNoise(copy) };
}

describe('the issue’s examples', () => {
  const finalPlan = SourceDocument.read('seed/sources', '001_ce2878ebb8c6f072.txt');
  const line516 = finalPlan.line(516);

  // The noise removal joins only a break next to half-width text; the plan's reader joins the rest of a paragraph.
  it('001:516 at 36 ems: a line ending three columns short before `PPP / PFI*等` is read with it', () => {
    const { raw, clean: lines } = laidOut(finalPlan.name, [layoutRunningText(36)]);
    const clean = readPlanPieces(lines);
    const next = raw.findIndex((text) => text.startsWith('PPP / PFI*等、'));
    expect(raw[next - 1]).toBe('- 公共施設の管理運営について、指定管理者制度*の活用等を図るとともに、');
    expect(72 - displayWidth(raw[next - 1] ?? '')).toBe(3);
    const at = clean.lines.indexOf(line516);
    expect(at).toBeGreaterThanOrEqual(0);
    expect(clean.ref(at + 1).line).toBe(next); // the file line of the paragraph's first piece
  });

  it('001:516 at 38 ems: the space dropped where the layout broke `PPP /` and `PFI*等` comes back', () => {
    const { raw, clean } = laidOut(finalPlan.name, [layoutRunningText(38)]);
    const next = raw.findIndex((text) => text.startsWith('PFI*等、'));
    expect(raw[next - 1]?.endsWith('とともに、PPP /')).toBe(true);
    expect(clean.lines.some((text) => text.endsWith('とともに、PPP / PFI*等、'))).toBe(false);
    expect(readPlanPieces(clean).lines).toContain(line516);
  });

  it('002:155 at 20 ems: a bullet `●` that continues a wrapped cell stays in its cell', () => {
    const sheets = SourceDocument.read('seed/sources', '002_5efac60f894371f5.txt');
    const { raw, clean } = laidOut(sheets.name, [layoutTableCells(20)]);
    const bullet = raw.findIndex((text) => /^\t+●消防・救急やごみ処/.test(text));
    expect(raw[bullet - 1]).toMatch(/\t業等との連携<\/b>を推進します。<\/li> <li>$/);
    const at = clean.lines.indexOf(sheets.line(155));
    expect(at).toBeGreaterThanOrEqual(0);
    expect(clean.lines[at]).toContain('<li>●消防・救急やごみ処理');
  });
});
