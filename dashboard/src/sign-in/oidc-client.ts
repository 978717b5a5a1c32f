import { InMemoryWebStorage, UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';
import type { SignInConfig } from './sign-in-config';

/**
 * The OpenID Connect client (oidc-client-ts), loaded only when someone signs in or returns from the provider,
 * so a reader's first visit never downloads it. Authorization code with PKCE; the redirect URI is this page
 * without its query, the one URI the provider registers. Tokens live in memory only (InMemoryWebStorage):
 * a script that reads storage finds none, and closing or reloading the tab forgets them. Only the short-lived
 * sign-in request (state, nonce and PKCE verifier, removed on return) waits in sessionStorage, because the
 * page is reloaded by the redirect back.
 */
export function createUserManager(config: SignInConfig): UserManager {
  const page = `${window.location.origin}${window.location.pathname}`;
  return new UserManager({
    authority: config.issuer,
    client_id: config.clientId,
    redirect_uri: page,
    post_logout_redirect_uri: page,
    response_type: 'code',
    response_mode: 'query',
    scope: config.scope,
    ...(config.resource === undefined ? {} : { resource: config.resource }),
    userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
    stateStore: new WebStorageStateStore({ store: window.sessionStorage, prefix: 'oidc.request.' }),
    // Silent renewal needs an iframe on the provider's page, which the page's CSP (frame-src 'none') forbids;
    // an expired sign-in asks for a new one instead.
    automaticSilentRenew: false,
    monitorSession: false,
    loadUserInfo: false,
  });
}

/** Sends the browser to the provider's login; `returnSearch` (the view) comes back in the state. */
export function startSignIn(manager: UserManager, returnSearch: string): Promise<void> {
  return manager.signinRedirect({ url_state: returnSearch });
}

/** Redeems the code of the provider's answer `url` (state, PKCE and nonce checked by the library). */
export function completeSignIn(manager: UserManager, url: string): Promise<User> {
  return manager.signinRedirectCallback(url);
}

/** Forgets the tokens here, then ends the provider's session too (a shared office PC must not stay signed in). */
export async function signOutEverywhere(manager: UserManager, idToken: string | undefined): Promise<void> {
  await manager.removeUser();
  await manager.clearStaleState();
  await manager.signoutRedirect(idToken === undefined ? {} : { id_token_hint: idToken });
}
