/** How much of a client's value an error repeats: enough to recognise it, never the whole of a long one. */
export const QUOTED_PREFIX_CHARACTERS = 40;

/**
 * A value the client sent, as an error quotes it: cut to its first 40 characters and "…" when longer (a
 * 40,000-character argument made a 120 KB answer when errors quoted it whole), then quoted as JSON, as
 * graphql-js quotes values (so a newline or a control character reads as an escape, not as itself).
 * Characters are counted as code points, so a cut never splits a surrogate pair. Every error of the service
 * that repeats what it was given quotes it through here.
 */
export function quotedInput(value: string): string {
  return JSON.stringify(inputPrefix(value));
}

/** The value cut to its first 40 characters and "…" when longer, unquoted (for JSON fields of an error). */
export function inputPrefix(value: string): string {
  // Only the head is split into code points, so the cost does not grow with the value; 81 code units hold at
  // least 41 code points, so a head of at most 40 is the whole value.
  const head = Array.from(value.slice(0, QUOTED_PREFIX_CHARACTERS * 2 + 1));
  return head.length <= QUOTED_PREFIX_CHARACTERS ? value : `${head.slice(0, QUOTED_PREFIX_CHARACTERS).join('')}…`;
}

/**
 * Double-quoted runs in a message, backslash escapes included: graphql-js quotes names and values as JSON.
 * Single quotes are left alone (an apostrophe in English would pair with the next one), and so is a quote after
 * a backslash outside a run: a message that names the escape `\"` does not open a run there (the
 * Idempotency-Key's message does, and its advice after it was cut).
 */
const QUOTED_RUN = /(?<!\\)"((?:[^"\\]|\\.)*)"/g;

/**
 * A message with every double-quoted run longer than the prefix cut as `quotedInput` cuts it. For messages the
 * service does not write itself (graphql-js's "Variable "$s" got invalid value "…"", "Expected value of type
 * …, found …"), so they too quote at most a prefix of the input.
 */
export function withShortQuotes(message: string): string {
  if (message.length <= QUOTED_PREFIX_CHARACTERS) return message;
  return message.replace(QUOTED_RUN, (run: string, inner: string) => {
    const cut = inputPrefix(inner);
    return cut === inner ? run : `"${cut}"`;
  });
}
