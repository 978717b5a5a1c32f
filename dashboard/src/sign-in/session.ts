import type { User, UserManager } from 'oidc-client-ts';
import { readUrlState, searchWith } from '../common/url-state';
import { readSignInConfig, type SignInConfig } from './sign-in-config';
import { identityOf, type StaffIdentity } from './token-claims';

/** Where the page stands with sign-in; held in memory only, like the token. */
export type Session =
  | { readonly status: 'unavailable' }
  | { readonly status: 'signed-out'; readonly problem?: string }
  | { readonly status: 'working' }
  | { readonly status: 'signed-in'; readonly identity: StaffIdentity; readonly accessToken: string };

const config: SignInConfig | null = typeof document === 'undefined' ? null : readSignInConfig();
let session: Session = config === null ? { status: 'unavailable' } : { status: 'signed-out' };
let manager: Promise<UserManager> | undefined;
let idToken: string | undefined;
const listeners = new Set<() => void>();

function set(next: Session): void {
  session = next;
  for (const listener of listeners) listener();
}

export function currentSession(): Session {
  return session;
}

export function onSessionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The OpenID client, imported on first use (a separate chunk: readers never download it). */
function userManager(signIn: SignInConfig): Promise<UserManager> {
  manager ??= import('./oidc-client').then(({ createUserManager }) => createUserManager(signIn));
  return manager;
}

function accept(user: User, signIn: SignInConfig): void {
  const identity = identityOf(user.access_token, signIn);
  if (identity === null) {
    set({ status: 'signed-out', problem: 'The identity provider did not issue a JWT access token.' });
    return;
  }
  idToken = user.id_token;
  set({ status: 'signed-in', identity, accessToken: user.access_token });
  // Past expiry the API refuses the token: forget it then, so the page offers a new sign-in.
  const seconds = user.expires_in;
  if (seconds !== undefined) {
    window.setTimeout(() => {
      if (session.status === 'signed-in' && session.accessToken === user.access_token) expire();
    }, seconds * 1000);
  }
}

/** The token was refused or ran out: forget it and say so. */
export function expire(): void {
  idToken = undefined;
  void manager?.then((m) => m.removeUser());
  set({ status: 'signed-out', problem: 'expired' });
}

export async function signIn(): Promise<void> {
  if (config === null) return;
  set({ status: 'working' });
  try {
    const { startSignIn } = await import('./oidc-client');
    await startSignIn(await userManager(config), window.location.search);
  } catch (error) {
    set({ status: 'signed-out', problem: String(error) });
  }
}

export async function signOut(): Promise<void> {
  if (config === null) return;
  const hint = idToken;
  idToken = undefined;
  set({ status: 'signed-out' });
  try {
    const { signOutEverywhere } = await import('./oidc-client');
    await signOutEverywhere(await userManager(config), hint);
  } catch {
    // A provider without an end-session endpoint (or out of reach) keeps its own session; this page has
    // forgotten the token all the same, which is what signing out here means.
  }
}

/** True when the URL is the provider's answer to a sign-in (a code or an error, with the state). */
function isProviderAnswer(search: string): boolean {
  const parameters = new URLSearchParams(search);
  return parameters.has('state') && (parameters.has('code') || parameters.has('error'));
}

/**
 * Called once before the first render. When the page is the provider's answer, the code and state leave the
 * address bar and history at once (before anything else runs), then the code is redeemed and the view the
 * person signed in from comes back, taken only as a query string of this page (never a URL to go to).
 */
export function resumeSignIn(): void {
  if (config === null || !isProviderAnswer(window.location.search)) return;
  const answer = window.location.href;
  window.history.replaceState(null, '', '?');
  set({ status: 'working' });
  void (async () => {
    try {
      const { completeSignIn } = await import('./oidc-client');
      const user = await completeSignIn(await userManager(config), answer);
      const returned = typeof user.url_state === 'string' && user.url_state.startsWith('?') ? user.url_state : '?';
      window.history.replaceState(null, '', searchWith(readUrlState(returned), {}));
      window.dispatchEvent(new PopStateEvent('popstate'));
      accept(user, config);
    } catch (error) {
      set({ status: 'signed-out', problem: error instanceof Error ? error.message : String(error) });
    }
  })();
}
