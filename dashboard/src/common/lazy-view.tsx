import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { QueryStatus } from './query-status';

/**
 * A view whose code is its own chunk, fetched the first time it is shown: the pages reached by a link (an
 * indicator's, a sheet's) stay out of the script every first visit loads, which the heatmap's page-weight
 * budget counts. Loading and failure look like a query's.
 */
export function lazyView(load: () => Promise<ComponentType>): ComponentType {
  let view: ComponentType | undefined;
  return function LazyView() {
    const [, setLoaded] = useState(view !== undefined);
    const [failure, setFailure] = useState<string | null>(null);
    useEffect(() => {
      if (view !== undefined) return;
      load().then(
        (loaded) => {
          view = loaded;
          setLoaded(true);
        },
        (error: unknown) => setFailure(String(error)),
      );
    }, []);
    if (failure !== null) return <QueryStatus state={{ status: 'error', message: failure }} />;
    if (view === undefined) return <QueryStatus state={{ status: 'loading' }} />;
    const View = view;
    return <View />;
  };
}
