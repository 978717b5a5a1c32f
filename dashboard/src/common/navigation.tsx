import { createContext, type ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import { languageOf, type Language } from './i18n';
import { searchWith, type UrlState, type UrlStatePatch } from './url-state';

export interface Navigation {
  readonly state: UrlState;
  readonly language: Language;
  readonly navigate: (patch: UrlStatePatch) => void;
}

export const NavigationContext = createContext<Navigation>({
  state: {},
  language: 'ja',
  navigate: () => undefined,
});

export function useNavigation(): Navigation {
  return useContext(NavigationContext);
}

export function navigationOf(state: UrlState, navigate: (patch: UrlStatePatch) => void): Navigation {
  return { state, language: languageOf(state.lang), navigate };
}

/**
 * A real link (it can be opened in a new tab or copied) that, clicked plainly, changes the view in place.
 * `replace` starts from an empty state instead of the current one, for links into another view.
 */
export function StateLink(props: {
  readonly patch: UrlStatePatch;
  readonly replace?: boolean;
  readonly class?: string;
  readonly current?: boolean;
  readonly children: ComponentChildren;
}) {
  const { state, navigate } = useNavigation();
  const base: UrlState = props.replace === true ? (state.lang === undefined ? {} : { lang: state.lang }) : state;
  const full: Record<string, string | undefined> = { ...props.patch };
  if (props.replace === true) {
    for (const key of Object.keys(state)) if (!(key in full) && key !== 'lang') full[key] = undefined;
  }
  return (
    <a
      href={searchWith(base, full)}
      class={props.class}
      aria-current={props.current === true ? 'page' : undefined}
      onClick={(event) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        navigate(full);
      }}
    >
      {props.children}
    </a>
  );
}
