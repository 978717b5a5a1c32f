import { useEffect, useState } from 'preact/hooks';

/** The dashboard's state, all of it in the query string, so every view is a shareable link. */
export type UrlState = Readonly<Record<string, string>>;
export type UrlStatePatch = Readonly<Record<string, string | undefined>>;

export function readUrlState(search: string = window.location.search): UrlState {
  return Object.fromEntries(new URLSearchParams(search).entries());
}

/** The query string of `state` with `patch` applied (undefined or '' removes a key). */
export function searchWith(state: UrlState, patch: UrlStatePatch): string {
  const parameters = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...state, ...patch })) {
    if (value !== undefined && value !== '') parameters.set(key, value);
  }
  const search = parameters.toString();
  return search === '' ? '?' : `?${search}`;
}

/**
 * The current URL state and a function to change it: a change is a new history entry (so Back works)
 * and every component re-renders from the URL, which stays the one source of truth.
 */
export function useUrlState(): [UrlState, (patch: UrlStatePatch) => void] {
  const [state, setState] = useState<UrlState>(() => readUrlState());
  useEffect(() => {
    const onPopState = (): void => setState(readUrlState());
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);
  const update = (patch: UrlStatePatch): void => {
    const search = searchWith(readUrlState(), patch);
    window.history.pushState(null, '', search);
    setState(readUrlState());
  };
  return [state, update];
}
