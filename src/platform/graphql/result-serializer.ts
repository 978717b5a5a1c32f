/** What Apollo serializes: a GraphQL result's three members. */
interface ResultParts {
  readonly errors?: unknown;
  readonly data?: unknown;
  readonly extensions?: unknown;
}

/**
 * Apollo's serialization of a result (compact JSON of `errors`, `data`, `extensions` in that order, and a
 * newline) that remembers its text per `data` object: the response size cap serializes each answer to
 * measure it, and Apollo serializes it again to send it (as a new object holding the same members). The
 * text is reused only while `errors` and `extensions` are the same objects too, so a plugin that replaces
 * one between the two calls (the cost report replaces `extensions`) gets a fresh text.
 *
 * A text is handed out again once, then forgotten. V8's young-generation collector keeps the values of a
 * WeakMap alive whatever their keys, so every answer's text left in the map survived each scavenge until the
 * next full collection: about 7 KB of a page's answer promoted to the old generation per request (docs/benchmarks.md,
 * findings).
 */
export function rememberingSerializer(): (value: unknown) => string {
  const texts = new WeakMap<
    object,
    { readonly errors: unknown; readonly extensions: unknown; readonly text: string }
  >();
  return (value) => {
    const { errors, data, extensions } = (value ?? {}) as ResultParts;
    const serialize = () => `${JSON.stringify({ errors, data, extensions })}\n`;
    if (data === null || typeof data !== 'object') return serialize();
    const known = texts.get(data);
    if (known && known.errors === errors && known.extensions === extensions) {
      texts.delete(data);
      return known.text;
    }
    const text = serialize();
    texts.set(data, { errors, extensions, text });
    return text;
  };
}
