import { type FileLine, isBlankText } from './file-line';

/**
 * Page furniture: what a PDF-to-text tool leaves where a page ends. A page break is a form feed (pdftotext
 * starts each page with one) or a page-number line (`12`, `- 12 -`, `― 12 ―`, `12 / 40`, `P.12`; a line
 * holding nothing else, in sequence with a page number before or after it). A running header or footer is
 * a line that stands next to page breaks, separated from them by blank lines only, with the same text at
 * two breaks or more and at half of them at least: the document title repeated on every page, never a
 * line of content (content differs from page to page).
 *
 * Around each break, the page numbers, running headers and footers and the blank lines between them are
 * dropped together. Blank lines carry no meaning for any table parser, so none is put back between table
 * rows: a break inside a table joins the table. Between two lines of prose one blank line is kept where the
 * text had one (`paragraphBreaks`): it tells the running-text joiner that the paragraph ended at the break.
 */
export const PAGE_NUMBER =
  /^\s*(?:[-‐－―—]\s*(\d{1,4})\s*[-‐－―—]|(\d{1,4})(?:\s*\/\s*\d{1,4})?|[Pp]\.?\s*(\d{1,4}))\s*$/;
/** Consecutive page numbers differ by one; a blank page or a plate without a number may skip one or two. */
const MAX_PAGE_STEP = 3;
const FORM_FEED = '\f';

export function removePageFurniture(lines: readonly FileLine[]): FileLine[] {
  const split = lines.flatMap(splitAtFormFeeds);
  const { pageNumbers, shortRuns } = pageNumberLines(split);
  const isBreak = (line: FileLine): boolean => line.text === FORM_FEED || pageNumbers.has(line);
  if (!split.some(isBreak)) return split;
  const furniture =
    (running: ReadonlySet<string>) =>
    (line: FileLine): boolean =>
      isBreak(line) || isBlankText(line.text) || running.has(line.text.trim());
  // A header of two lines (title, chapter) shows its second line only once the first is known: widen twice.
  let running = new Set<string>();
  for (let round = 0; round < 3; round++) {
    running = new Set([...running, ...runningTexts(breakZones(split, isBreak, furniture(running)), split)]);
  }
  // A number alone between two lines of text (`１０` of `１０６団体`, a narrow line's digits; `０` and `１` of a
  // paragraph wrapped before them) is content where nothing else says pages break there: where the document
  // prints a running header or footer (a page number stands with it or with blank lines), or where the number
  // belongs to no run of three in sequence (two numbers a few lines apart, or on two lines together, are a
  // coincidence, not pagination).
  for (const { first, last } of breakZones(split, isBreak, furniture(running))) {
    const zone = range(first, last).flatMap((i) => {
      const line = split[i];
      return line === undefined ? [] : [line];
    });
    const evidence = zone.some(
      (line) => line.text === FORM_FEED || isBlankText(line.text) || running.has(line.text.trim()),
    );
    const alone = zone.length === 1 && !evidence;
    for (const line of zone) {
      if (pageNumbers.has(line) && ((alone && running.size > 0) || (!evidence && shortRuns.has(line)))) {
        pageNumbers.delete(line);
      }
    }
  }
  const zones = breakZones(split, isBreak, furniture(running));
  const dropped = new Set(zones.flatMap(({ first, last }) => range(first, last)));
  const kept = new Set([...paragraphBreaks(zones, split), ...contentCopies(zones, split, isBreak, running)]);
  return split.filter((_, index) => !dropped.has(index) || kept.has(index));
}

/**
 * A running header or footer is printed once at each page break, always at the same place next to it (the
 * line after the page number, the line before the form feed …). Where a break falls next to a line of the
 * content that reads as the header (the first chapter's heading, which the header repeats word for word), the
 * break holds the text once more than it has pages: at each page break the copy nearest the header's own place
 * (where the breaks print it most often) is furniture, and a copy left over is content and stays.
 */
