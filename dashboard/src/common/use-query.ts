import { useEffect, useRef, useState } from 'preact/hooks';
import { queryGraphQL } from './graphql-client';
import { useLiveData } from './live-data-version';

export type QueryState<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly message: string }
  | { readonly status: 'done'; readonly data: T };

/**
 * Runs a query whenever its variables change (compared as JSON), and drops answers that arrive after
 * newer variables, so a slow answer never overwrites a newer view. When the service announces new data
 * (live-data-version.ts), the same query runs again while the shown answer stays until the new one arrives:
 * no loading state, no flicker; a failed refresh keeps what is shown.
 */
export function useQuery<T>(query: string, variables: Readonly<Record<string, unknown>>): QueryState<T> {
  const [state, setState] = useState<QueryState<T>>({ status: 'loading' });
  const key = JSON.stringify(variables);
  const { revision } = useLiveData();
  /** The question the shown state answers, to tell a refresh from a new question. */
  const asked = useRef<string | undefined>(undefined);
  useEffect(() => {
    let current = true;
    const question = `${query}\n${key}`;
    const refresh = asked.current === question;
    asked.current = question;
    if (!refresh) setState({ status: 'loading' });
    queryGraphQL<T>(query, JSON.parse(key) as Record<string, unknown>).then(
      (data) => current && setState({ status: 'done', data }),
      (error: unknown) =>
        current &&
        setState((shown) =>
          refresh && shown.status === 'done' ? shown : { status: 'error', message: messageOf(error) },
        ),
    );
    return () => {
      current = false;
    };
  }, [query, key, revision]);
  return state;
}

/** What staff read of a failed query: the message itself, without the `Error: ` that String() puts first. */
function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
