import { type CuratedEntry, readCuratedList } from './curated-entry';
import { SourceDocument } from './source-document';

/** A typo or extraction defect fixed on one line of one document before parsing. */
export interface TextFix {
  readonly document: string;
  readonly line: number;
  readonly find: string;
  readonly replace: string;
  readonly reason: string;
}

/** A merge-time judgement call; `key` names the rule that consults it, `value` is its answer. */
export interface Decision {
  readonly key: string;
  readonly document: string;
  readonly line: number;
  readonly value: string;
  readonly reason: string;
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
  return {
    textFixes: read('textFixes').map((entry) => {
      entry.allowOnly(['document', 'line', 'find', 'replace', 'reason']);
      return {
        document: entry.sourceFile('document'),
        line: entry.integer('line', 1, Number.MAX_SAFE_INTEGER),
        find: entry.text('find'),
        replace: entry.string('replace'),
        reason: entry.text('reason'),
      };
    }),
    decisions: read('decisions').map((entry) => {
      entry.allowOnly(['key', 'document', 'line', 'value', 'reason']);
      return {
        key: entry.text('key'),
        document: entry.sourceFile('document'),
        line: entry.integer('line', 1, Number.MAX_SAFE_INTEGER),
        value: entry.text('value'),
        reason: entry.text('reason'),
      };
    }),
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
