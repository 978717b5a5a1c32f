import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nginxPath } from '../../scripts/system-prerequisites';
import { freePort } from './free-port';
import { waitUntil } from './wait-until';

/** A real nginx in front of test servers: TLS with a certificate made for the run, one port per upstream. */
export interface NginxProxy {
  /** The https port nginx listens on (127.0.0.1) for each upstream, in the order given. */
  readonly ports: readonly number[];
  /** The certificate (PEM) clients must trust: self-signed, CN and subjectAltName `localhost`. */
  readonly certificate: string;
  stop(): Promise<void>;
}

/** How nginx tells the upstream whether to upgrade (WebSocket) or close; PROXY_LOCATION uses it. */
export const CONNECTION_UPGRADE_MAP = "map $http_upgrade $connection_upgrade { default upgrade; '' close; }";

/**
 * The `location` every server block has: what docs/operators.md "Behind a reverse proxy" shows operators,
 * line for line (tests/integration/platform/http/reverse-proxy.int.test.ts compares them).
 */
export const PROXY_LOCATION = `location / {
    proxy_pass http://upstream;
    proxy_http_version 1.1;
    proxy_set_header Host $host;
    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    proxy_set_header X-Forwarded-Proto $scheme;
    proxy_set_header X-Forwarded-Host $host;
    proxy_set_header Upgrade $http_upgrade;
    proxy_set_header Connection $connection_upgrade;
}`;

/** A key and self-signed certificate for `localhost`, valid a day, made by openssl into `directory`. */
function makeCertificate(directory: string): { certificate: string; key: string } {
  const certificate = join(directory, 'cert.pem');
  const key = join(directory, 'key.pem');
  // prettier-ignore
  const made = spawnSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
    '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost', '-keyout', key, '-out', certificate,
  ], { encoding: 'utf8', timeout: 20_000 });
  if (made.error !== undefined || made.status !== 0) {
    throw new Error(`openssl could not make the test certificate: ${made.error?.message ?? made.stderr}`);
  }
  return { certificate, key };
}

/**
 * nginx as this test's own process (`daemon off`, its pid, logs and temp files in a temp directory), one TLS
 * server block on a free port of 127.0.0.1 per upstream URL, each proxying as PROXY_LOCATION says.
 */
export async function startNginx(
  upstreams: readonly string[],
  /** `upstream` blocks by name (`http://<name>` in `upstreams` balances over them), each a list of `host:port`. */
  groups: Readonly<Record<string, readonly string[]>> = {},
): Promise<NginxProxy> {
  const nginx = nginxPath();
  if (nginx === undefined) throw new Error('no nginx: node scripts/check-prerequisites.js names the package');
  const directory = mkdtempSync(join(tmpdir(), 'nginx-proxy-'));
  const { certificate, key } = makeCertificate(directory);
  const ports = await Promise.all(upstreams.map(() => freePort()));
  const servers = upstreams.map((upstream, index) => {
    const location = PROXY_LOCATION.replace('http://upstream', upstream).replace(/^/gm, '    ');
    return `  server {
    listen 127.0.0.1:${ports[index]} ssl;
    ssl_certificate ${certificate};
    ssl_certificate_key ${key};
${location}
  }`;
  });
  const temp = (name: string) => `${name}_temp_path ${join(directory, name)};`;
  // Run as root (CI), the master would hand the workers to `nobody`, who cannot enter the temp directory.
  const user = process.getuid?.() === 0 ? 'user root root;\n' : '';
  writeFileSync(
    join(directory, 'nginx.conf'),
    `${user}worker_processes 1;
pid ${join(directory, 'nginx.pid')};
error_log ${join(directory, 'error.log')} warn;
events { worker_connections 64; }
http {
  access_log ${join(directory, 'access.log')};
  ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n  ')}
  ${CONNECTION_UPGRADE_MAP}
${Object.entries(groups)
  .map(([name, members]) => `  upstream ${name} { ${members.map((member) => `server ${member};`).join(' ')} }`)
  .join('\n')}
${servers.join('\n')}
}
`,
  );
  const child: ChildProcess = spawn(
    nginx,
    ['-p', directory, '-e', join(directory, 'error.log'), '-c', join(directory, 'nginx.conf'), '-g', 'daemon off;'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGQUIT');
    await exited;
    rmSync(directory, { recursive: true, force: true });
  };
  try {
    await waitUntil('nginx listening', async () => {
      if (child.exitCode !== null) {
        const errorLog = join(directory, 'error.log');
        const logged = existsSync(errorLog) ? readFileSync(errorLog, 'utf8') : '';
        throw new Error(`nginx stopped (${child.exitCode}): ${stderr}${logged}`);
      }
      return (await Promise.all(ports.map(accepts))).every(Boolean);
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { ports, certificate: readFileSync(certificate, 'utf8'), stop };
}

/** Whether something accepts TCP connections on this port of 127.0.0.1. */
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
