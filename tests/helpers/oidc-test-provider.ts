import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { PROJECT_ROOT } from '../../src/core/project-root';
import type { Role } from '../../src/core/viewer';
import { freePort } from './free-port';

/** Who may sign in at the test provider: a login name and what its access token says of it. */
export interface TestAccount {
  readonly role: Role;
  readonly departments: readonly string[];
}

export interface OidcTestProviderOptions {
  readonly clientId: string;
  /** The dashboard page: the only redirect URI the client registration allows. */
  readonly redirectUri: string;
  /** The API's AUTH_AUDIENCE (an absolute URI): the resource the access tokens are issued for. */
  readonly audience: string;
  /** The scope of that resource the client asks for besides `openid`. */
  readonly resourceScope: string;
  readonly accounts: Readonly<Record<string, TestAccount>>;
  readonly roleClaim: string;
  readonly departmentsClaim: string;
}

export interface OidcTestProvider {
  /** http://localhost:PORT: a host name other than the API's 127.0.0.1, so the two are different sites. */
  readonly issuer: string;
  readonly jwksUri: string;
  stop(): Promise<void>;
}

/** The port a provider will listen on, chosen before the API starts (which must know the issuer). */
export function providerPort(): Promise<number> {
  return freePort();
}

/** Starts tests/helpers/oidc-provider-process.mjs on `port` and waits until it listens. */
export async function startOidcTestProvider(port: number, options: OidcTestProviderOptions): Promise<OidcTestProvider> {
  const child: ChildProcess = spawn(
    process.execPath,
    [join(PROJECT_ROOT, 'tests', 'helpers', 'oidc-provider-process.mjs'), JSON.stringify({ port, ...options })],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'test' } },
  );
  const errors: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => errors.push(chunk.toString()));
  const ready = await new Promise<{ issuer: string; jwksUri: string }>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(
      () => reject(new Error(`the OpenID test provider did not start: ${errors.join('')}`)),
      30_000,
    );
    lines.once('line', (line) => {
      clearTimeout(timer);
      resolve(JSON.parse(line) as { issuer: string; jwksUri: string });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the OpenID test provider exited (${code}): ${errors.join('')}`));
    });
  });
  return {
    ...ready,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