function contentCopies(
  zones: readonly Zone[],
  lines: readonly FileLine[],
  isBreak: (line: FileLine) => boolean,
  running: ReadonlySet<string>,
): number[] {
  const copies = zones.map((zone) => {
    const indices = range(zone.first, zone.last);
    // A page is known by its number; a form feed (which may come with the number) only where none is printed.
    const breaks = indices.filter((i) => isBreak(lines[i] as FileLine));
    const numbers = breaks.filter((i) => lines[i]?.text !== FORM_FEED);
    const pages = numbers.length > 0 ? numbers : breaks;
    const byText = new Map<string, number[]>();
    for (const i of indices) {
      const text = lines[i]?.text.trim() ?? '';
      if (running.has(text)) byText.set(text, [...(byText.get(text) ?? []), i]);
    }
    return { pages, byText };
  });
  const nearest = (pages: readonly number[], i: number): number =>
    pages.reduce((best, p) => (Math.abs(i - p) < Math.abs(i - best) ? p : best), pages[0] ?? i);
  const places = new Map<string, Map<number, number>>();
  for (const { pages, byText } of copies) {
    for (const [text, at] of byText) {
      const counts = places.get(text) ?? new Map<number, number>();
      for (const i of at) counts.set(i - nearest(pages, i), (counts.get(i - nearest(pages, i)) ?? 0) + 1);
      places.set(text, counts);
    }
  }
  const own = (text: string): number =>
    [...(places.get(text) ?? new Map<number, number>())].sort(([, c1], [, c2]) => c2 - c1)[0]?.[0] ?? 0;
  return copies.flatMap(({ pages, byText }) =>
    [...byText].flatMap(([text, at]) => {
      if (at.length <= pages.length) return [];
      const left = new Set(at);
      for (const page of pages) {
        const place = page + own(text);
        const furniture = [...left].reduce((best, i) => (Math.abs(i - place) < Math.abs(best - place) ? i : best));
        left.delete(furniture);
      }
      return [...left];
    }),
  );
}

/**
 * The blank line to keep in each zone between two lines of prose that held more blank lines than the
 * furniture's own (the fewest any zone of the document holds): the text had a blank line where the page
 * broke, between two paragraphs or a paragraph and a heading, and that line still tells the running-text
 * joiner the paragraph ended there. Next to a table row no blank is kept: the joiner never joins a row, and
 * a PDF reader's blank lines stand for the vertical gap above the page number, which is wider on a page a
 * table row did not fill, so between two rows of one table they would cut it in two.
 */
function paragraphBreaks(zones: readonly Zone[], lines: readonly FileLine[]): number[] {
  const isBlank = (i: number): boolean => lines[i]?.text !== FORM_FEED && isBlankText(lines[i]?.text ?? '');
  const isProse = (i: number): boolean => !isBlankText(lines[i]?.text ?? '') && !(lines[i]?.text ?? '').includes('\t');
  const blanks = zones.map(({ first, last }) => range(first, last).filter(isBlank));
  const own = Math.min(...blanks.map((zone) => zone.length));
  return zones.flatMap(({ first, last }, z) => {
    const zone = blanks[z] ?? [];
    const between = isProse(first - 1) && isProse(last + 1);
    return between && zone.length > own && zone[0] !== undefined ? [zone[0]] : [];
  });
}

/** Runs shorter than this are pagination only with other evidence (blank lines, a header, a form feed). */
const MIN_BARE_RUN = 3;

/**
 * The lines that are page numbers: a number alone on its line counts only when one of the two number
 * lines before or after it continues the sequence (1 to MAX_PAGE_STEP lower before it, higher after it),
 * so a year or a count standing alone (`2023`) between pages 12 and 13 is content, not a page number.
 * `shortRuns` holds those whose unbroken run of numbers in sequence is shorter than MIN_BARE_RUN.
 */
