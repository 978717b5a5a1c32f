import { join } from 'node:path';
import { MAX_CITED_LINES } from '../../graph/cited-line.type';
import type { CuratedEntry } from '../curated-entry';
import type { SourceRef } from '../source-document';
import { readReferenceList, referenceSource, requireUniqueEntries } from './reference-list';

export const INDICATOR_OWNERS_FILE = 'indicator-owners.yaml';

/** A line of a source document that supports a judgement, with the text it must contain. */
export interface CitedLine {
  readonly document: string;
  readonly line: number;
  readonly says: string;
}

/** The rules by which the file ties a department to an indicator (the basis the API gives). */
export type OwnerRule = 'MEASURE_ROW' | 'NAMED_BY_LINE';
const OWNER_RULES: readonly OwnerRule[] = ['MEASURE_ROW', 'NAMED_BY_LINE'];

/** A department that answers for a judged indicator, the rule that gave it and (NAMED_BY_LINE) its lines. */
export interface JudgedOwner {
  /** The department's name as the documents write it. */
  readonly name: string;
  readonly basis: OwnerRule;
  /** The lines naming the department with the indicator's programme; empty for MEASURE_ROW (its row is its line). */
  readonly lines: readonly CitedLine[];
}

/** A department of the measures' rows that does not answer for the indicator, and why. */
export interface LeftOutDepartment {
  readonly name: string;
  readonly reason: string;
}

/**
 * A reviewed judgement: the measures an indicator reports on, the lines naming its subject there, their
 * 評価回答部署 rows, and department by department who answers and why; no department leaves the owner
 * unconfirmed.
 */
export interface ReviewedIndicatorOwners {
  readonly indicator: string;
  readonly measures: readonly string[];
  readonly reason: string;
  /** The measure's text naming the indicator's subject. */
  readonly evidence: readonly CitedLine[];
  /** The measures' 評価回答部署 rows: the line of every MEASURE_ROW department. */
  readonly rows: readonly CitedLine[];
  readonly departments: readonly JudgedOwner[];
  readonly leftOut: readonly LeftOutDepartment[];
  readonly source: SourceRef;
}

/** An indicator the file leaves to its policy item (every department of the item's measures), and why. */
export interface IndicatorOwnedByPolicyItem {
  readonly indicator: string;
  readonly reason: string;
  readonly source: SourceRef;
}

/** seed/reference/indicator-owners.yaml, read and checked for shape (the merge checks it against the graph). */
export interface IndicatorOwnersReference {
  readonly owners: readonly ReviewedIndicatorOwners[];
  readonly byPolicyItem: readonly IndicatorOwnedByPolicyItem[];
}

const INDICATOR_ID = { pattern: /^indicator:\d-\d{1,2}-\d{1,2}$/, description: 'an indicator id (indicator:5-1-1)' };
const MEASURE_ID = { pattern: /^measure:\d-\d{1,2}-d?\d{1,2}$/, description: 'a measure id (measure:5-1-1)' };

/** Reads seed/reference/indicator-owners.yaml from `directory`; an indicator listed twice is an error. */
export function loadIndicatorOwners(directory: string): IndicatorOwnersReference {
  const owners = readReferenceList(directory, INDICATOR_OWNERS_FILE, 'owners').map((entry): ReviewedIndicatorOwners => {
    entry.allowOnly(['indicator', 'measures', 'reason', 'evidence', 'rows', 'departments', 'leftOut']);
    const evidence = citedLines(entry, 'evidence', 1);
    const rows = citedLines(entry, 'rows', 1);
    const departments = entry.entries('departments').map((owner) => judgedOwner(owner, rows));
    const leftOut = entry.entries('leftOut').map((left): LeftOutDepartment => {
      left.allowOnly(['name', 'reason']);
      return { name: left.text('name'), reason: left.text('reason') };
    });
    const named = [...departments, ...leftOut].map((d) => d.name);
    const twice = named.find((name, i) => named.indexOf(name) !== i);
    if (twice !== undefined) entry.fail(`department ${twice} is listed twice in 'departments' and 'leftOut'`);
    return {
      indicator: entry.text('indicator', INDICATOR_ID),
      measures: entry.texts('measures', MEASURE_ID),
      reason: entry.text('reason'),
      evidence,
      rows,
      departments,
      leftOut,
      source: referenceSource(INDICATOR_OWNERS_FILE, entry),
    };
  });
  const byPolicyItem = readReferenceList(directory, INDICATOR_OWNERS_FILE, 'byPolicyItem').map(
    (entry): IndicatorOwnedByPolicyItem => {
      entry.allowOnly(['indicator', 'reason']);
      return {
        indicator: entry.text('indicator', INDICATOR_ID),
        reason: entry.text('reason'),
        source: referenceSource(INDICATOR_OWNERS_FILE, entry),
      };
    },
  );
  requireUniqueEntries(
    [...owners, ...byPolicyItem],
    (entry) => [entry.indicator],
    (entry) => `${join(directory, INDICATOR_OWNERS_FILE)}: line ${entry.source.line}`,
    'indicator',
  );
  return { owners, byPolicyItem };
}

/** The cited lines under `key`: at least `min`, at most MAX_CITED_LINES. */
function citedLines(entry: CuratedEntry, key: string, min: number): CitedLine[] {
  const lines = entry.entries(key).map(citedLine);
  if (lines.length < min || lines.length > MAX_CITED_LINES) {
    entry.fail(`'${key}' must cite ${min} to ${MAX_CITED_LINES} lines, found ${lines.length}`);
  }
  return lines;
}

/**
 * A department of `departments`: its rule, and a line naming it (its measure's row for MEASURE_ROW, one of
 * its own `lines` for NAMED_BY_LINE), so that no department is credited without a line that names it.
 */
function judgedOwner(entry: CuratedEntry, rows: readonly CitedLine[]): JudgedOwner {
  entry.allowOnly(['name', 'basis', 'lines']);
  const name = entry.text('name');
  const basis = entry.text('basis', {
    pattern: new RegExp(`^(${OWNER_RULES.join('|')})$`),
    description: OWNER_RULES.join(' or '),
  }) as OwnerRule;
  const lines = basis === 'NAMED_BY_LINE' ? citedLines(entry, 'lines', 1) : citedLines(entry, 'lines', 0);
  if (basis === 'MEASURE_ROW' && lines.length > 0) entry.fail("a MEASURE_ROW department's line is its row: no 'lines'");
  const naming = basis === 'MEASURE_ROW' ? rows : lines;
  if (!naming.some((line) => line.says.includes(name))) {
    entry.fail(
      basis === 'MEASURE_ROW'
        ? `${name} is on none of the entry's 'rows' as quoted`
        : `none of its 'lines' names ${name} as quoted`,
    );
  }
  return { name, basis, lines };
}

function citedLine(entry: CuratedEntry): CitedLine {
  entry.allowOnly(['document', 'line', 'says']);
  return {
    document: entry.sourceFile('document'),
    line: entry.integer('line', 1, Number.MAX_SAFE_INTEGER),
    says: entry.text('says'),
  };
}
