import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
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
  const raw: unknown = parse(readFileSync(path, 'utf8'));
  if (!isRecord(raw)) throw new CorrectionError(`${path}: expected a mapping at the top level`);
  return {
    textFixes: list(raw, 'textFixes', path).map((entry, i) => ({
      document: str(entry, 'document', `${path}: textFixes[${i}]`),
      line: int(entry, 'line', `${path}: textFixes[${i}]`),
      find: str(entry, 'find', `${path}: textFixes[${i}]`),
      replace: str(entry, 'replace', `${path}: textFixes[${i}]`, true),
      reason: str(entry, 'reason', `${path}: textFixes[${i}]`),
    })),
    decisions: list(raw, 'decisions', path).map((entry, i) => ({
      key: str(entry, 'key', `${path}: decisions[${i}]`),
      document: str(entry, 'document', `${path}: decisions[${i}]`),
      line: int(entry, 'line', `${path}: decisions[${i}]`),
      value: str(entry, 'value', `${path}: decisions[${i}]`),
      reason: str(entry, 'reason', `${path}: decisions[${i}]`),
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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function list(raw: Record<string, unknown>, key: string, where: string): Record<string, unknown>[] {
  const value = raw[key] ?? [];
  if (!Array.isArray(value) || !value.every(isRecord)) {
    throw new CorrectionError(`${where}: '${key}' must be a list of mappings`);
  }
  return value;
}

function str(entry: Record<string, unknown>, key: string, where: string, allowEmpty = false): string {
  const value = entry[key];
  if (typeof value !== 'string' || (!allowEmpty && value.trim() === '')) {
    throw new CorrectionError(`${where}: '${key}' must be a non-empty string`);
  }
  return value;
}

function int(entry: Record<string, unknown>, key: string, where: string): number {
  const value = entry[key];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new CorrectionError(`${where}: '${key}' must be a positive whole number`);
  }
  return value;
}
