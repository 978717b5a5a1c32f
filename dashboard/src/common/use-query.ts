import { useEffect, useState } from 'preact/hooks';
import { queryGraphQL } from './graphql-client';

export type QueryState<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly message: string }
  | { readonly status: 'done'; readonly data: T };

/**
 * Runs a query whenever its variables change (compared as JSON), and drops answers that arrive after
 * newer variables, so a slow answer never overwrites a newer view.
 */
export function useQuery<T>(query: string, variables: Readonly<Record<string, unknown>>): QueryState<T> {
  const [state, setState] = useState<QueryState<T>>({ status: 'loading' });
  const key = JSON.stringify(variables);
  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    queryGraphQL<T>(query, JSON.parse(key) as Record<string, unknown>).then(
      (data) => current && setState({ status: 'done', data }),
      (error: unknown) => current && setState({ status: 'error', message: String(error) }),
    );
    return () => {
      current = false;
    };
  }, [query, key]);
  return state;
}
