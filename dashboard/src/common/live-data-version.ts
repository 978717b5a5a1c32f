import { useEffect, useState } from 'preact/hooks';
import { pageLanguage } from './graphql-client';

/** Where the page's live connection stands: before the first answer, answering, or dropped and retrying. */
export type LiveStatus = 'connecting' | 'live' | 'offline';

export interface LiveState {
  readonly status: LiveStatus;
  /** How many times the data changed since the page opened; queries run again when it grows. */
  readonly revision: number;
  /** When the latest change arrived (null before the first). */
  readonly updatedAt: Date | null;
}

/** Sent as it is (already one space between tokens, as ../operations.ts lists it), over WebSocket. */
export const LIVE_SUBSCRIPTION = 'subscription DashboardLive { dataVersionChanged { version } }';

/** Reconnection waits: 1 s, 2 s, 4 s … up to 30 s, each plus up to 1 s at random so pages do not return at once. */
const FIRST_RETRY_MS = 1_000;
const LONGEST_RETRY_MS = 30_000;

let state: LiveState = { status: 'connecting', revision: 0, updatedAt: null };
const listeners = new Set<(next: LiveState) => void>();
let started = false;
/** The data version the page's answers are from: the first one the service announced, then each change. */
let knownVersion: string | undefined;

function publish(patch: Partial<LiveState>): void {
  state = { ...state, ...patch };
  for (const listener of listeners) listener(state);
}

function retryDelay(retries: number): number {
  return Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** retries) + Math.random() * 1_000;
}

/** A new version means the answers shown may be out of date; the first one only says which version they are from. */
function versionAnnounced(version: string): void {
  if (knownVersion !== undefined && version !== knownVersion) {
    publish({ revision: state.revision + 1, updatedAt: new Date() });
  }
  knownVersion = version;
}

/**
 * One subscription per page, opened when the first view asks: `dataVersionChanged` over WebSocket on the
 * service's /graphql (graphql-ws, loaded as its own small chunk). It reconnects with backoff for as long as the
 * page is open; after a reconnection the service's first event says its version, so a change missed while
 * offline still refreshes the view.
 */
async function start(): Promise<void> {
  if (started) return;
  started = true;
  const { createClient } = await import('graphql-ws/client');
  // Relative to the page, as the GraphQL requests are: works behind a path prefix too.
  const url = new URL('graphql', document.baseURI);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  const client = createClient({
    url: url.href,
    lazy: false,
    // The page's language, as Accept-Language is over HTTP (a page cannot set headers on a WebSocket): the
    // service words a refused subscription's errors in it. Read at each (re)connection.
    connectionParams: () => ({ language: pageLanguage() }),
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, retryDelay(retries))),
    on: {
      connected: () => publish({ status: 'live' }),
      closed: () => publish({ status: 'offline' }),
    },
  });
  let failures = 0;
  const subscribe = (): void => {
    client.subscribe<{ dataVersionChanged: { version: string } }>(
      { query: LIVE_SUBSCRIPTION },
      {
        next: (result) => {
          failures = 0;
          const version = result.data?.dataVersionChanged.version;
          if (version !== undefined) versionAnnounced(version);
        },
        // A refusal the client does not retry by itself (a close code it takes as final): try again later.
        error: () => {
          publish({ status: 'offline' });
          setTimeout(subscribe, retryDelay(failures++));
        },
        complete: () => undefined,
      },
    );
  };
  subscribe();
}

/** The page's live state; the first caller opens the connection. */
export function useLiveData(): LiveState {
  const [current, setCurrent] = useState(state);
  useEffect(() => {
    listeners.add(setCurrent);
    setCurrent(state);
    void start().catch(() => publish({ status: 'offline' }));
    return () => {
      listeners.delete(setCurrent);
    };
  }, []);
  return current;
}
