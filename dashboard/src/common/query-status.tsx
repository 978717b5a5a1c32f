import { text } from './i18n';
import { useNavigation } from './navigation';
import type { QueryState } from './use-query';

/** What to show while a query runs or when it failed; null once the data is there. */
export function QueryStatus<T>(props: { readonly state: QueryState<T> }) {
  const { language } = useNavigation();
  if (props.state.status === 'loading') return <p role="status">{text(language, 'loading')}</p>;
  if (props.state.status === 'error') {
    return (
      <p role="alert" class="error">
        {text(language, 'error')}: {props.state.message}
      </p>
    );
  }
  return null;
}
