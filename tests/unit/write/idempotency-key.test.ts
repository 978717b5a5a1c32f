import { ErrorCode, IdempotencyKeyInvalidError } from '../../../src/core/errors';
import { parseIdempotencyKey } from '../../../src/write/idempotency-key';
import { requestFingerprint } from '../../../src/write/request-fingerprint';

const refusal = (header: string): string => {
  try {
    parseIdempotencyKey(header);
  } catch (error) {
    expect(error).toBeInstanceOf(IdempotencyKeyInvalidError);
    expect((error as IdempotencyKeyInvalidError).extensions.code).toBe(ErrorCode.IDEMPOTENCY_KEY_INVALID);
    return (error as Error).message;
  }
  throw new Error(`'${header}' was accepted`);
};

describe('the Idempotency-Key header', () => {
  const uuid = '8e03978e-40d5-43e8-bc93-6894a57f9324';

  it('takes the key bare or as the draft writes it, a quoted Structured Field string', () => {
    expect(parseIdempotencyKey(uuid)).toBe(uuid);
    expect(parseIdempotencyKey(`"${uuid}"`)).toBe(uuid);
    expect(parseIdempotencyKey(`  ${uuid} `)).toBe(uuid);
    expect(parseIdempotencyKey('A'.repeat(16))).toHaveLength(16);
    expect(parseIdempotencyKey('b'.repeat(255))).toHaveLength(255);
    expect(parseIdempotencyKey('order-2024/05+rev=3_~x!')).toBe('order-2024/05+rev=3_~x!');
  });

  it.each([
    ['', /header is empty/],
    ['   ', /header is empty/],
    ['short-key', /9 characters long; it must have 16 to 255/],
    ['x'.repeat(256), /256 characters long; it must have 16 to 255/],
    ['a-line\rbreak-in-a-key', /character 7 is U\+000D/],
    ['emoji-key-0123456789-🔑', /character 22 is U\+1F511/],
    [`${uuid}, ${uuid}`, /several Idempotency-Key values/],
    [`"${uuid}", "${uuid}"`, /not one quoted string/],
    [`"${uuid}`, /not one quoted string/],
    [`"${uuid}\\n"`, /not one quoted string/],
    [`"${uuid} with spaces"`, /character 37 is U\+0020/],
    [`"a-key-with-\\"quote\\"-1"`, /character 12 is U\+0022/],
  ])('refuses %j, saying what is wrong and what a key should be', (header, problem) => {
    const message = refusal(header);
    expect(message).toMatch(problem);
    expect(message).toMatch(/such as a UUID/);
  });
});

describe('the fingerprint of a keyed request', () => {
  const base = { queryHash: 'a'.repeat(64), operationName: 'Record', variables: { input: { value: 1, year: 2024 } } };

  it('is the same for the same operation and variables, in any key order', () => {
    expect(requestFingerprint(base)).toBe(
      requestFingerprint({ ...base, variables: { input: { year: 2024, value: 1 } } }),
    );
    expect(requestFingerprint(base)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('differs for another document, operation name or value', () => {
    const fingerprints = new Set([
      requestFingerprint(base),
      requestFingerprint({ ...base, queryHash: 'b'.repeat(64) }),
      requestFingerprint({ ...base, operationName: null }),
      requestFingerprint({ ...base, variables: { input: { value: 2, year: 2024 } } }),
      requestFingerprint({ ...base, variables: undefined }),
    ]);
    expect(fingerprints.size).toBe(5);
  });
});
