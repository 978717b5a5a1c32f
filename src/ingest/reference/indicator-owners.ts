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

/** A reviewed judgement: the measures an indicator reports on, their departments, and the lines it rests on. */
export interface ReviewedIndicatorOwners {
  readonly indicator: string;
  readonly measures: readonly string[];
  /** Department names as the documents write them; the merge checks them against the measures' departments. */
  readonly departments: readonly string[];
  readonly reason: string;
  readonly evidence: readonly CitedLine[];
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
    entry.allowOnly(['indicator', 'measures', 'departments', 'reason', 'evidence']);
    const evidence = entry.entries('evidence').map(citedLine);
    if (evidence.length === 0 || evidence.length > MAX_CITED_LINES) {
      entry.fail(`'evidence' must cite 1 to ${MAX_CITED_LINES} lines, found ${evidence.length}`);
    }
    return {
      indicator: entry.text('indicator', INDICATOR_ID),
      measures: entry.texts('measures', MEASURE_ID),
      departments: entry.texts('departments'),
      reason: entry.text('reason'),
      evidence,
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

function citedLine(entry: CuratedEntry): CitedLine {
  entry.allowOnly(['document', 'line', 'says']);
  return {
    document: entry.sourceFile('document'),
    line: entry.integer('line', 1, Number.MAX_SAFE_INTEGER),
    says: entry.text('says'),
  };
}
