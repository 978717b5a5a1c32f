import type { EnvironmentVariable, Settings } from './settings';

/**
 * The rules that hold between settings, each valid alone (src/core/settings.ts checked that): a rule names what
 * is wrong and what to set, or says nothing. `given` tells a setting set by the operator from one left to its
 * default (`METRICS_HOST` set without `METRICS_PORT` is a mistake even though the host has a default).
 */
type Rule = (settings: Settings, given: (name: EnvironmentVariable) => boolean) => string | undefined;

const RULES: readonly Rule[] = [
  // Nothing moves on the socket while a request runs, so a shorter idle timeout would cut answers off.
  ({ HTTP_IDLE_TIMEOUT_MS: idle, REQUEST_TIMEOUT_MS: timeout }) =>
    idle <= timeout
      ? `HTTP_IDLE_TIMEOUT_MS (${idle}) must be more than REQUEST_TIMEOUT_MS (${timeout}), or running requests lose their connection`
      : undefined,
  ({ AUTH_ROLE_CLAIM: role, AUTH_DEPARTMENTS_CLAIM: departments }) =>
    role === departments
      ? `AUTH_ROLE_CLAIM and AUTH_DEPARTMENTS_CLAIM must name different claims, both are '${role}'`
      : undefined,
  (settings) => claimWithoutTokens(settings, 'AUTH_ISSUER'),
  (settings) => claimWithoutTokens(settings, 'AUTH_AUDIENCE'),
  // OIDC_ISSUER and OIDC_CLIENT_ID turn the dashboard's sign-in on; they come together, and the tokens the
  // provider issues must be verifiable here (AUTH_JWKS_URL), else every signed-in write would be refused.
  ({ OIDC_ISSUER: issuer }, given) =>
    issuer === undefined && given('OIDC_CLIENT_ID')
      ? 'OIDC_CLIENT_ID is set but OIDC_ISSUER is not: set the identity provider too'
      : undefined,
  ({ OIDC_ISSUER: issuer }, given) =>
    issuer === undefined && given('OIDC_SCOPE')
      ? 'OIDC_SCOPE is set but OIDC_ISSUER is not: set the identity provider too'
      : undefined,
  ({ OIDC_ISSUER: issuer, OIDC_CLIENT_ID: client }) =>
    issuer !== undefined && client === undefined
      ? "OIDC_ISSUER is set but OIDC_CLIENT_ID is not: set the dashboard's client id at the provider"
      : undefined,
  ({ OIDC_ISSUER: issuer, AUTH_JWKS_URL: jwks }) =>
    issuer !== undefined && jwks === undefined
      ? "OIDC_ISSUER is set but AUTH_JWKS_URL is not: set it to the provider's jwks_uri so the service can verify its tokens"
      : undefined,
  ({ LIVE_MAX_CONNECTIONS_PER_CLIENT: perClient, LIVE_MAX_CONNECTIONS: all }) =>
    perClient > all
      ? `LIVE_MAX_CONNECTIONS_PER_CLIENT (${perClient}) must not be more than LIVE_MAX_CONNECTIONS (${all})`
      : undefined,
  ({ RATE_LIMIT_REQUESTS: requests }, given) =>
    given('RATE_LIMIT_WINDOW_SECONDS') && requests === undefined
      ? 'RATE_LIMIT_WINDOW_SECONDS is set but RATE_LIMIT_REQUESTS is not: set how many requests a window allows'
      : undefined,
  ({ METRICS_PORT: port }, given) =>
    given('METRICS_HOST') && port === undefined
      ? 'METRICS_HOST is set but METRICS_PORT is not: set the port the metrics listen on'
      : undefined,
  ({ METRICS_PORT: port, PORT: apiPort }) =>
    port === apiPort ? `METRICS_PORT (${port}) must differ from PORT: the API and the metrics listen apart` : undefined,
];

/** A token's `iss` or `aud` to check, while no token at all can be verified, is a setting left half done. */
function claimWithoutTokens(settings: Settings, name: 'AUTH_ISSUER' | 'AUTH_AUDIENCE'): string | undefined {
  return settings[name] !== undefined && settings.AUTH_SECRET === undefined && settings.AUTH_JWKS_URL === undefined
    ? `${name} is set but no token is accepted: set AUTH_SECRET or AUTH_JWKS_URL too`
    : undefined;
}

/** What the first rule that does not hold says, in the order above; undefined when all hold. */
export function brokenRule(settings: Settings, given: (name: EnvironmentVariable) => boolean): string | undefined {
  for (const rule of RULES) {
    const message = rule(settings, given);
    if (message !== undefined) return message;
  }
  return undefined;
}
