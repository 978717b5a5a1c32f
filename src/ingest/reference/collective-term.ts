import { join } from 'node:path';
import type { SourceRef } from '../source-document';
import { matchKey } from '../../core/text/index';
import { readReferenceList, requireUniqueEntries } from './reference-list';

export const COLLECTIVE_TERMS_FILE = 'collective-terms.yaml';

/**
 * A phrase that stands where a department name could (全庁, 関係各課, 福祉部各課): it names a group of
 * units, not one, so it must never become a Department node.
 */
export interface CollectiveTerm {
  readonly name: string;
  /** A short English gloss, e.g. "the divisions concerned". */
  readonly gloss: string;
  /** A line where the term appears; the reference test checks that it does. */
  readonly seen: SourceRef;
}

/** Reads seed/reference/collective-terms.yaml (the `collectiveTerms:` list) from `directory`. */
export function loadCollectiveTerms(directory: string): CollectiveTerm[] {
  const terms = readReferenceList(directory, COLLECTIVE_TERMS_FILE, 'collectiveTerms').map((entry): CollectiveTerm => {
    entry.allowOnly(['name', 'gloss', 'seen']);
    return {
      name: entry.text('name', {
        pattern: /^\S+$/,
        description: 'a term without spaces',
      }),
      gloss: entry.text('gloss'),
      seen: entry.sourceRef('seen'),
    };
  });
  const where = (term: CollectiveTerm): string => `${join(directory, COLLECTIVE_TERMS_FILE)}: term ${term.name}`;
  requireUniqueEntries(terms, (term) => [matchKey(term.name)], where, 'name (compared by matchKey)');
  return terms;
}
