/**
 * The name a download is saved under: the kind's Japanese title, the filter's values and the day, as a
 * planning office files it (`成果指標_企画課_2026-11-27.xlsx`), sent as RFC 6266's `filename*` (UTF-8,
 * percent-encoded per RFC 8187) with an ASCII `filename=` fallback for clients that read only that
 * (`indicators_2026-11-27.xlsx`). A filter value is the caller's text, so it is cut to what a file name may
 * hold on every desktop system and capped in length; nothing of it can end the header or the name.
 */

/** Characters no file name may carry on Windows, macOS or Linux, and controls. */
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f\s]+/gu;
/** The most characters one filter value contributes, and the most values named. */
const PART_LENGTH = 40;
const PARTS = 3;

/** What the name is made of: the kind's titles, the filter's values in the order given, the day and format. */
export interface DownloadNameParts {
  readonly title: string;
  readonly asciiTitle: string;
  readonly filterValues: readonly string[];
  /** The filter was (also) given as JSON (`filter=`), whose values are not named one by one. */
  readonly filteredOtherwise: boolean;
  readonly day: string;
  readonly format: string;
}

/** The `content-disposition` header's value for an attachment named from `parts`. */
export function contentDisposition(parts: DownloadNameParts): string {
  const { unicode, ascii } = downloadNames(parts);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${percentEncoded(unicode)}`;
}

/** The Unicode name and its ASCII fallback. */
export function downloadNames(parts: DownloadNameParts): { unicode: string; ascii: string } {
  const values = parts.filterValues
    .map((value) => [...value.replace(UNSAFE, '_').replace(/^[_.]+|_+$/g, '')].slice(0, PART_LENGTH).join(''))
    .filter((value) => value !== '')
    .slice(0, PARTS);
  const named = [...values, ...(parts.filteredOtherwise ? ['絞り込み'] : [])];
  const asciiValues = values.filter((value) => /^[A-Za-z0-9._-]+$/.test(value));
  return {
    unicode: [parts.title, ...named, parts.day].join('_') + `.${parts.format}`,
    ascii: [parts.asciiTitle, ...asciiValues, parts.day].join('_') + `.${parts.format}`,
  };
}

/** The day in Japan (the city's day, whatever the server's zone), as YYYY-MM-DD. */
export function dayInJapan(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Tokyo',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

/** RFC 8187's value-chars: attr-char kept, everything else %-encoded from UTF-8. */
function percentEncoded(text: string): string {
  return encodeURIComponent(text).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
