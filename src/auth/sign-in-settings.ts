/**
 * How the dashboard signs staff in (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_SCOPE): OpenID Connect's authorization
 * code flow with PKCE, run in the browser against the city's identity provider. The service itself never sees
 * the provider's login; it only verifies the access tokens the dashboard sends (AUTH_JWKS_URL), so these
 * settings are all the page needs to learn, and none of them is a secret (a public client has no secret).
 */
export interface SignInSettings {
  /** The identity provider's issuer URL; its discovery document is `<issuer>/.well-known/openid-configuration`. */
  readonly issuer: string;
  /** The dashboard's client id, registered at the provider as a public client with PKCE. */
  readonly clientId: string;
  /** Scopes asked for, space-separated, `openid` among them. */
  readonly scope: string;
  /**
   * The resource indicator (RFC 8707) the access token is for: the service's AUTH_AUDIENCE, so the provider
   * issues a token whose `aud` names this service; none when AUTH_AUDIENCE is unset.
   */
  readonly resource: string | undefined;
  /** The claims the page reads to show who is signed in (the same AUTH_ROLE_CLAIM and AUTH_DEPARTMENTS_CLAIM). */
  readonly roleClaim: string;
  readonly departmentsClaim: string;
}

/** The origin the page must be allowed to fetch from: the issuer's discovery document, keys and token endpoint. */
export function issuerOrigin(settings: SignInSettings): string {
  return new URL(settings.issuer).origin;
}
