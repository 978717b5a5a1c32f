import type { DrawnGlyph } from './drawn-glyphs';

/** White space as a glyph's text: a space, an ideographic space, a tab. */
const WHITE = /^\s+$/u;

/** A visible character of the drawn text and the white space glyphs drawn just before it. */
interface Mark {
  readonly char: string;
  readonly before: string;
}

/** Characters compared as pdfjs's text content gives them (it folds some, ligatures among them, by NFKC). */
const folded = (text: string): string[] => [...text.normalize('NFKC')];

/**
 * A run's text with a space between two of its characters exactly where the page draws white space between
 * them (`glyphs`: the run's glyphs' texts in drawing order). pdfjs puts a space wherever glyphs stand apart,
 * so a gap a producer leaves without a glyph reads as one (LibreOffice's extra room between Japanese and
 * Latin letters: `関連する SDGs`, `H24 年`), while the source text has a space in some such places and not in
 * others; only the drawing tells them apart. A space pdfjs found where white space is drawn stays as pdfjs
 * gave it; one where nothing is drawn goes; drawn white space pdfjs lost comes back as drawn. White space at
 * the run's ends is left alone (what is drawn there belongs to the line's wrap, `line-end-spaces.ts`). When
 * the glyphs' visible characters are not the run's (glyphs of another run, a font whose glyphs were not
 * placed), the run is returned as pdfjs read it.
 */
export function respaced(text: string, glyphs: readonly string[]): string {
  const drawn: Mark[] = [];
  let pending = '';
  for (const glyph of glyphs) {
    if (WHITE.test(glyph)) pending += glyph;
    else
      for (const char of folded(glyph)) {
        drawn.push({ char, before: pending });
        pending = '';
      }
  }
  const lead = /^\s*/u.exec(text)?.[0] ?? '';
  const trail = /\s*$/u.exec(text.slice(lead.length))?.[0] ?? '';
  const body = text.slice(lead.length, text.length - trail.length);
  let out = '';
  let at = 0;
  let gap = '';
  for (const char of body) {
    if (WHITE.test(char)) {
      gap += char;
      continue;
    }
    const chars = folded(char);
    if (chars.some((one, offset) => drawn[at + offset]?.char !== one)) return text;
    const before = drawn[at]?.before ?? '';
    if (out !== '') out += before === '' ? '' : gap || before;
    out += char;
    at += chars.length;
    gap = '';
  }
  return at === drawn.length ? lead + out + trail : text;
}

/** Baselines closer than this (× the text size) are one printed line, as `page-lines.ts` sets runs. */
const SAME_LINE = 0.35;
/**
 * How far (× the size) a glyph's origin may lie left of a run's start and still be its first, or left of its
 * end and still be the next run's: run edges are sums of rounded advances, and no visible glyph is this narrow.
 */
const EDGE_SLACK = 0.05;

/** A run of pdfjs's text content: its text, left and right edge and baseline, in points. */
export interface PlacedText {
  readonly text: string;
  readonly x: number;
  readonly right: number;
  readonly y: number;
  readonly size: number;
}

/**
 * The run's text respaced by the glyphs the page draws inside it: those on its baseline whose origin lies
 * between its left edge and its right one, in drawing order.
 */
export function withDrawnSpaces(run: PlacedText, glyphs: readonly DrawnGlyph[]): string {
  // Fewer than two visible characters leave no place between them.
  if ((run.text.match(/\S/gu) ?? []).length < 2) return run.text;
  const inside = glyphs.filter(
    (glyph) =>
      Math.abs(glyph.y - run.y) <= SAME_LINE * run.size &&
      glyph.x >= run.x - EDGE_SLACK * run.size &&
      glyph.x < run.right - EDGE_SLACK * run.size,
  );
  return respaced(
    run.text,
    inside.map((glyph) => glyph.text),
  );
}
