/** The most characters of one client-chosen value a log line keeps: enough to recognise it, too few to flood. */
export const CLIENT_TEXT_MAX_CHARS = 256;

/**
 * Characters that could move a terminal's cursor or forge a line: C0 and C1 controls (line feed, carriage
 * return, escape sequences), DEL, the Unicode line and paragraph separators, and the bidirectional overrides
 * and isolates that make text read in another order than it is stored.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `text` with every unsafe character written as a visible `\uXXXX`, so it stays on its line and reads as sent. */
export function escapeControlCharacters(text: string): string {
  return text.replace(UNSAFE, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A value a client chose (an operation name, a path, an Origin, a close reason), as a log line may hold it:
 * its unsafe characters escaped, and past `max` characters cut, the cut noted with the original length
 * (`…[cut: 20480 characters]`). A client's value can then neither start a line of its own nor make a line of
 * kilobytes, in JSON or in pretty output.
 */
export function clientText(value: string, max: number = CLIENT_TEXT_MAX_CHARS): string {
  if (value.length <= max) return escapeControlCharacters(value);
  // Never half a surrogate pair: a lone one is not valid UTF-8 text.
  const end = isHighSurrogate(value.charCodeAt(max - 1)) ? max - 1 : max;
  return `${escapeControlCharacters(value.slice(0, end))}…[cut: ${value.length} characters]`;
}

/** clientText of a value that may be absent; absent stays absent. */
export function clientTextOrNull(value: string | null | undefined): string | null {
  return value === null || value === undefined ? null : clientText(value);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
