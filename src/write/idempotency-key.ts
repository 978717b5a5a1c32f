import { IdempotencyKeyInvalidError } from '../core/errors';

/** The request header a client names a write's key in (IETF httpapi draft "The Idempotency-Key HTTP Header Field"). */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';

/** Shortest key taken: anything shorter is more likely a counter than a unique value (a UUID has 36). */
export const KEY_MIN_LENGTH = 16;
/** Longest key taken (as Stripe's API, which the draft cites): keys are stored and compared, not unbounded. */
export const KEY_MAX_LENGTH = 255;

/**
 * Visible ASCII but the quote and backslash (which a Structured Field string would have to escape) and the
 * comma (which joins repeated headers): letters, digits and `-_.:+/=~!#$%&'()*;<>?@[]^{|}` and backquote.
 */
const KEY_CHARACTER = /[\x21\x23-\x2b\x2d-\x5b\x5d-\x7e]/;

/**
 * The key an `Idempotency-Key` header holds, or IDEMPOTENCY_KEY_INVALID saying what is wrong. The draft
 * defines the value as a Structured Field string (`Idempotency-Key: "8e03978e-40d5-43e8-bc93-6894a57f9324"`);
 * many clients send the bare key, as Stripe's API takes it, and both are accepted. Several values (the header
 * repeated: Node joins them with a comma) are refused, as is a key that is empty, shorter than 16 or longer than
 * 255 characters, or holds anything but visible ASCII other than quote, comma and backslash.
 */
export function parseIdempotencyKey(header: string): string {
  const value = header.trim();
  if (value === '') throw invalid('The Idempotency-Key header is empty.');
  const key = value.startsWith('"') ? unquoted(value) : value;
  if (key.includes(',') && !value.startsWith('"')) {
    throw invalid('The request has several Idempotency-Key values (the header repeated, or a comma in it); send one.');
  }
  const characters = [...key];
  if (characters.length < KEY_MIN_LENGTH || characters.length > KEY_MAX_LENGTH) {
    throw invalid(
      `The Idempotency-Key is ${characters.length} characters long; it must have ${KEY_MIN_LENGTH} to ${KEY_MAX_LENGTH}.`,
    );
  }
  const bad = characters.findIndex((character) => !KEY_CHARACTER.test(character));
  if (bad >= 0) {
    throw invalid(
      `The Idempotency-Key may hold only visible ASCII characters other than quote, comma and backslash ` +
        `(letters, digits, - _ . : and the like); character ${bad + 1} is ${codePoint(characters[bad] ?? '')}.`,
    );
  }
  return key;
}

/** A Structured Field string (RFC 8941 §3.3.3): printable ASCII between quotes, `\"` and `\\` escaped. */
function unquoted(value: string): string {
  let key = '';
  for (let at = 1; at < value.length; at += 1) {
    const character = value[at] ?? '';
    if (character === '"') {
      if (at !== value.length - 1) break;
      return key;
    }
    if (character === '\\') {
      const next = value[at + 1];
      if (next !== '"' && next !== '\\') break;
      key += next;
      at += 1;
    } else {
      key += character;
    }
  }
  throw invalid(
    'The Idempotency-Key starts with a quote but is not one quoted string ("…", with \\" and \\\\ the only escapes); send the key quoted once, or bare.',
  );
}

function codePoint(character: string): string {
  return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

function invalid(problem: string): IdempotencyKeyInvalidError {
  return new IdempotencyKeyInvalidError(
    `${problem} An Idempotency-Key is one unique value per write, such as a UUID ("8e03978e-40d5-43e8-bc93-6894a57f9324"), sent again only with the same request.`,
  );
}
