import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, ENVIRONMENT_VARIABLES, loadConfig, SECRET_SETTINGS, type Config } from '../../../src/core/config';

/**
 * Every secret setting can come from a file, `<NAME>_FILE`, by the rules of the official Docker images: both
 * set is an error, an unreadable file is an error naming the variable and the path, one trailing newline is
 * dropped.
 */
const VALUE = 'from-a-secret-file-0123456789abcdefghij'; // long enough for every secret's own rule
/** NEO4J_PASSWORD is only read with an external database. */
const BASE = { NEO4J_URI: 'bolt://db.internal:7687' };

describe('secret settings from files (<NAME>_FILE)', () => {
  let folder: string;
  const secretFile = (content: string): string => {
    const path = join(folder, `secret-${Math.random().toString(36).slice(2)}`);
    writeFileSync(path, content, { mode: 0o600 });
    return path;
  };
  beforeAll(() => (folder = mkdtempSync(join(tmpdir(), 'secret-settings-'))));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('knows every setting whose name says it is a secret, and documents a _FILE form for each', () => {
    const names = Object.keys(ENVIRONMENT_VARIABLES);
    // A name ending in a word for a secret (QUERY_MAX_TOKENS counts tokens; IDEMPOTENCY_KEY_… keeps hours).
    const looksSecret = names.filter((name) => /_(PASSWORD|PASSPHRASE|SECRET|TOKEN|KEY|CREDENTIALS?)$/.test(name));
    expect(looksSecret.filter((name) => !name.endsWith('_FILE')).sort()).toEqual([...SECRET_SETTINGS].sort());
    for (const name of SECRET_SETTINGS) expect(names).toContain(`${name}_FILE`);
    expect(SECRET_SETTINGS).toEqual(
      expect.arrayContaining(['NEO4J_PASSWORD', 'EMBEDDED_NEO4J_PASSWORD', 'AUTH_SECRET', 'METRICS_TOKEN']),
    );
  });

  it.each(SECRET_SETTINGS)('reads %s from the file its _FILE names, as if it were set itself', (name) => {
    const fromFile = loadConfig({ ...BASE, [`${name}_FILE`]: secretFile(`${VALUE}\n`) });
    // Only the name of the setting the embedded password came from differs: the start-up line says which.
    const bySource = (config: Config) => ({ ...config, embedded: { ...config.embedded, passwordSetting: undefined } });
    expect(bySource(fromFile)).toEqual(bySource(loadConfig({ ...BASE, [name]: VALUE })));
    if (name === 'EMBEDDED_NEO4J_PASSWORD') {
      expect(fromFile.embedded.passwordSetting).toBe('EMBEDDED_NEO4J_PASSWORD_FILE');
    }
    // The setting is really used: without it the configuration differs.
    expect(fromFile).not.toEqual(loadConfig(BASE));
  });

  it('drops exactly one trailing newline (\\n or \\r\\n), keeping the rest of the value as written', () => {
    const password = (content: string) =>
      loadConfig({ ...BASE, NEO4J_PASSWORD_FILE: secretFile(content) }).neo4j?.password;
    expect(password(' pass word \n')).toBe(' pass word ');
    expect(password('pass word\r\n')).toBe('pass word');
    expect(password('pass word\n\n')).toBe('pass word\n');
    expect(password('pass word')).toBe('pass word');
  });

  it.each(SECRET_SETTINGS)('refuses %s together with its _FILE', (name) => {
    const load = () => loadConfig({ ...BASE, [name]: VALUE, [`${name}_FILE`]: secretFile(VALUE) });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(`${name} and ${name}_FILE are both set: set only one of them`);
  });

  it('treats an empty _FILE as unset, and an empty NAME beside a _FILE as unset', () => {
    expect(loadConfig({ ...BASE, AUTH_SECRET: VALUE, AUTH_SECRET_FILE: '' }).auth.secret).toBe(VALUE);
    expect(loadConfig({ ...BASE, AUTH_SECRET: '', AUTH_SECRET_FILE: secretFile(VALUE) }).auth.secret).toBe(VALUE);
  });

  it('names the variable and the path of a file it cannot read, never any content', () => {
    const missing = join(folder, 'no-such-secret');
    expect(() => loadConfig({ ...BASE, METRICS_TOKEN_FILE: missing })).toThrow(
      new ConfigError(`METRICS_TOKEN_FILE names a file that cannot be read: ${missing} (ENOENT)`),
    );
    expect(() => loadConfig({ ...BASE, AUTH_SECRET_FILE: folder })).toThrow(
      `AUTH_SECRET_FILE names a file that cannot be read: ${folder} (EISDIR)`,
    );
  });

  it("checks a value from a file by the setting's own rule, without quoting it", () => {
    const short = 'hunter2-too-short';
    let message = '';
    try {
      loadConfig({ ...BASE, AUTH_SECRET_FILE: secretFile(`${short}\n`) });
    } catch (error) {
      message = String(error);
    }
    expect(message).toContain('AUTH_SECRET must be at least 32 characters long, got 17');
    expect(message).not.toContain(short);
  });
});
