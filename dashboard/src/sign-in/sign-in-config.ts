/** The identity provider the page signs staff in with, as the service's meta tags name it (no inline script). */
export interface SignInConfig {
  readonly issuer: string;
  readonly clientId: string;
  readonly scope: string;
  /** The API's audience (RFC 8707 resource indicator); absent when the service names none. */
  readonly resource: string | undefined;
  readonly roleClaim: string;
  readonly departmentsClaim: string;
}

function meta(name: string): string | undefined {
  const element = document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`);
  return element?.content || undefined;
}

/** Null when the service has no OIDC_ISSUER: the dashboard is read-only then. */
export function readSignInConfig(): SignInConfig | null {
  const issuer = meta('oidc-issuer');
  const clientId = meta('oidc-client-id');
  if (issuer === undefined || clientId === undefined) return null;
  return {
    issuer,
    clientId,
    scope: meta('oidc-scope') ?? 'openid',
    resource: meta('oidc-resource'),
    roleClaim: meta('oidc-role-claim') ?? 'role',
    departmentsClaim: meta('oidc-departments-claim') ?? 'departments',
  };
}
