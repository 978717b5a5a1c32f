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
    if (known && known.errors === errors && known.extensions === extensions) return known.text;
    const text = serialize();
    texts.set(data, { errors, extensions, text });
    return text;
  };
}
