import {
  CLIENT_TEXT_MAX_CHARS,
  clientText,
  escapeControlCharacters,
} from '../../../../src/platform/observability/client-text';

describe('client text in logs', () => {
  it('keeps a short plain value as it is', () => {
    expect(clientText('MeasureCount')).toBe('MeasureCount');
    expect(clientText('施策の一覧')).toBe('施策の一覧');
  });

  it('writes line breaks, escape sequences and line separators as visible \\u escapes', () => {
    const forged = 'A\n[12:00:00.000] INFO: forged\r\u001b[2J\u2028\u202e';
    const logged = clientText(forged);
    expect(logged).toBe('A\\u000a[12:00:00.000] INFO: forged\\u000d\\u001b[2J\\u2028\\u202e');
    expect(logged).not.toMatch(/[\u0000-\u001f\u2028\u202e]/);
  });

  it('cuts a long value to a few hundred characters and notes its length', () => {
    const logged = clientText('x'.repeat(20_480));
    expect(logged).toBe(`${'x'.repeat(CLIENT_TEXT_MAX_CHARS)}…[cut: 20480 characters]`);
    expect(CLIENT_TEXT_MAX_CHARS).toBeLessThanOrEqual(500);
  });

  it('never cuts a surrogate pair in half', () => {
    const logged = clientText(`${'x'.repeat(CLIENT_TEXT_MAX_CHARS - 1)}😀tail`);
    expect(logged).toBe(`${'x'.repeat(CLIENT_TEXT_MAX_CHARS - 1)}…[cut: ${CLIENT_TEXT_MAX_CHARS + 5} characters]`);
    expect(escapeControlCharacters('a\tb')).toBe('a\\u0009b');
  });
});
