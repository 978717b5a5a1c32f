import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DashboardNotBuiltError, readDashboardFiles } from '../../../../src/web/dashboard/dashboard-files';
import { dashboardContentSecurityPolicy, renderDashboardPage } from '../../../../src/web/dashboard/dashboard-page';
import { serveDashboard } from '../../../../src/web/dashboard/serve-dashboard';

describe('readDashboardFiles', () => {
  it('says how to fix a missing build instead of failing obscurely', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'dashboard-'));
    try {
      const reading = readDashboardFiles(empty);
      await expect(reading).rejects.toBeInstanceOf(DashboardNotBuiltError);
      await expect(reading).rejects.toThrow('the dashboard is not built (no manifest.json): run npm run build');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('serveDashboard routing', () => {
  let server: Server;
  let baseUrl: string;

  beforeAll(async () => {
    server = createServer((request, response) => {
      const { pathname } = new URL(request.url ?? '/', 'http://localhost');
      void serveDashboard(request, response, pathname).then((served) => {
        if (!served) {
          response.writeHead(418);
          response.end('not the dashboard');
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('redirects a browser opening / to the dashboard, relative so a proxy prefix survives', async () => {
    const response = await fetch(`${baseUrl}/`, {
      headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' },
      redirect: 'manual',
    });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('dashboard');
  });

  it('leaves / to the caller for clients that do not ask for HTML', async () => {
    expect((await fetch(`${baseUrl}/`, { headers: { accept: '*/*' } })).status).toBe(418);
    expect((await fetch(`${baseUrl}/`, { method: 'POST', headers: { accept: 'text/html' } })).status).toBe(418);
  });

  it('sends /dashboard/ to /dashboard, whose relative asset links need no trailing slash', async () => {
    const response = await fetch(`${baseUrl}/dashboard/`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(new URL(response.headers.get('location') ?? '', `${baseUrl}/dashboard/`).pathname).toBe('/dashboard');
  });

  it('leaves other paths to the caller', async () => {
    for (const path of ['/graphql', '/dashboards', '/health/live']) {
      expect((await fetch(`${baseUrl}${path}`)).status).toBe(418);
    }
  });
});

describe('the dashboard page with staff sign-in', () => {
  const manifest = { script: 'main-abc.js', stylesheet: null, files: ['main-abc.js'] };
  const signIn = {
    issuer: 'https://idp.example.org/realms/honjo',
    clientId: 'honjo-"dashboard"',
    scope: 'openid records',
    resource: 'urn:honjo:policy-graph',
    roleClaim: 'https://honjo.example/role',
    departmentsClaim: 'departments',
  };

  it('tells the bundle the provider in meta tags, escaped, and no inline script', () => {
    const page = renderDashboardPage(manifest, 'dashboard', signIn);
    expect(page).toContain('<meta name="oidc-issuer" content="https://idp.example.org/realms/honjo" />');
    expect(page).toContain('<meta name="oidc-client-id" content="honjo-&#34;dashboard&#34;" />');
    expect(page).toContain('<meta name="oidc-resource" content="urn:honjo:policy-graph" />');
    expect(page).toContain('<meta name="oidc-role-claim" content="https://honjo.example/role" />');
    expect(page.match(/<script/g)).toHaveLength(1);
    expect(renderDashboardPage(manifest, 'dashboard')).not.toContain('oidc-');
  });

  it('tells the bundle to send ids only when the service runs a manifest of trusted documents', () => {
    expect(renderDashboardPage(manifest, 'dashboard', undefined, true)).toContain(
      '<meta name="graphql-ids" content="sha256" />',
    );
    expect(renderDashboardPage(manifest, 'dashboard', signIn)).not.toContain('graphql-ids');
  });

  it("lets the page fetch from the provider's origin only, and from nowhere else without sign-in", () => {
    expect(dashboardContentSecurityPolicy(signIn)).toContain("connect-src 'self' https://idp.example.org;");
    expect(dashboardContentSecurityPolicy(undefined)).toContain("connect-src 'self';");
    expect(dashboardContentSecurityPolicy(signIn)).toContain("default-src 'none'");
  });
});
