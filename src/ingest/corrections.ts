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
    const [only] = found;
    if (only === undefined || found.length > 1) throw new CorrectionError(mismatch(doc, lines, fix, found));
    const line = lines[only] ?? '';
    lines[only] = line.replace(fix.within, fix.within.split(fix.find).join(fix.replace));
  }
  return doc.withLines(lines);
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