function pageNumberLines(lines: readonly FileLine[]): { pageNumbers: Set<FileLine>; shortRuns: Set<FileLine> } {
  const numbered = lines.flatMap((line) => {
    // A tab the file delivered makes the line a table row's, a number under its cell (`\t5` of a cell wrapped
    // at `5件`); a page number centred with spaces becomes a tab only where columns were split.
    const match = line.printed?.includes('\t') ? null : PAGE_NUMBER.exec(line.text);
    return match ? [{ line, page: Number(match[1] ?? match[2] ?? match[3]), form: numberForm(line.text) }] : [];
  });
  const inSequence = (from: number, to: number): boolean => to - from >= 1 && to - from <= MAX_PAGE_STEP;
  const sequenced = numbered.filter(({ page }, i) =>
    [1, 2].some((d) => {
      const before = numbered[i - d];
      const after = numbered[i + d];
      return (
        (before !== undefined && inSequence(before.page, page)) || (after !== undefined && inSequence(page, after.page))
      );
    }),
  );
  // A document prints its page numbers in one form: a number of another form is content that happens to fall
  // in the sequence (a digit a narrow line left alone, `２` of `第２０２条`, among pages `- 4 -`, `- 5 -`).
  const forms = new Map<string, number>();
  for (const { form } of sequenced) forms.set(form, (forms.get(form) ?? 0) + 1);
  const [form] = [...forms].sort(([, c1], [, c2]) => c2 - c1)[0] ?? [];
  const pages = sequenced.filter((number) => number.form === form);
  const shortRuns = new Set<FileLine>();
  let run: typeof pages = [];
  for (const [i, number] of pages.entries()) {
    const previous = pages[i - 1];
    if (previous !== undefined && !inSequence(previous.page, number.page)) run = [];
    run.push(number);
    const next = pages[i + 1];
    if (next === undefined || !inSequence(number.page, next.page)) {
      if (run.length < MIN_BARE_RUN) for (const { line } of run) shortRuns.add(line);
    }
  }
  return { pageNumbers: new Set(pages.map(({ line }) => line)), shortRuns };
}

/** The form of a page number, its digits aside: `- 12 -` is `- # -`, `12 / 40` is `# / #`. */
function numberForm(text: string): string {
  return text.trim().replace(/\d+/g, '#').replace(/\s+/g, ' ');
}

/** A line holding form feeds becomes its parts with a form-feed line (a page break) between them. */
function splitAtFormFeeds(line: FileLine): FileLine[] {
  if (!line.text.includes(FORM_FEED)) return [line];
  const printed = line.printed?.split(FORM_FEED);
  return line.text.split(FORM_FEED).flatMap((text, i) => [
    ...(i > 0 ? [{ text: FORM_FEED, fileLine: line.fileLine }] : []),
    // A line holding only a form feed is a page starting with an empty line: the empty line is kept,
    // as the blank lines of a page break count (`paragraphBreaks`).
    { text, fileLine: line.fileLine, printed: printed?.[i] },
  ]);
}

interface Zone {
  readonly first: number;
  readonly last: number;
}

/** Each page break widened over the furniture around it (0-based, inclusive); overlapping zones merged. */
function breakZones(
  lines: readonly FileLine[],
  isBreak: (line: FileLine) => boolean,
  isFurniture: (line: FileLine) => boolean,
): Zone[] {
  const zones: Zone[] = [];
  lines.forEach((line, at) => {
    if (!isBreak(line)) return;
    const previous = zones.at(-1);
    if (previous && previous.last >= at) return;
    let first = at;
    while (first > 0 && isFurniture(lines[first - 1] as FileLine)) first--;
    let last = at;
    while (last + 1 < lines.length && isFurniture(lines[last + 1] as FileLine)) last++;
    zones.push({ first, last });
  });
  return zones;
}

/**
 * Texts next to page breaks (the first line outside a zone on either side) at enough breaks to be furniture,
 * and nowhere else but once. Each line counts once: a short page's only line touches two breaks, but is one
 * line of content.
 */
function runningTexts(zones: readonly Zone[], lines: readonly FileLine[]): Set<string> {
  const neighbours = new Set(zones.flatMap(({ first, last }) => [first - 1, last + 1]));
  const seen = new Map<string, number>();
  for (const index of neighbours) {
    const text = lines[index]?.text.trim();
    if (text) seen.set(text, (seen.get(text) ?? 0) + 1);
  }
  const enough = Math.max(2, Math.ceil(zones.length / 2));
  // A header is printed at page breaks only (and once on the first page): a text also printed elsewhere is a
  // heading of the content (004's 推進のための取組, once per plan) that a page break happened to fall next to.
  const printed = new Map<string, number>();
  for (const line of lines) printed.set(line.text.trim(), (printed.get(line.text.trim()) ?? 0) + 1);
  return new Set(
    [...seen].filter(([text, count]) => count >= enough && (printed.get(text) ?? 0) - count <= 1).map(([text]) => text),
  );
}

function range(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}
