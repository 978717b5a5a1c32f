import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { embeddedPassword, PASSWORD_FILE_NAME } from '../../../src/db/embedded-password';

describe('the embedded Neo4j password', () => {
  let dataDirectory: string;
  beforeEach(() => {
    dataDirectory = mkdtempSync(join(tmpdir(), 'honjo-password-'));
  });
  afterEach(() => rmSync(dataDirectory, { recursive: true, force: true }));

  const modeOf = (path: string): number => statSync(path).mode & 0o777;

  it('is generated on first start into an owner-only file in the data directory, then reused', () => {
    const first = embeddedPassword(dataDirectory, undefined);
    expect(first.source).toBe('generated');
    expect(first.file).toBe(join(dataDirectory, PASSWORD_FILE_NAME));
    expect(modeOf(first.file ?? '')).toBe(0o600);
    // 32 random bytes in base64url: 43 characters.
    expect(first.password).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(readFileSync(first.file ?? '', 'utf8')).toBe(`${first.password}\n`);

    const again = embeddedPassword(dataDirectory, undefined);
    expect(again).toEqual({ password: first.password, source: 'file', file: first.file });
  });

  it('differs between data directories (it is random, not derived)', () => {
    const other = mkdtempSync(join(tmpdir(), 'honjo-password-'));
    try {
      expect(embeddedPassword(other, undefined).password).not.toBe(embeddedPassword(dataDirectory, undefined).password);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('is the configured one when EMBEDDED_NEO4J_PASSWORD is set, and then writes no file', () => {
    expect(embeddedPassword(dataDirectory, 'configured secret')).toEqual({
      password: 'configured secret',
      source: 'environment',
      file: undefined,
    });
    expect(() => statSync(join(dataDirectory, PASSWORD_FILE_NAME))).toThrow(/ENOENT/);
  });

  it('narrows a password file that others could read back to owner-only', () => {
    const file = join(dataDirectory, PASSWORD_FILE_NAME);
    writeFileSync(file, 'kept-password\n');
    chmodSync(file, 0o644);
    expect(embeddedPassword(dataDirectory, undefined).password).toBe('kept-password');
    expect(modeOf(file)).toBe(0o600);
  });

  it('refuses an empty password file, naming it', () => {
    const file = join(dataDirectory, PASSWORD_FILE_NAME);
    writeFileSync(file, '\n', { mode: 0o600 });
    expect(() => embeddedPassword(dataDirectory, undefined)).toThrow(`${file} must hold the embedded Neo4j password`);
  });

  it('does not write the generated password through a symlink planted where the file goes', () => {
    const target = join(dataDirectory, 'elsewhere');
    symlinkSync(target, join(dataDirectory, PASSWORD_FILE_NAME));
    expect(() => embeddedPassword(dataDirectory, undefined)).toThrow(/EEXIST/);
    expect(() => statSync(target)).toThrow(/ENOENT/);
  });
});
