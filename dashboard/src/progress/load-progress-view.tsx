import { useEffect, useState } from 'preact/hooks';
import { text } from '../common/i18n';
import { useNavigation } from '../common/navigation';
import type * as ProgressViewModule from './progress-view';

let loading: Promise<typeof ProgressViewModule> | undefined;

/**
 * The progress overview in a chunk of its own, fetched when the view first opens: every other view's first
 * visit stays as light as before (the heatmap's has a budget of 170 KB with little to spare).
 */
export function LazyProgressView() {
  const { language } = useNavigation();
  const [loaded, setLoaded] = useState<typeof ProgressViewModule | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    loading ??= import('./progress-view');
    let current = true;
    loading.then(
      (module) => current && setLoaded(module),
      (error: unknown) => current && setFailed(String(error)),
    );
    return () => {
      current = false;
    };
  }, []);
  if (failed !== null) {
    return (
      <p role="alert" class="error">
        {text(language, 'error')}: {failed}
      </p>
    );
  }
  if (loaded === null) return <p role="status">{text(language, 'loading')}</p>;
  return <loaded.ProgressView />;
}
