/**
 * An indicator's name that reads on its own, outside the table it is printed in. A row of 001's 成果指標 table
 * may refer to the row above it (5-5-2: 上記のうち高齢者が関係した事故発生件数, 001 line 299, under line 298's
 * 市内における交通人身事故発生件数(年間)); on a dashboard card, in a spreadsheet row or a search result there is no
 * row above, so 上記 is replaced by the name it points to (its trailing bracketed note, such as (年間), dropped:
 * the note belongs to the count, not to the subject). Any other name stands as printed. The printed name stays
 * beside it (the indicator's `printedName`).
 */
const ABOVE = /^上記(?=の)/;
const TRAILING_NOTE = /\s*[(（[［][^()（）[\]［］]*[)）\]］]\s*$/;

export function standaloneName(printed: string, above: string | null): string {
  if (above === null || !ABOVE.test(printed)) return printed;
  // A function, not a string: a name holding `$` must not be read as a replacement pattern.
  const named = above.replace(TRAILING_NOTE, '');
  return printed.replace(ABOVE, () => named);
}
