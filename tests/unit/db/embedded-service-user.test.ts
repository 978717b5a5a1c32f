import { chmodSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { embeddedServiceUser, SERVICE_USER_FILE_NAME } from '../../../src/db/embedded-service-user';

describe('the embedded database user the service logs in as', () => {
  let dataDirectory: string;
  beforeEach(() => {
    dataDirectory = mkdtempSync(join(tmpdir(), 'honjo-service-user-'));
  });
  afterEach(() => rmSync(dataDirectory, { recursive: true, force: true }));

  it('is a random svc_ name, not neo4j, kept owner-only and reused', () => {
    const first = embeddedServiceUser(dataDirectory);
    expect(first).toMatch(/^svc_[0-9a-f]{24}$/);
    const file = join(dataDirectory, SERVICE_USER_FILE_NAME);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(embeddedServiceUser(dataDirectory)).toBe(first);
    const other = mkdtempSync(join(tmpdir(), 'honjo-service-user-'));
    try {
      expect(embeddedServiceUser(other)).not.toBe(first);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('narrows a widened file again and refuses a name the launcher would not accept', () => {
    const file = join(dataDirectory, SERVICE_USER_FILE_NAME);
    writeFileSync(file, 'svc_0123456789abcdef\n');
    chmodSync(file, 0o644);
    expect(embeddedServiceUser(dataDirectory)).toBe('svc_0123456789abcdef');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    writeFileSync(file, 'neo4j\n');
    expect(() => embeddedServiceUser(dataDirectory)).toThrow(`${file} must hold the service's database user name`);
  });

  it('refuses to write through a planted symlink', () => {
    symlinkSync(join(dataDirectory, 'elsewhere'), join(dataDirectory, SERVICE_USER_FILE_NAME));
    expect(() => embeddedServiceUser(dataDirectory)).toThrow(/EEXIST/);
  });
});
