import { type CuratedEntry, readCuratedList } from './curated-entry';
import { documentStem, formatRef, type SourceDocument } from './source-document';

/**
 * A typo or extraction defect fixed in one document before parsing. It is found by its content, not by a
 * line number: `find` inside `within` (a longer text around it on the same line, when `find` alone occurs
 * more than once), so the fix still applies when another extraction moves the line.
 */
export interface TextFix {
  readonly document: string;
  readonly find: string;
  /** The text that must occur exactly once in the document; `find` itself when no context is needed. */
  readonly within: string;
  readonly replace: string;
  readonly reason: string;
  /** `seed/corrections.yaml: textFixes[3] (line 31)`: where the fix is written, for messages. */
  readonly entry: string;
}

/** A merge-time judgement call on one entity; `key` names the rule and the entity (`project-swap:6-1:2-3`). */
export interface Decision {
  readonly key: string;
  readonly value: string;
  readonly reason: string;
  readonly entry: string;
}

export interface Corrections {
  readonly textFixes: readonly TextFix[];
  readonly decisions: readonly Decision[];
}

/** Thrown when the corrections file is malformed or no longer matches the documents. */
export class CorrectionError extends Error {
  override name = 'CorrectionError';
}

export function loadCorrections(path: string): Corrections {
  const read = (listKey: string): CuratedEntry[] => readCuratedList(path, listKey, CorrectionError, { optional: true });
  const entryName = (entry: CuratedEntry): string => `${entry.where} (line ${entry.line})`;
  return {
    textFixes: read('textFixes').map((entry) => {
      entry.allowOnly(['document', 'find', 'within', 'replace', 'reason']);
      const find = entry.text('find');
      const within = entry.optionalText('within') ?? find;
      if (!within.includes(find)) entry.fail(`'within' must contain 'find' (${JSON.stringify(find)})`);
      return {
        document: entry.sourceFile('document'),
        find,
        within,
        replace: entry.string('replace'),
        reason: entry.text('reason'),
        entry: entryName(entry),
      };
    }),
    decisions: read('decisions').map((entry) => {
      entry.allowOnly(['key', 'value', 'reason']);
      return {
        key: entry.text('key'),
        value: entry.text('value'),
        reason: entry.text('reason'),
        entry: entryName(entry),
      };
    }),
  };
}

/**
 * Returns a copy of `doc` with the fixes for it applied. Each fix's `within` text must occur exactly once
 * in the document: found nowhere, the document changed under the correction; found twice, the fix would
 * be a guess. Either stops ingestion with the fix's name and the places looked at (document:line, the
 * source line, so a reader opens the file there).
 */
export function applyTextFixes(doc: SourceDocument, fixes: readonly TextFix[]): SourceDocument {
  const lines = [...doc.lines];
  for (const fix of fixes) {
    // A fix names the text file; it applies to the same document read from its PDF.
    if (documentStem(fix.document) !== documentStem(doc.name)) continue;
    const found = occurrences(lines, fix.within);
    const fixed = fix.within.split(fix.find).join(fix.replace);
    const [only] = found;
    if (found.length === 0) {
      const broken = brokenOccurrences(lines, fix.within);
      const [once] = broken;
      if (once === undefined || broken.length > 1) {
        throw new CorrectionError(
          mismatch(
            doc,
            lines,
            fix,
            broken.map((pieces) => pieces[0]?.line ?? 0),
          ),
        );
      }
      fixBroken(lines, once, fixed);
      continue;
    }
    if (only === undefined || found.length > 1) throw new CorrectionError(mismatch(doc, lines, fix, found));
    const line = lines[only] ?? '';
    lines[only] = line.replace(fix.within, fixed);
  }
  return doc.withLines(lines);
}

/** A piece of a text broken over lines: on 0-based line `line`, the characters `from`…`to` (exclusive). */
interface BrokenPiece {
  readonly line: number;
  readonly from: number;
  readonly to: number;
}

/**
 * Where `text` occurs broken over lines, as a layout wraps a paragraph or a table cell (the rest under its
 * cell on the next non-blank lines): the first piece ends its line or cell, each further piece starts a cell
 * or a line. A fix names the text, not the width the document was set at.
 */
function brokenOccurrences(lines: readonly string[], text: string): BrokenPiece[][] {
  const found: BrokenPiece[][] = [];
  lines.forEach((line, index) => {
    for (let k = 1; k < text.length; k++) {
      const head = text.slice(0, k);
      for (let at = line.indexOf(head); at >= 0; at = line.indexOf(head, at + 1)) {
        const end = at + head.length;
        if (!/^\s*(?:\t|$)/.test(line.slice(end))) continue;
        const rest = restOf(lines, index + 1, text.slice(k));
        if (rest) found.push([{ line: index, from: at, to: end }, ...rest]);
      }
    }
  });
  return found;
}

/** The pieces of `rest` at the start of cells on the lines from `from` on (blank lines skipped), or null. */
function restOf(lines: readonly string[], from: number, rest: string): BrokenPiece[] | null {
  let line = from;
  while (line < lines.length && (lines[line] ?? '').trim() === '') line++;
  const text = lines[line];
  if (text === undefined) return null;
  let start = 0;
  for (const cell of text.split('\t')) {
    const at = start + (cell.length - cell.trimStart().length);
    const piece = cell.trim();
    if (piece !== '' && piece.startsWith(rest)) return [{ line, from: at, to: at + rest.length }];
    if (piece !== '' && rest.startsWith(piece)) {
      const further = restOf(lines, line + 1, rest.slice(piece.length));
      if (further) return [{ line, from: at, to: at + piece.length }, ...further];
    }
    start += cell.length + 1;
  }
  return null;
}

/** The fixed text in place of the first piece, the further pieces removed (their cells keep their place). */
function fixBroken(lines: string[], pieces: readonly BrokenPiece[], fixed: string): void {
  pieces.forEach(({ line, from, to }, i) => {
    const text = lines[line] ?? '';
    lines[line] = text.slice(0, from) + (i === 0 ? fixed : '') + text.slice(to);
  });
}

/** 0-based indexes of the lines holding `text`, one entry per occurrence. */
function occurrences(lines: readonly string[], text: string): number[] {
  return lines.flatMap((line, index) => Array<number>(line.split(text).length - 1).fill(index));
}

function mismatch(doc: SourceDocument, lines: readonly string[], fix: TextFix, found: readonly number[]): string {
  const places = (indexes: readonly number[]): string =>
    [...new Set(indexes)].map((index) => formatRef(doc.ref(index + 1))).join(', ');
  const what = `${fix.entry}: correction ${JSON.stringify(fix.find)} → ${JSON.stringify(fix.replace)}`;
  if (found.length > 1) {
    return `${what}: ${JSON.stringify(fix.within)} occurs ${found.length} times in ${doc.name} (${places(found)}); give 'within' the text around the one to fix`;
  }
  const alone = fix.within === fix.find ? [] : occurrences(lines, fix.find);
  const candidates = alone.length > 0 ? `; ${JSON.stringify(fix.find)} alone occurs at ${places(alone)}` : '';
  return `${what}: ${JSON.stringify(fix.within)} is nowhere in ${doc.name} (looked at all ${lines.length} lines)${candidates}`;
}

/** The decision for `key`, or an error naming the key when the file lacks it. */
export function decision(corrections: Corrections, key: string): Decision {
  const found = corrections.decisions.find((d) => d.key === key);
  if (!found) throw new CorrectionError(`seed/corrections.yaml: no decision with key '${key}'`);
  return found;
}
