import { foldWidth, tidy } from '../../core/text/index';

/** An area's number and name as a heading or a sheet's 改革分野 cell writes them. */
export interface AreaLabel {
  readonly number: number;
  readonly name: string;
}

const DIGITS = '[0-9０-９]+';

/** `1. 行政サービス改革`, as in a sheet's 改革分野 row. */
export function parseAreaLabel(text: string): AreaLabel | null {
  const match = new RegExp(`^(${DIGITS})\\s*[.．]\\s*(\\S.*)$`).exec(tidy(text));
  if (!match) return null;
  const [, digits = '', name = ''] = match;
  return { number: Number(foldWidth(digits)), name };
}

/** `改革分野1. 行政サービス改革 4`: a contents heading, the trailing number being the area's first page. */
export function parseAreaHeading(text: string): (AreaLabel & { readonly page: number | null }) | null {
  const match = new RegExp(`^改革分野\\s*(${DIGITS}\\s*[.．].*?)(?:\\s+(${DIGITS}))?$`).exec(tidy(text));
  if (!match) return null;
  const [, label = '', page] = match;
  const area = parseAreaLabel(label);
  if (!area) return null;
  return { ...area, page: page === undefined ? null : Number(foldWidth(page)) };
}
