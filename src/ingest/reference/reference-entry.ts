import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { SourceRef } from '../source-document';
import { ReferenceDataError } from './reference-data-error';

/**
 * One mapping of a reference list, read through typed accessors that throw a ReferenceDataError naming
 * the file, the entry and the key. The tables are hand-curated, so every value is checked: a typo in a
 * colour or a slug must stop ingestion rather than reach the graph.
 */
export class ReferenceEntry {
  constructor(
    private readonly raw: Readonly<Record<string, unknown>>,
    /** `seed/reference/sdgs.yaml: sdgs[3]` */
    private readonly position: string,
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
    const ref = new ReferenceEntry(value, `${this.where}.${key}`);
    ref.allowOnly(['document', 'line']);
    return {
      document: ref.text('document', {
        pattern: /^\S+\.txt$/,
        description: 'a file name of seed/sources/',
      }),
      line: ref.integer('line', 1, Number.MAX_SAFE_INTEGER),
    };
  }

  /** An optional list of mappings (absent means empty). */
  entries(key: string): ReferenceEntry[] {
    const value = this.raw[key];
    if (value === undefined) return [];
    if (!Array.isArray(value)) this.fail(`'${key}' must be a list, found ${show(value)}`);
    return value.map((item: unknown, i) => {
      if (!isRecord(item)) this.fail(`'${key}[${i}]' must be a mapping, found ${show(item)}`);
      return new ReferenceEntry(item, `${this.where}.${key}[${i}]`);
    });
  }

  fail(problem: string): never {
    throw new ReferenceDataError(`${this.where}: ${problem}`);
  }
}

/** The entries of the list under `listKey` in `directory/file`. */
export function readReferenceList(directory: string, file: string, listKey: string): ReferenceEntry[] {
  const path = join(directory, file);
  let document: unknown;
  try {
    document = parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ReferenceDataError(
      `${path}: cannot be read as YAML: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const list = isRecord(document) ? document[listKey] : undefined;
  if (!Array.isArray(list)) {
    throw new ReferenceDataError(`${path}: expected a mapping with a '${listKey}' list at the top level`);
  }
  return list.map((item: unknown, i) => {
    const position = `${path}: ${listKey}[${i}]`;
    if (!isRecord(item)) throw new ReferenceDataError(`${position}: expected a mapping, found ${show(item)}`);
    return new ReferenceEntry(item, position);
  });
}

/**
 * Throws when two records share a key (`keyOf` returns the keys a record claims, e.g. a department's
 * name and aliases). Lookups by key would otherwise silently return whichever came first.
 */
export function requireUnique<T>(
  records: readonly T[],
  keysOf: (record: T) => readonly string[],
  describe: (record: T) => string,
  what: string,
): void {
  const owner = new Map<string, T>();
  for (const record of records) {
    for (const key of keysOf(record)) {
      const earlier = owner.get(key);
      if (earlier !== undefined && earlier !== record) {
        throw new ReferenceDataError(
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
