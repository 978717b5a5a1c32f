#!/usr/bin/env node
// A real OpenID provider for the browser tests: panva's oidc-provider (OpenID Certified), in a process of its own
// because it is ESM-only and jest runs the tests as CommonJS. It registers one public client (the dashboard, PKCE
// required, only the redirect URI given), issues JWT access tokens for the API's audience (resource indicators)
// carrying the account's role and departments, and logs people in through its development login form, which
// accepts any password (the accounts below are all it knows of people). It prints one JSON line,
// {"issuer", "jwksUri"}, once it listens on 127.0.0.1:PORT; SIGTERM stops it.
// Configured by one JSON argument: { port, clientId, redirectUri, audience, resourceScope, accounts, roleClaim,
// departmentsClaim }, accounts mapping a login to { role, departments }.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import Provider from 'oidc-provider';

const settings = JSON.parse(process.argv[2] ?? '{}');
const { port, clientId, redirectUri, audience, resourceScope, accounts, roleClaim, departmentsClaim } = settings;
const issuer = `http://localhost:${port}`;
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: clientId,
      redirect_uris: [redirectUri],
      post_logout_redirect_uris: [redirectUri],
      response_types: ['code'],
      grant_types: ['authorization_code'],
      // A browser app keeps no secret: a public client, proven by PKCE instead.
      token_endpoint_auth_method: 'none',
    },
  ],
  jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test-key', use: 'sig', alg: 'RS256' }] },
  cookies: { keys: [randomBytes(32).toString('hex')] },
  pkce: { required: () => true },
  features: {
    devInteractions: { enabled: true },
    rpInitiatedLogout: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => audience,
      useGrantedResource: () => true,
      getResourceServerInfo: (_ctx, resource) => {
        if (resource !== audience) throw new Error(`unknown resource ${resource}`);
        return {
          scope: resourceScope,
          audience,
          accessTokenFormat: 'jwt',
          accessTokenTTL: 600,
          jwt: { sign: { alg: 'RS256' } },
        };
      },
    },
  },
  findAccount: (_ctx, accountId) =>
    accounts[accountId] === undefined ? undefined : { accountId, claims: () => ({ sub: accountId }) },
  // The role and departments go into the access token the API reads, under the names the API is configured with.
  extraTokenClaims: (_ctx, token) => {
    const account = accounts[token.accountId];
    if (account === undefined) return undefined;
    return { [roleClaim]: account.role, [departmentsClaim]: account.departments };
  },
});
// Chromium reaches it over plain http on localhost; the provider otherwise insists on https in production.
provider.proxy = false;

const server = provider.listen(port, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ issuer, jwksUri: `${issuer}/jwks` })}\n`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
