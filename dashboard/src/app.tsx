import { useLayoutEffect } from 'preact/hooks';
import { text, type TextKey } from './common/i18n';
import { NavigationContext, StateLink, navigationOf } from './common/navigation';
import { LiveIndicator } from './common/live-indicator';
import { useUrlState } from './common/url-state';
import { useDataEpoch } from './common/data-changed';
import { SessionHeader } from './sign-in/session-header';
import { DepartmentView } from './department/department-view';
import { DrilldownView } from './drilldown/drilldown-view';
import { ExplorerView } from './explorer/explorer-view';
import { HeatmapView } from './heatmap/heatmap-view';
import { LazyProgressView } from './progress/load-progress-view';
import { lazyView } from './common/lazy-view';

const VIEWS = ['heatmap', 'items', 'department', 'explorer', 'progress'] as const satisfies readonly TextKey[];
type ViewName = (typeof VIEWS)[number];

const IndicatorView = lazyView(() => import('./indicator/indicator-view').then((module) => module.IndicatorView));
const SheetView = lazyView(() => import('./sheet/sheet-view').then((module) => module.SheetView));

/** Pages of one subject (`id`), reached by links from the views rather than from the navigation. */
const PAGES = ['indicator', 'sheet'] as const satisfies readonly TextKey[];
type PageName = (typeof PAGES)[number];

function viewOf(value: string | undefined): ViewName | PageName {
  return VIEWS.find((view) => view === value) ?? PAGES.find((page) => page === value) ?? 'heatmap';
}

/** The shell: title, one link per view, the language toggle, and the view the URL names. */
export function App() {
  const [state, navigate] = useUrlState();
  const navigation = navigationOf(state, navigate);
  const { language } = navigation;
  const view = viewOf(state.view);
  // A write from this page makes the view read its data again (a fresh mount under a new key).
  const dataEpoch = useDataEpoch();
  // Before paint, so assistive technology never reads one language's text under the other's tag.
  useLayoutEffect(() => {
    document.documentElement.lang = language;
    document.title = `${text(language, view)} · ${text(language, 'title')}`;
  }, [language, view]);
  return (
    <NavigationContext.Provider value={navigation}>
      <header class="top">
        <h1>{text(language, 'title')}</h1>
        <nav aria-label={language === 'en' ? 'Views' : 'ビュー'}>
          <ul>
            {VIEWS.map((name) => (
              <li key={name}>
                <StateLink patch={{ view: name }} replace current={name === view}>
                  {text(language, name)}
                </StateLink>
              </li>
            ))}
          </ul>
        </nav>
        <LiveIndicator />
        <button
          type="button"
          class="language"
          lang={language === 'en' ? 'ja' : 'en'}
          aria-label={text(language, 'switchLanguageLabel')}
          onClick={() => navigate({ lang: language === 'en' ? undefined : 'en' })}
        >
          {text(language, 'switchLanguage')}
        </button>
        <SessionHeader language={language} />
      </header>
      <main id="main" key={dataEpoch}>
        {view === 'heatmap' && <HeatmapView />}
        {view === 'items' && <DrilldownView />}
        {view === 'department' && <DepartmentView />}
        {view === 'explorer' && <ExplorerView />}
        {view === 'progress' && <LazyProgressView />}
        {view === 'indicator' && <IndicatorView />}
        {view === 'sheet' && <SheetView />}
      </main>
    </NavigationContext.Provider>
  );
}
