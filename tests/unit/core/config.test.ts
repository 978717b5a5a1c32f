import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, ENVIRONMENT_VARIABLES, loadConfig } from '../../../src/core/config';

describe('configuration', () => {
  it('defaults to the embedded Neo4j on 7687 with data under .data/neo4j and HTTP on 4000', () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.neo4j).toBeUndefined();
    expect(config.embedded.port).toBe(7687);
    expect(config.embedded.dataDirectory).toMatch(/\.data[/\\]neo4j$/);
    expect(config.introspection).toBe(true);
  });

  describe('with a manifest of trusted documents (TRUSTED_DOCUMENTS)', () => {
    const given = [undefined, 'true', 'false'] as const;
    const cases = given.flatMap((ide) =>
      given.flatMap((introspection) =>
        [undefined, 'deploy/trusted.json'].map((manifest) => ({ ide, introspection, manifest })),
      ),
    );
    it.each(cases)(
      'IDE=$ide, INTROSPECTION=$introspection, TRUSTED_DOCUMENTS=$manifest: each as given, else on only without a manifest',
      ({ ide, introspection, manifest }) => {
        const env: Record<string, string> = {};
        if (ide !== undefined) env.IDE = ide;
        if (introspection !== undefined) env.INTROSPECTION = introspection;
        if (manifest !== undefined) env.TRUSTED_DOCUMENTS = manifest;
        const config = loadConfig(env);
        const unsetMeans = manifest === undefined;
        expect(config.ide).toBe(ide === undefined ? unsetMeans : ide === 'true');
        expect(config.introspection).toBe(introspection === undefined ? unsetMeans : introspection === 'true');
        expect(config.trustedDocuments).toBe(manifest === undefined ? undefined : join(process.cwd(), manifest));
      },
    );
  });

  it('serves no metrics unless asked: no metrics port, no token, loopback for a port once one is set', () => {
    expect(loadConfig({}).metrics).toEqual({ port: undefined, host: '127.0.0.1', token: undefined });
    expect(loadConfig({ METRICS_PORT: '9464' }).metrics).toEqual({ port: 9464, host: '127.0.0.1', token: undefined });
    const token = 'm'.repeat(32);
    expect(loadConfig({ METRICS_PORT: '9464', METRICS_HOST: '0.0.0.0', METRICS_TOKEN: token }).metrics).toEqual({
      port: 9464,
      host: '0.0.0.0',
      token,
    });
  });

  it.each([
    [{ METRICS_PORT: 'nine' }, /METRICS_PORT must be a whole number from 1 to 65535, got 'nine'/],
    [{ METRICS_HOST: '0.0.0.0' }, /METRICS_HOST is set but METRICS_PORT is not/],
    [{ METRICS_PORT: '9464', METRICS_HOST: 'http://x' }, /METRICS_HOST must be an IP address or a host name/],
    [{ METRICS_PORT: '4000' }, /METRICS_PORT \(4000\) must differ from PORT/],
    [{ METRICS_TOKEN: 'short-secret' }, /METRICS_TOKEN must be at least 32 characters long, got 12$/],
  ])('refuses metrics settings %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('limits no rate unless RATE_LIMIT_REQUESTS is set; the window is 60 s unless RATE_LIMIT_WINDOW_SECONDS says', () => {
    expect(loadConfig({}).rateLimit).toBeUndefined();
    expect(loadConfig({ RATE_LIMIT_REQUESTS: '600' }).rateLimit).toEqual({ requests: 600, windowMs: 60_000 });
    expect(loadConfig({ RATE_LIMIT_REQUESTS: '5', RATE_LIMIT_WINDOW_SECONDS: '1' }).rateLimit).toEqual({
      requests: 5,
      windowMs: 1_000,
    });
  });

  it.each([
    [{ RATE_LIMIT_REQUESTS: '0' }, /RATE_LIMIT_REQUESTS must be a whole number from 1 to 1000000, got '0'/],
    [
      { RATE_LIMIT_REQUESTS: '10', RATE_LIMIT_WINDOW_SECONDS: '1m' },
      /RATE_LIMIT_WINDOW_SECONDS must be a whole number/,
    ],
    [{ RATE_LIMIT_WINDOW_SECONDS: '60' }, /RATE_LIMIT_WINDOW_SECONDS is set but RATE_LIMIT_REQUESTS is not/],
  ])('refuses rate-limit settings %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('reads ALLOWED_HOSTS: unset is the default, * any name, else a list of names and addresses', () => {
    expect(loadConfig({}).http.allowedHosts).toBeUndefined();
    expect(loadConfig({ ALLOWED_HOSTS: '*' }).http.allowedHosts).toBe('*');
    expect(loadConfig({ ALLOWED_HOSTS: 'api.example.org, 192.168.1.10,[::1]' }).http.allowedHosts).toEqual([
      'api.example.org',
      '192.168.1.10',
      '[::1]',
    ]);
    for (const bad of ['https://api.example.org', 'api.example.org:4000', '::1', 'a b', ',']) {
      expect(() => loadConfig({ ALLOWED_HOSTS: bad })).toThrow(/ALLOWED_HOSTS must/);
    }
  });

  it('reads TRUSTED_PROXIES: none by default, else addresses, CIDR ranges and keywords', () => {
    expect(loadConfig({}).http.trustedProxies).toEqual([]);
    expect(
      loadConfig({ TRUSTED_PROXIES: '127.0.0.1, 10.0.0.0/8,fd00::/8,10.0.0.0/255.0.0.0,loopback' }).http.trustedProxies,
    ).toEqual(['127.0.0.1', '10.0.0.0/8', 'fd00::/8', '10.0.0.0/255.0.0.0', 'loopback']);
  });

  it.each([
    ['127.0.0.1,proxy.example.org', 'proxy.example.org'],
    ['10.0.0.0/33', '10.0.0.0/33'],
    ['10.0.0.0/8,,127.0.0.1', ''],
    ['256.1.1.1', '256.1.1.1'],
    ['fd00::/129', 'fd00::/129'],
  ])('refuses TRUSTED_PROXIES=%s, naming the bad entry', (value, entry) => {
    expect(() => loadConfig({ TRUSTED_PROXIES: value })).toThrow(
      new RegExp(
        `^TRUSTED_PROXIES must be a comma list of addresses or CIDR ranges .*, got '${entry.replace(/[.*/]/g, '\\$&')}'$`,
      ),
    );
  });

  it('uses an external Neo4j when NEO4J_URI is given', () => {
    const config = loadConfig({
      NEO4J_URI: 'bolt://db:7687',
      NEO4J_USER: 'u',
      NEO4J_PASSWORD: 'p',
      NEO4J_DATABASE: 'graph',
    });
    expect(config.neo4j).toEqual({ uri: 'bolt://db:7687', user: 'u', password: 'p', database: 'graph' });
  });

  it.each([
    ['PORT', 'eighty', /PORT must be a whole number/],
    ['PORT', '70000', /PORT must be a whole number from 1 to 65535, got '70000'/],
    ['EMBEDDED_NEO4J_PORT', '-1', /EMBEDDED_NEO4J_PORT/],
    ['NEO4J_URI', 'http://db:7474', /NEO4J_URI must look like bolt:\/\//],
    ['INTROSPECTION', 'maybe', /INTROSPECTION must be true or false, got 'maybe'/],
    ['AUTH_SECRET', 'short', /AUTH_SECRET must be at least 32 characters long, got 5/],
    ['AUTH_JWKS_URL', 'http://idp.example.org/jwks', /AUTH_JWKS_URL must use https:\/\//],
    ['AUTH_JWKS_URL', 'not a url', /AUTH_JWKS_URL must be a URL/],
    ['ANONYMOUS_READ', 'sometimes', /ANONYMOUS_READ must be true or false/],
    [
      'AUTH_ISSUER',
      'https://idp.example.org',
      /AUTH_ISSUER is set but no token is accepted: set AUTH_SECRET or AUTH_JWKS_URL/,
    ],
    ['AUTH_AUDIENCE', 'honjo', /AUTH_AUDIENCE is set but no token is accepted/],
    ['LOG_LEVEL', 'verbose', /LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got 'verbose'/],
    ['HOST', 'http://0.0.0.0:4000', /HOST must be an IP address or a host name .* got 'http:\/\/0.0.0.0:4000'/],
    ['EMBEDDED_NEO4J_PASSWORD', 'short', /EMBEDDED_NEO4J_PASSWORD must be one line of at least 8 characters, got 5/],
    ['EMBEDDED_NEO4J_PASSWORD', 'two\nlines here', /EMBEDDED_NEO4J_PASSWORD must be one line/],
  ])('stops with a message naming %s when it is %p', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it('reads sign-in settings: no tokens and anonymous reads by default', () => {
    expect(loadConfig({}).auth).toEqual({
      secret: undefined,
      jwksUrl: undefined,
      anonymousRead: true,
      roleClaim: 'role',
      departmentsClaim: 'departments',
    });
    const secret = 'x'.repeat(32);
    const auth = loadConfig({
      AUTH_SECRET: secret,
      AUTH_JWKS_URL: 'http://127.0.0.1:9000/jwks.json',
      ANONYMOUS_READ: 'false',
    }).auth;
    expect(auth).toMatchObject({ secret, jwksUrl: 'http://127.0.0.1:9000/jwks.json', anonymousRead: false });
  });

  describe('the dashboard sign-in (OIDC_*)', () => {
    const provider = {
      AUTH_JWKS_URL: 'https://idp.example.org/realms/honjo/protocol/openid-connect/certs',
      OIDC_ISSUER: 'https://idp.example.org/realms/honjo',
      OIDC_CLIENT_ID: 'honjo-dashboard',
    };

    it('is off unless OIDC_ISSUER is set, and then carries the audience and claim names to the page', () => {
      expect(loadConfig({}).signIn).toBeUndefined();
      expect(
        loadConfig({
          ...provider,
          AUTH_AUDIENCE: 'honjo-policy-graph',
          AUTH_ROLE_CLAIM: 'https://honjo.example/role',
          OIDC_SCOPE: 'openid  profile',
        }).signIn,
      ).toEqual({
        issuer: 'https://idp.example.org/realms/honjo',
        clientId: 'honjo-dashboard',
        scope: 'openid profile',
        resource: 'honjo-policy-graph',
        roleClaim: 'https://honjo.example/role',
        departmentsClaim: 'departments',
      });
    });

    it.each([
      [{ OIDC_CLIENT_ID: 'honjo-dashboard' }, /OIDC_CLIENT_ID is set but OIDC_ISSUER is not/],
      [{ ...provider, OIDC_CLIENT_ID: '' }, /OIDC_ISSUER is set but OIDC_CLIENT_ID is not/],
      [{ ...provider, AUTH_JWKS_URL: '' }, /OIDC_ISSUER is set but AUTH_JWKS_URL is not/],
      [{ ...provider, OIDC_ISSUER: 'http://idp.example.org' }, /OIDC_ISSUER must use https:\/\//],
      [{ ...provider, OIDC_ISSUER: 'idp.example.org' }, /OIDC_ISSUER must be a URL like https:\/\//],
      [
        { ...provider, OIDC_ISSUER: 'https://idp.example.org/?realm=x' },
        /OIDC_ISSUER must be an issuer URL without query/,
      ],
      [{ ...provider, OIDC_SCOPE: 'profile email' }, /OIDC_SCOPE must be space-separated scope names including openid/],
      [{ AUTH_ROLE_CLAIM: 'my role' }, /AUTH_ROLE_CLAIM must be a claim name .* got 'my role'/],
      [{ AUTH_DEPARTMENTS_CLAIM: 'role' }, /AUTH_ROLE_CLAIM and AUTH_DEPARTMENTS_CLAIM must name different claims/],
    ])('stops on %p', (env, message) => {
      expect(() => loadConfig(env)).toThrow(message);
    });
  });

  it('reads AUTH_ISSUER and AUTH_AUDIENCE, refusing values no token could carry', () => {
    const secret = 'x'.repeat(32);
    expect(
      loadConfig({ AUTH_SECRET: secret, AUTH_ISSUER: 'https://idp.example.org', AUTH_AUDIENCE: 'honjo-policy-graph' })
        .auth,
    ).toMatchObject({ issuer: 'https://idp.example.org', audience: 'honjo-policy-graph' });
    expect(() => loadConfig({ AUTH_SECRET: secret, AUTH_ISSUER: 'city idp' })).toThrow(
      /AUTH_ISSUER must be one word of at most 1024 printable characters \(no spaces\), got 8 characters/,
    );
    expect(() => loadConfig({ AUTH_SECRET: secret, AUTH_AUDIENCE: '1:abc' })).toThrow(
      /AUTH_AUDIENCE contains a colon, so it must be a URI/,
    );
  });

  it('never puts AUTH_SECRET into its error messages', () => {
    expect(() => loadConfig({ AUTH_SECRET: 'hunter2-too-short' })).toThrow(/got 17$/);
  });

  it.each(['0.0.0.0', '::', '192.0.2.10', 'api.internal'])('accepts HOST=%p to listen beyond loopback', (host) => {
    expect(loadConfig({ HOST: host }).host).toBe(host);
  });

  it('defaults to any CORS origin and the documented request budgets', () => {
    const config = loadConfig({});
    expect(config.http.corsOrigins).toBe('*');
    expect(config.requestBudget).toEqual({ timeoutMs: 10_000, maxSessions: 4, maxResponseBytes: 5_000_000 });
    expect(config.http.idleTimeoutMs).toBeGreaterThan(config.requestBudget.timeoutMs);
  });

  it('keeps 32 MiB of answers in the response cache by default; RESPONSE_CACHE_MAX_MB=0 turns it off', () => {
    // At the default memory limit (set: a container's limit would be the default otherwise).
    expect(loadConfig({ MEMORY_LIMIT_MB: '512' }).http.responseCacheBytes).toBe(32 * 1024 * 1024);
    expect(loadConfig({ RESPONSE_CACHE_MAX_MB: '0' }).http.responseCacheBytes).toBe(0);
  });

  it('leaves CSRF prevention off unless CSRF_PREVENTION=true (no ambient credentials by default)', () => {
    expect(loadConfig({}).http.csrfPrevention).toBe(false);
    expect(loadConfig({ CSRF_PREVENTION: 'true' }).http.csrfPrevention).toBe(true);
    expect(() => loadConfig({ CSRF_PREVENTION: 'on' })).toThrow(/CSRF_PREVENTION must be true or false, got 'on'/);
  });

  it('reads CORS_ORIGINS as a trimmed comma list', () => {
    const config = loadConfig({ CORS_ORIGINS: 'https://dash.example.org, http://localhost:5173' });
    expect(config.http.corsOrigins).toEqual(['https://dash.example.org', 'http://localhost:5173']);
  });

  it.each([
    [
      'CORS_ORIGINS',
      'https://dash.example.org/',
      /CORS_ORIGINS must be \* or a comma list of origins.*got 'https:\/\/dash.example.org\/'/,
    ],
    ['CORS_ORIGINS', 'dash.example.org', /CORS_ORIGINS/],
    ['REQUEST_TIMEOUT_MS', '10s', /REQUEST_TIMEOUT_MS must be a whole number/],
    ['REQUEST_MAX_SESSIONS', '0', /REQUEST_MAX_SESSIONS must be a whole number from 1 to 25, got '0'/],
    ['MAX_RESPONSE_BYTES', '12', /MAX_RESPONSE_BYTES must be a whole number from 1024/],
    ['RESPONSE_CACHE_MAX_MB', '32MB', /RESPONSE_CACHE_MAX_MB must be a whole number from 0 to 65536, got '32MB'/],
    ['HTTP_IDLE_TIMEOUT_MS', '5000', /HTTP_IDLE_TIMEOUT_MS \(5000\) must be more than REQUEST_TIMEOUT_MS \(10000\)/],
  ])('refuses %s=%p naming the variable', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it('takes the embedded Neo4j password from EMBEDDED_NEO4J_PASSWORD, and leaves it to be generated without one', () => {
    expect(loadConfig({ EMBEDDED_NEO4J_PASSWORD: 'a long secret' }).embedded.password).toBe('a long secret');
    expect(loadConfig({}).embedded.password).toBeUndefined();
  });

  it('names the setting the embedded password came from, for the start-up line', () => {
    const folder = mkdtempSync(join(tmpdir(), 'password-file-'));
    const file = join(folder, 'neo4j-password');
    writeFileSync(file, 'a long secret from a file\n');
    try {
      expect(loadConfig({ EMBEDDED_NEO4J_PASSWORD_FILE: file }).embedded).toMatchObject({
        password: 'a long secret from a file',
        passwordSetting: 'EMBEDDED_NEO4J_PASSWORD_FILE',
      });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    expect(loadConfig({ EMBEDDED_NEO4J_PASSWORD: 'a long secret' }).embedded.passwordSetting).toBe(
      'EMBEDDED_NEO4J_PASSWORD',
    );
    expect(loadConfig({}).embedded.passwordSetting).toBeUndefined();
  });

  it('logs at info unless LOG_LEVEL names another level (any case)', () => {
    expect(loadConfig({}).logLevel).toBe('info');
    expect(loadConfig({ LOG_LEVEL: 'DEBUG' }).logLevel).toBe('debug');
    expect(loadConfig({ LOG_LEVEL: 'silent' }).logLevel).toBe('silent');
  });

  it('names every variable found wrong, one a line, in the order they are declared', () => {
    expect(() => loadConfig({ LOG_LEVEL: 'loud', PORT: 'nine', AUTH_SECRET: 'short' })).toThrow(
      new ConfigError(
        [
          "PORT must be a whole number from 1 to 65535, got 'nine'",
          'AUTH_SECRET must be at least 32 characters long, got 5',
          "LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got 'loud'",
        ].join('\n'),
      ),
    );
  });

  it('is frozen, so no code changes it after start-up', () => {
    expect(Object.isFrozen(loadConfig({}))).toBe(true);
  });

  it('lists every variable it reads in .env.example', () => {
    const example = readFileSync('.env.example', 'utf8');
    for (const name of Object.keys(ENVIRONMENT_VARIABLES)) expect(example).toContain(`${name}=`);
  });

  it('keeps Idempotency-Keys 24 hours unless IDEMPOTENCY_KEY_RETENTION_HOURS says otherwise (1 to 720)', () => {
    expect(loadConfig({}).idempotency).toEqual({ retentionMs: 24 * 3_600_000 });
    expect(loadConfig({ IDEMPOTENCY_KEY_RETENTION_HOURS: '1' }).idempotency.retentionMs).toBe(3_600_000);
    for (const wrong of ['0', '721', '1.5', 'a day']) {
      expect(() => loadConfig({ IDEMPOTENCY_KEY_RETENTION_HOURS: wrong })).toThrow(
        `IDEMPOTENCY_KEY_RETENTION_HOURS must be a whole number from 1 to 720, got '${wrong}'`,
      );
    }
  });
});
