import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { createAuthenticator, type AuthSettings } from '../../../../src/platform/auth/authenticator';
import { mintToken } from '../../../../src/platform/auth/mint-token';
import { ANONYMOUS_VIEWER } from '../../../../src/core/viewer';
import { ErrorCode } from '../../../../src/core/errors';

const SECRET = 'unit-test-secret-0123456789abcdefghij';
const settings: AuthSettings = { secret: SECRET, jwksUrl: undefined, anonymousRead: true };

/** The error code (and message) a rejected authentication carries. */
async function refusal(promise: Promise<unknown>): Promise<{ code: unknown; message: string }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { extensions?: { code?: unknown }; message: string };
    return { code: e.extensions?.code, message: e.message };
  }
  throw new Error('expected a refusal');
}

describe('bearer tokens signed with AUTH_SECRET (HS256)', () => {
  const authenticate = createAuthenticator(settings);

  it('reads sub, role and departments', async () => {
    const token = await mintToken(SECRET, { sub: 'sato', role: 'editor', departments: ['市民活動推進課'] });
    expect(await authenticate(`Bearer ${token}`)).toEqual({
      subject: 'sato',
      role: 'editor',
      departments: ['市民活動推進課'],
    });
  });

  it('treats a request without a token as an anonymous viewer, unless ANONYMOUS_READ=false', async () => {
    expect(await authenticate(undefined)).toBe(ANONYMOUS_VIEWER);
    const closed = createAuthenticator({ ...settings, anonymousRead: false });
    expect((await refusal(closed(undefined))).code).toBe(ErrorCode.UNAUTHENTICATED);
  });

  it('refuses expired, wrongly signed, malformed tokens and unknown roles as UNAUTHENTICATED, never echoing them', async () => {
    const expired = await mintToken(SECRET, { sub: 'a', role: 'admin' }, '-1m');
    const foreign = await mintToken('some-other-secret-0123456789abcdefgh', { sub: 'a', role: 'admin' });
    const badRole = await new SignJWT({ role: 'superuser' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('a')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(SECRET));
    const cases: [string, RegExp][] = [
      [`Bearer ${expired}`, /expired/],
      [`Bearer ${foreign}`, /not signed by a key this service trusts/],
      ['Bearer abc.def', /malformed/],
      ['Token abc', /must be `Bearer <token>`/],
      [`Bearer ${badRole}`, /`role` claim must be one of viewer, editor, admin/],
    ];
    for (const [header, message] of cases) {
      const { code, message: said } = await refusal(authenticate(header));
      expect(code).toBe(ErrorCode.UNAUTHENTICATED);
      expect(said).toMatch(message);
      expect(said).not.toContain(SECRET);
      expect(said).not.toContain(header.slice(7, 30));
    }
  });
});

describe('the claims every token must carry: exp, and iss/aud when configured', () => {
  const key = new TextEncoder().encode(SECRET);
  const hs256 = (build: (token: SignJWT) => SignJWT) =>
    build(new SignJWT({ role: 'editor' }).setProtectedHeader({ alg: 'HS256' }).setSubject('sato')).sign(key);
  const nowSeconds = () => Math.floor(Date.now() / 1000);

  it('refuses a token without exp, which would never expire', async () => {
    const forever = await hs256((token) => token.setIssuedAt());
    expect(await refusal(createAuthenticator(settings)(`Bearer ${forever}`))).toEqual({
      code: ErrorCode.UNAUTHENTICATED,
      message: 'The bearer token has no `exp` claim (expiry): this service accepts only tokens that expire.',
    });
  });

  it('allows 30 s of clock skew on exp and nbf, not more', async () => {
    const authenticate = createAuthenticator(settings);
    const justExpired = await hs256((token) => token.setExpirationTime(nowSeconds() - 20));
    const longExpired = await hs256((token) => token.setExpirationTime(nowSeconds() - 40));
    const almostValid = await hs256((token) => token.setExpirationTime('5m').setNotBefore(nowSeconds() + 20));
    const notYetValid = await hs256((token) => token.setExpirationTime('5m').setNotBefore(nowSeconds() + 40));
    expect(await authenticate(`Bearer ${justExpired}`)).toMatchObject({ subject: 'sato' });
    expect(await authenticate(`Bearer ${almostValid}`)).toMatchObject({ subject: 'sato' });
    expect((await refusal(authenticate(`Bearer ${longExpired}`))).message).toBe('The bearer token has expired.');
    expect((await refusal(authenticate(`Bearer ${notYetValid}`))).message).toBe(
      'The bearer token is not valid yet (`nbf`).',
    );
  });

  it('checks iss and aud when AUTH_ISSUER and AUTH_AUDIENCE are set, naming the claim', async () => {
    const authenticate = createAuthenticator({
      ...settings,
      issuer: 'https://idp.city.example.jp',
      audience: 'honjo-policy-graph',
    });
    const right = await mintToken(SECRET, { sub: 'sato', role: 'editor' }, '5m', {
      issuer: 'https://idp.city.example.jp',
      audience: 'honjo-policy-graph',
    });
    expect(await authenticate(`Bearer ${right}`)).toMatchObject({ subject: 'sato', role: 'editor' });
    const cases: [string, Promise<string>, string][] = [
      [
        'another issuer',
        mintToken(SECRET, { sub: 'a', role: 'admin' }, '5m', {
          issuer: 'https://evil.example',
          audience: 'honjo-policy-graph',
        }),
        "The bearer token's `iss` claim (issuer) is not the one this service trusts (AUTH_ISSUER).",
      ],
      [
        'another audience',
        mintToken(SECRET, { sub: 'a', role: 'admin' }, '5m', {
          issuer: 'https://idp.city.example.jp',
          audience: 'other-app',
        }),
        "The bearer token's `aud` claim (audience) does not name this service (AUTH_AUDIENCE).",
      ],
      [
        'no issuer or audience',
        mintToken(SECRET, { sub: 'a', role: 'admin' }, '5m'),
        'The bearer token has no `iss` claim (issuer), which this service requires (AUTH_ISSUER).',
      ],
    ];
    for (const [what, token, message] of cases) {
      expect({ what, ...(await refusal(authenticate(`Bearer ${await token}`))) }).toEqual({
        what,
        code: ErrorCode.UNAUTHENTICATED,
        message,
      });
    }
  });

  it('ignores iss and aud when neither is configured', async () => {
    const token = await mintToken(SECRET, { sub: 'sato', role: 'viewer' }, '5m', { issuer: 'anyone', audience: 'any' });
    expect(await createAuthenticator(settings)(`Bearer ${token}`)).toMatchObject({ subject: 'sato' });
  });
});

describe('bearer tokens from an identity provider (AUTH_JWKS_URL)', () => {
  let server: Server;
  let jwksUrl: string;
  let sign: (claims: Record<string, unknown>) => Promise<string>;
  let signWith: (claims: Record<string, unknown>, expires: boolean) => Promise<string>;

  beforeAll(async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'city-idp-1', alg: 'ES256', use: 'sig' };
    server = createServer((_request, response) => {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
    signWith = (claims, expires) => {
      const token = new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: 'city-idp-1' }).setSubject('tanaka');
      return (expires ? token.setExpirationTime('5m') : token).sign(privateKey);
    };
    sign = (claims) => signWith(claims, true);
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("verifies a token signed by the provider's key", async () => {
    const authenticate = createAuthenticator({ secret: undefined, jwksUrl, anonymousRead: true });
    expect(await authenticate(`Bearer ${await sign({ role: 'admin' })}`)).toEqual({
      subject: 'tanaka',
      role: 'admin',
      departments: [],
    });
  });

  it('reads the role and departments from the claims AUTH_ROLE_CLAIM and AUTH_DEPARTMENTS_CLAIM name', async () => {
    const authenticate = createAuthenticator({
      secret: undefined,
      jwksUrl,
      anonymousRead: true,
      roleClaim: 'https://honjo.example/role',
      departmentsClaim: 'groups',
    });
    const namespaced = await sign({
      'https://honjo.example/role': 'editor',
      groups: ['市民活動推進課'],
      role: 'admin',
    });
    expect(await authenticate(`Bearer ${namespaced}`)).toEqual({
      subject: 'tanaka',
      role: 'editor',
      departments: ['市民活動推進課'],
    });
    // The default claim names mean nothing then: a token with only `role` carries no role this service reads.
    expect(await refusal(authenticate(`Bearer ${await sign({ role: 'admin' })}`))).toMatchObject({
      code: ErrorCode.UNAUTHENTICATED,
      message: expect.stringMatching(
        /`https:\/\/honjo.example\/role` claim must be one of viewer, editor, admin/,
      ) as unknown,
    });
  });

  it('refuses its tokens without exp or from another issuer when AUTH_ISSUER is set', async () => {
    const authenticate = createAuthenticator({
      secret: undefined,
      jwksUrl,
      anonymousRead: true,
      issuer: 'https://idp.city.example.jp',
    });
    const noExp = await signWith({ role: 'admin', iss: 'https://idp.city.example.jp' }, false);
    expect(await refusal(authenticate(`Bearer ${noExp}`))).toMatchObject({
      code: ErrorCode.UNAUTHENTICATED,
      message: expect.stringMatching(/no `exp` claim/) as unknown,
    });
    const foreignIssuer = await sign({ role: 'admin', iss: 'https://elsewhere.example' });
    expect(await refusal(authenticate(`Bearer ${foreignIssuer}`))).toMatchObject({
      code: ErrorCode.UNAUTHENTICATED,
      message: expect.stringMatching(/`iss` claim/) as unknown,
    });
    expect(
      await authenticate(`Bearer ${await sign({ role: 'admin', iss: 'https://idp.city.example.jp' })}`),
    ).toMatchObject({ subject: 'tanaka' });
  });

  it('refuses a token signed by another key pair, and HS256 tokens when no secret is set', async () => {
    const authenticate = createAuthenticator({ secret: undefined, jwksUrl, anonymousRead: true });
    const { privateKey: other } = await generateKeyPair('ES256');
    const forged = await new SignJWT({ role: 'admin' })
      .setProtectedHeader({ alg: 'ES256', kid: 'city-idp-1' })
      .setSubject('mallory')
      .sign(other);
    expect(await refusal(authenticate(`Bearer ${forged}`))).toMatchObject({ code: ErrorCode.UNAUTHENTICATED });
    const hs = await mintToken(SECRET, { sub: 'a', role: 'admin' });
    expect(await refusal(authenticate(`Bearer ${hs}`))).toMatchObject({
      code: ErrorCode.UNAUTHENTICATED,
      message: expect.stringMatching(/AUTH_SECRET is unset/) as unknown,
    });
  });
});
