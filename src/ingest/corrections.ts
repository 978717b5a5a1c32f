import { type CuratedEntry, readCuratedList } from './curated-entry';
import { SourceDocument, type SourceRef } from './source-document';

/** One reviewed correction: the document line it concerns (`document`, `line`) and why it is made. */
interface Correction extends SourceRef {
  readonly reason: string;
}

/** A typo or extraction defect fixed on one line of one document before parsing. */
export interface TextFix extends Correction {
  readonly find: string;
  readonly replace: string;
}

/** A merge-time judgement call; `key` names the rule that consults it, `value` is its answer. */
export interface Decision extends Correction {
  readonly key: string;
  readonly value: string;
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
  const correction = (entry: CuratedEntry, keys: readonly string[]): Correction => {
    entry.allowOnly(['document', 'line', 'reason', ...keys]);
    return {
      document: entry.sourceFile('document'),
      line: entry.integer('line', 1, Number.MAX_SAFE_INTEGER),
      reason: entry.text('reason'),
    };
  };
  return {
    textFixes: read('textFixes').map((entry) => ({
      ...correction(entry, ['find', 'replace']),
      find: entry.text('find'),
      replace: entry.string('replace'),
    })),
    decisions: read('decisions').map((entry) => ({
      ...correction(entry, ['key', 'value']),
      key: entry.text('key'),
      value: entry.text('value'),
    })),
  };
}

/**
 * Returns a copy of `doc` with the fixes for it applied. A fix whose `find` text is not on its line
 * is an error: the document changed under the correction, and a silent no-op would hide that.
 */
export function applyTextFixes(doc: SourceDocument, fixes: readonly TextFix[]): SourceDocument {
  const lines = [...doc.lines];
  for (const fix of fixes) {
    if (fix.document !== doc.name) continue;
    const current = lines[fix.line - 1];
    if (current === undefined || !current.includes(fix.find)) {
      throw new CorrectionError(
        `${fix.document}:${fix.line}: correction expects ${JSON.stringify(fix.find)} on this line, but it is not there`,
      );
    }
    lines[fix.line - 1] = current.split(fix.find).join(fix.replace);
  }
  return new SourceDocument(doc.name, lines.join('\n'));
}

/** The decision for `key`, or an error naming the key when the file lacks it. */
export function decision(corrections: Corrections, key: string): Decision {
  const found = corrections.decisions.find((d) => d.key === key);
  if (!found) throw new CorrectionError(`seed/corrections.yaml: no decision with key '${key}'`);
  return found;
}
