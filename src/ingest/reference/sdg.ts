import { join } from 'node:path';
import type { SourceRef } from '../source-document';
import { readReferenceList, referenceSource, requireUniqueEntries } from './reference-list';

export const SDGS_FILE = 'sdgs.yaml';

/** One of the 17 Sustainable Development Goals. */
export interface Sdg {
  /** 1 … 17 */
  readonly number: number;
  /** The Japanese title as the Government of Japan writes it (not the documents' misspellings). */
  readonly name: string;
  /** The UN short title. */
  readonly nameEn: string;
  /** The UN's goal colour, `#RRGGBB`. */
  readonly color: string;
  /** The entry in sdgs.yaml: the documents name goals by number but do not describe them. */
  readonly source: SourceRef;
}

const HEX_COLOUR = {
  pattern: /^#[0-9A-Fa-f]{6}$/,
  description: 'a hex colour such as #E5243B',
};

/** Reads seed/reference/sdgs.yaml (the `sdgs:` list) from `directory`. */
export function loadSdgs(directory: string): Sdg[] {
  const sdgs = readReferenceList(directory, SDGS_FILE, 'sdgs').map((entry): Sdg => {
    entry.allowOnly(['number', 'name', 'nameEn', 'color']);
    return {
      number: entry.integer('number', 1, 17),
      name: entry.text('name'),
      nameEn: entry.text('nameEn'),
      color: entry.text('color', HEX_COLOUR).toUpperCase(),
      source: referenceSource(SDGS_FILE, entry),
    };
  });
  requireUniqueEntries(
    sdgs,
    (sdg) => [String(sdg.number)],
    (sdg) => `${join(directory, SDGS_FILE)}: SDG ${sdg.number}`,
    'number',
  );
  return sdgs;
}
