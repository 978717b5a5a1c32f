import { GraphQLError } from 'graphql';
import { inputPrefix, quotedInput, withShortQuotes } from '../../../src/core/quoted-input';
import { formatError } from '../../../src/platform/graphql/format-error';

describe('quoting what a client sent', () => {
  it('quotes a short value whole, as JSON', () => {
    expect(quotedInput('市民活動推進課')).toBe('"市民活動推進課"');
    expect(quotedInput('line\nbreak')).toBe('"line\\nbreak"');
    expect(quotedInput('x'.repeat(40))).toBe(`"${'x'.repeat(40)}"`);
  });

  it('cuts a longer value to its first 40 characters and an ellipsis', () => {
    expect(quotedInput('x'.repeat(41))).toBe(`"${'x'.repeat(40)}…"`);
    expect(quotedInput('あ'.repeat(40_000))).toBe(`"${'あ'.repeat(40)}…"`);
  });

  it('counts characters as code points and never splits a surrogate pair', () => {
    const emoji = '😀'.repeat(40);
    expect(inputPrefix(emoji)).toBe(emoji);
    expect(inputPrefix(`${emoji}😀`)).toBe(`${emoji}…`);
  });

  it("cuts the long quoted values of messages the service did not write (graphql-js's)", () => {
    const message = `Variable "$n" got invalid value "${'9'.repeat(500)}"; Int cannot represent non-integer value: "${'9'.repeat(500)}"`;
    expect(withShortQuotes(message)).toBe(
      `Variable "$n" got invalid value "${'9'.repeat(40)}…"; Int cannot represent non-integer value: "${'9'.repeat(40)}…"`,
    );
    // Apostrophes are not quotes: English text is left as written.
    const english = "the caller's mistake: it's the client's to fix, whatever the service's length of text here";
    expect(withShortQuotes(english)).toBe(english);
    // A message naming the escape \" outside a run: the quote after the backslash opens nothing, so the
    // advice after it stays whole (the Idempotency-Key's message lost its example once).
    const escapes = `not one quoted string ("…", with \\" and \\\\ the only escapes); send a key such as a UUID ("${'8'.repeat(36)}").`;
    expect(withShortQuotes(escapes)).toBe(escapes);
  });

  it("cuts the long quoted values of the service's own errors, in extensions too", () => {
    // graphql-js's refusal of a long variable is answered through the service in
    // tests/integration/platform/graphql/request-errors.int.test.ts.
    const long = '7'.repeat(40_000);
    const ours = new GraphQLError('refused', {
      extensions: { code: 'BAD_USER_INPUT', violations: [{ field: 'note', message: `note is "${long}"` }] },
    });
    const formatted = formatError(ours.toJSON(), ours);
    expect(JSON.stringify(formatted.extensions)).toBe(
      JSON.stringify({
        code: 'BAD_USER_INPUT',
        violations: [{ field: 'note', message: `note is "${'7'.repeat(40)}…"` }],
      }),
    );
  });
});
