import { SEARCHABLE_FIELDS } from '../../graph/searchable-fields';
import { matchKey } from '../../core/text/index';

/** Characters with a meaning in Lucene's query syntax; escaped so user text is always literal. */
const LUCENE_SPECIAL = /[+\-!(){}[\]^"~*?:\\/&|]/g;

/**
 * The Lucene query for what a user typed: each whitespace-separated term as a quoted phrase (so the cjk
 * analyzer's bigrams must appear together and in order), all terms required.
 */
export function luceneQuery(text: string): string {
  return text
    .normalize('NFKC')
    .split(/\s+/)
    .filter((term) => term !== '')
    .map((term) => `"${term.replace(LUCENE_SPECIAL, (c) => `\\${c}`)}"`)
    .join(' AND ');
}

/**
 * Which property matched and a short snippet around the match. Matching is done on folded text (width,
 * case, spaces), then mapped back to the stored text so the snippet shows the document's own wording.
 * Fields are tried in SEARCHABLE_FIELDS order, the same list the merge folds into `searchText`, so a
 * substring hit is always located. Only a full-text hit whose terms are not one contiguous text (several
 * words) finds no field; it is reported on `name`, with the name's start as snippet.
 */
export function locateMatch(
  text: string,
  properties: Readonly<Record<string, unknown>>,
): { field: string; snippet: string } {
  const wanted = matchKey(text);
  for (const field of SEARCHABLE_FIELDS) {
    const value = properties[field];
    if (typeof value !== 'string') continue;
    const at = foldedIndex(value, wanted);
    if (at !== null) return { field, snippet: snippet(value, at.start, at.end) };
  }
  const name = typeof properties.name === 'string' ? properties.name : '';
  return { field: 'name', snippet: snippet(name, 0, 0) };
}

/** Where `wanted` (folded) occurs in `value`, as positions in the original string; null when absent. */
function foldedIndex(value: string, wanted: string): { start: number; end: number } | null {
  if (wanted === '') return null;
  const folded: string[] = [];
  const origin: number[] = [];
  [...value].forEach((char, index) => {
    for (const f of matchKey(char)) {
      folded.push(f);
      origin.push(index);
    }
  });
  const at = folded.join('').indexOf(wanted);
  if (at < 0) return null;
  const chars = [...value];
  const start = origin[at] ?? 0;
  const end = (origin[at + wanted.length - 1] ?? start) + 1;
  return { start: chars.slice(0, start).join('').length, end: chars.slice(0, end).join('').length };
}

const CONTEXT = 20;

function snippet(value: string, start: number, end: number): string {
  const from = Math.max(0, start - CONTEXT);
  const to = Math.min(value.length, Math.max(end, start) + CONTEXT);
  return `${from > 0 ? '…' : ''}${value.slice(from, to)}${to < value.length ? '…' : ''}`;
}
