import { readFileSync } from 'node:fs';
import { isNode, isSeq, LineCounter, parseDocument } from 'yaml';
import type { SourceRef } from './source-document';

/**
 * The one way hand-curated YAML (seed/corrections.yaml, seed/reference/*.yaml) is read: a file holds
 * top-level lists of mappings, and each mapping is read through typed accessors that throw an error naming
 * the file, the entry and the key. Every value is checked, because a typo in a colour, a slug or a line
 * number must stop ingestion rather than reach the graph. Each entry knows its line in the file, which
 * becomes the provenance of what the graph builds from it.
 */

/** The error a loader throws for its file (ReferenceDataError, CorrectionError), so callers can tell them apart. */
export type CuratedDataErrorClass = new (message: string) => Error;

export class CuratedEntry {
  constructor(
    private readonly raw: Readonly<Record<string, unknown>>,
    /** `seed/reference/sdgs.yaml: sdgs[3]` */
    private readonly position: string,
    /** 1-based line of the entry in its file. */
    readonly line: number,
    private readonly Failure: CuratedDataErrorClass,
  ) {}

  /** Where this entry is, for messages: the position plus its id, name or number when readable. */
  get where(): string {
    for (const key of ['id', 'name', 'number']) {
      const value = this.raw[key];
      if (typeof value === 'string' || typeof value === 'number') return `${this.position} (${key} ${value})`;
    }
    return this.position;
  }

  /** Rejects keys outside `allowed`: a misspelt optional key (`alias:`) would otherwise be ignored. */
  allowOnly(allowed: readonly string[]): void {
    const unknown = Object.keys(this.raw).filter((key) => !allowed.includes(key));
    if (unknown.length > 0) {
      this.fail(`unknown key${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `'${k}'`).join(', ')}`);
    }
  }

  /** A non-empty string; `shape` optionally constrains it further. */
  text(key: string, shape?: { readonly pattern: RegExp; readonly description: string }): string {
    const value = this.raw[key];
    if (typeof value !== 'string' || value.trim() === '') {
      this.fail(`'${key}' must be a non-empty string, found ${show(value)}`);
    }
    if (shape && !shape.pattern.test(value)) {
      this.fail(`'${key}' must be ${shape.description}, found ${show(value)}`);
    }
    return value;
  }

  /** A non-empty string, or undefined when the key is absent. */
  optionalText(key: string): string | undefined {
    return this.raw[key] === undefined ? undefined : this.text(key);
  }

  /** A non-empty list of non-empty strings, each optionally of `shape`. */
  texts(key: string, shape?: { readonly pattern: RegExp; readonly description: string }): string[] {
    const value = this.raw[key];
    if (!Array.isArray(value) || value.length === 0) {
      this.fail(`'${key}' must be a non-empty list of strings, found ${show(value)}`);
    }
    return value.map((item: unknown, i) => {
      if (typeof item !== 'string' || item.trim() === '' || (shape !== undefined && !shape.pattern.test(item))) {
        this.fail(`'${key}[${i}]' must be ${shape?.description ?? 'a non-empty string'}, found ${show(item)}`);
      }
      return item;
    });
  }

  /** A string that may be empty (a text fix that deletes its `find`). */
  string(key: string): string {
    const value = this.raw[key];
    if (typeof value !== 'string') this.fail(`'${key}' must be a string, found ${show(value)}`);
    return value;
  }

  integer(key: string, min: number, max: number): number {
    const value = this.raw[key];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      this.fail(`'${key}' must be a whole number from ${min} to ${max}, found ${show(value)}`);
    }
    return value;
  }

  /** A `{ document, line }` mapping: where in the source documents the value was seen. */
  sourceRef(key: string): SourceRef {
    const value = this.raw[key];
    if (!isRecord(value)) this.fail(`'${key}' must be a mapping { document, line }, found ${show(value)}`);
    const ref = new CuratedEntry(value, `${this.where}.${key}`, this.line, this.Failure);
    ref.allowOnly(['document', 'line']);
    return { document: ref.sourceFile('document'), line: ref.integer('line', 1, Number.MAX_SAFE_INTEGER) };
  }

  /** The name of a file of seed/sources/ (`003_333ee31cbdb593ac.txt`). */
  sourceFile(key: string): string {
    return this.text(key, { pattern: /^\S+\.txt$/, description: 'a file name of seed/sources/' });
  }

  /** An optional list of mappings (absent means empty). */
  entries(key: string): CuratedEntry[] {
    const value = this.raw[key];
    if (value === undefined) return [];
    if (!Array.isArray(value)) this.fail(`'${key}' must be a list, found ${show(value)}`);
    return value.map((item: unknown, i) => {
      if (!isRecord(item)) this.fail(`'${key}[${i}]' must be a mapping, found ${show(item)}`);
      return new CuratedEntry(item, `${this.where}.${key}[${i}]`, this.line, this.Failure);
    });
  }

  fail(problem: string): never {
    throw new this.Failure(`${this.where}: ${problem}`);
  }
}

/**
 * The entries of the top-level list `listKey` in the YAML file at `path`. A missing list is an error unless
 * `optional` (then it reads as empty).
 */
export function readCuratedList(
  path: string,
  listKey: string,
  Failure: CuratedDataErrorClass,
  { optional = false }: { readonly optional?: boolean } = {},
): CuratedEntry[] {
  const lineCounter = new LineCounter();
  const document = parseDocument(readFileSync(path, 'utf8'), { lineCounter });
  const [syntaxError] = document.errors;
  if (syntaxError) throw new Failure(`${path}: cannot be read as YAML: ${syntaxError.message}`);
  const root: unknown = document.toJS();
  const list = isRecord(root) ? root[listKey] : undefined;
  if (list === undefined && optional) return [];
  if (!Array.isArray(list)) {
    throw new Failure(`${path}: expected a mapping with a '${listKey}' list at the top level`);
  }
  const node: unknown = document.get(listKey, true);
  const items = isSeq(node) ? node.items : [];
  return list.map((item: unknown, i) => {
    const position = `${path}: ${listKey}[${i}]`;
    if (!isRecord(item)) throw new Failure(`${position}: expected a mapping, found ${show(item)}`);
    const itemNode = items[i];
    const offset = isNode(itemNode) ? (itemNode.range?.[0] ?? 0) : 0;
    return new CuratedEntry(item, position, lineCounter.linePos(offset).line, Failure);
  });
}

/**
 * Throws `Failure` when two records share a key (`keyOf` returns the keys a record claims, e.g. a
 * department's name and aliases). Lookups by key would otherwise silently return whichever came first.
 */
export function requireUnique<T>(
  records: readonly T[],
  keysOf: (record: T) => readonly string[],
  describe: (record: T) => string,
  what: string,
  Failure: CuratedDataErrorClass,
): void {
  const owner = new Map<string, T>();
  for (const record of records) {
    for (const key of keysOf(record)) {
      const earlier = owner.get(key);
      if (earlier !== undefined && earlier !== record) {
        throw new Failure(
          `${describe(record)}: ${what} ${JSON.stringify(key)} is already used by ${describe(earlier)}`,
        );
      }
      owner.set(key, record);
    }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}
