import { spawnSync } from 'node:child_process';
import { createAuthenticator } from '../../../../src/platform/auth/authenticator';

const SECRET = 'unit-test-secret-0123456789abcdefghij';

/**
 * `TOKEN=$(npm run --silent token -- …)` must capture the token and nothing else: the command builds first
 * (tsc, then the dashboard bundle), so everything the build says has to go to stderr. Runs the real npm
 * script in a shell, build included (about 10–30 s).
 */
describe('npm run token, as a shell captures it', () => {
  jest.setTimeout(180_000);

  it('puts exactly one JWT on stdout, which the service accepts', async () => {
    const result = spawnSync(
      'sh',
      ['-c', 'TOKEN=$(npm run --silent token -- --sub a --role admin) && printf "%s" "$TOKEN"'],
      { env: { ...process.env, AUTH_SECRET: SECRET }, encoding: 'utf8', timeout: 170_000 },
    );
    expect(result.stderr).not.toContain('failed');
    expect(result.status).toBe(0);
    // Three base64url parts: header, claims, signature; the shell's $(…) has dropped the final newline.
    expect(result.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const authenticate = createAuthenticator({ secret: SECRET, jwksUrl: undefined, anonymousRead: true });
    expect(await authenticate(`Bearer ${result.stdout}`)).toMatchObject({ subject: 'a', role: 'admin' });
  });
});
