// @ts-check
/*
 * The IDE page's own script (served inline; the page's Content-Security-Policy allows it by the SHA-256 of
 * this file's exact text, computed when the service starts: see src/web/ide/ide-browser-script.ts). It runs after
 * the IDE bundle (./graphiql-bundle.mjs, built by src/web/ide/build-ide-assets.ts) has defined the globals React,
 * ReactDOM, GraphiQL, GraphiQLToolkit and GraphiQLPluginExplorer: it tells Monaco where its workers are, preloads
 * one tab per example operation, then mounts GraphiQL with the explorer plugin. Plain ES2019 for the browser,
 * type-checked by tsc (./tsconfig.json: DOM library, checkJs) and linted by ESLint like the rest of the code.
 *
 * It depends on GraphiQL internals, pinned in package.json (graphiql 5.4.0, @graphiql/toolkit 0.12.1,
 * @graphiql/plugin-explorer 5.1.5, React 19.3.1); check these when upgrading:
 * - the storage keys `graphiql:tabState` (`{ activeTabIndex, tabs: [{ id, title, query, variables, headers,
 *   operationName, response }] }`) and `graphiql:query`/`graphiql:variables`/`graphiql:headers`, read through
 *   `createLocalStorage({ namespace })`;
 * - GraphiQL activating the stored tab whose query equals the stored `graphiql:query`, and opening an extra
 *   tab when none does;
 * - the tab bar's markup: `#graphiql .graphiql-tab-button`, one per tab, in tab order;
 * - `onTabChange` reporting the tabs in GraphiQL's order before it re-renders them;
 * - Monaco asking `MonacoEnvironment.getWorker` for the labels `json` and `graphql`, and another for the editor.
 *
 * Why tabs are written into GraphiQL's stored tab state instead of passed as `defaultTabs`: GraphiQL titles a
 * default tab after its operation name, and the examples should show their file names. Each example is added
 * once (remembered by name and text), so tabs the user closed stay closed and a new or changed example file
 * appears on the next load without disturbing the user's own tabs.
 *
 * GraphiQL also renames a tab after its operation whenever the user leaves or edits it, and has no option
 * against that; so the script remembers which tab (by GraphiQL's stable tab id) holds which example file and
 * puts the file name back on the tab's button whenever GraphiQL re-renders the tab bar.
 */

/**
 * @typedef {{ name: string, query: string }} Example
 * @typedef {{ storageNamespace: string, examples: Example[], workers: Record<string, string> }} Settings
 * @typedef {{ id: string, title: string, query: string | null, variables: string | null,
 *   headers: string | null, operationName: string | null, response: string | null }} StoredTab
 * @typedef {{ activeTabIndex: number, tabs: StoredTab[] }} TabState
 * @typedef {{ getItem(key: string): string | null, setItem(key: string, value: string): void,
 *   removeItem(key: string): void }} GraphiQLStorage
 * @typedef {{ fetcher: unknown, storage: GraphiQLStorage, plugins: unknown[],
 *   onTabChange(state: TabState): void }} GraphiQLProps
 * @typedef {{
 *   React: { createElement(type: unknown, props: GraphiQLProps): unknown },
 *   ReactDOM: { createRoot(element: Element): { render(element: unknown): void } },
 *   GraphiQL: unknown,
 *   GraphiQLToolkit: {
 *     createLocalStorage(options: { namespace: string }): GraphiQLStorage,
 *     createGraphiQLFetcher(options: { url: string, subscriptionUrl: string }): unknown,
 *   },
 *   GraphiQLPluginExplorer: { explorerPlugin(): unknown },
 *   MonacoEnvironment: { getWorker(workerId: string, label: string): Worker },
 * }} Bundles
 */

(function () {
  'use strict';
  // The IDE bundle loaded before this script defines these as globals.
  const bundles = /** @type {Bundles} */ (/** @type {unknown} */ (window));
  const { React, ReactDOM, GraphiQL, GraphiQLToolkit, GraphiQLPluginExplorer } = bundles;

  /** @param {string} id */
  function element(id) {
    const found = document.getElementById(id);
    if (found === null) throw new Error(`the IDE page has no #${id} element`);
    return found;
  }

  // The element id is IDE_SETTINGS_ELEMENT_ID in src/web/ide/ide-browser-script.ts (start-up checks they agree).
  /** @type {unknown} */
  const settingsJson = JSON.parse(element('ide-settings').textContent ?? 'null');
  const settings = /** @type {Settings} */ (settingsJson);
  // A namespace of our own keeps these tabs apart from any other GraphiQL served on the same origin.
  const storage = GraphiQLToolkit.createLocalStorage({ namespace: settings.storageNamespace });

  // Monaco starts a worker per language service; each is a script of this service (the page allows
  // `worker-src 'self'`), named in the settings because its URL carries its content's version.
  bundles.MonacoEnvironment = {
    getWorker(_workerId, label) {
      return new Worker(settings.workers[label] ?? settings.workers.editor ?? '');
    },
  };
  const TAB_STATE_KEY = 'graphiql:tabState';
  const SEEN_EXAMPLES_KEY = 'ide:seenExamples';
  const EXAMPLE_TAB_TITLES_KEY = 'ide:exampleTabTitles';

  /**
   * @template T
   * @param {string} key
   * @param {T} fallback
   * @returns {T}
   */
  function readStored(key, fallback) {
    try {
      const text = storage.getItem(key);
      if (!text) return fallback;
      /** @type {unknown} */
      const value = JSON.parse(text);
      return /** @type {T} */ (value);
    } catch {
      return fallback;
    }
  }

  /** @param {Example} example */
  function fingerprint(example) {
    return `${example.name}\n${example.query}`;
  }

  const storedState = readStored(TAB_STATE_KEY, /** @type {TabState | null} */ (null));
  const hadTabs = Boolean(storedState && Array.isArray(storedState.tabs) && storedState.tabs.length > 0);
  const state = storedState && hadTabs ? storedState : { activeTabIndex: 0, tabs: [] };
  const seen = readStored(SEEN_EXAMPLES_KEY, /** @type {string[]} */ ([]));
  const storedTitles = readStored(EXAMPLE_TAB_TITLES_KEY, /** @type {Record<string, string>} */ ({}));
  const stamp = Date.now().toString(36);
  const newExamples = settings.examples.filter((example) => seen.indexOf(fingerprint(example)) === -1);
  newExamples.forEach((example, index) => {
    const id = `example-${stamp}-${index}`;
    storedTitles[id] = example.name;
    state.tabs.push({
      id,
      title: example.name,
      query: example.query,
      variables: null,
      headers: null,
      operationName: null,
      response: null,
    });
  });
  const [firstTab] = state.tabs;
  if (newExamples.length > 0 && firstTab) {
    if (!hadTabs) {
      // GraphiQL activates the stored tab whose text equals its stored editor contents and opens an extra
      // empty tab when none does, so the editor contents must match the first example's tab.
      storage.setItem('graphiql:query', firstTab.query ?? '');
      storage.removeItem('graphiql:variables');
      storage.removeItem('graphiql:headers');
    }
    storage.setItem(TAB_STATE_KEY, JSON.stringify(state));
  }
  storage.setItem(SEEN_EXAMPLES_KEY, JSON.stringify(settings.examples.map(fingerprint)));

  // Titles of tabs closed in an earlier visit are dropped, so the stored map stays as small as the tab list.
  /** @type {Record<string, string>} */
  const titleByTabId = {};
  state.tabs.forEach((tab) => {
    const title = storedTitles[tab.id];
    if (Object.prototype.hasOwnProperty.call(storedTitles, tab.id) && title !== undefined) titleByTabId[tab.id] = title;
  });
  storage.setItem(EXAMPLE_TAB_TITLES_KEY, JSON.stringify(titleByTabId));

  // The tabs in GraphiQL's order: what was stored until GraphiQL reports a change (before it re-renders).
  let currentTabs = state.tabs;
  function showExampleTitles() {
    const buttons = document.querySelectorAll('#graphiql .graphiql-tab-button');
    for (let index = 0; index < buttons.length && index < currentTabs.length; index++) {
      const tab = currentTabs[index];
      const button = buttons[index];
      const title = tab ? titleByTabId[tab.id] : undefined;
      // Setting only what differs keeps this from feeding its own observer forever.
      if (title && button && button.textContent !== title) button.textContent = title;
    }
  }
  function subscriptionUrl() {
    const url = new URL(window.location.pathname, window.location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    return url.href;
  }

  const root = element('graphiql');
  new MutationObserver(showExampleTitles).observe(root, { childList: true, characterData: true, subtree: true });

  ReactDOM.createRoot(root).render(
    React.createElement(GraphiQL, {
      // The page's own path, so the IDE talks to the endpoint that served it, behind any proxy prefix;
      // subscriptions go over WebSocket to the same path (graphql-ws, in the bundle). The fetcher opens a
      // connection per subscription and puts the Headers tab's headers into its `connection_init`, so a
      // signed-in user subscribes with the Authorization they use on HTTP.
      fetcher: GraphiQLToolkit.createGraphiQLFetcher({
        url: window.location.pathname,
        subscriptionUrl: subscriptionUrl(),
      }),
      storage,
      plugins: [GraphiQLPluginExplorer.explorerPlugin()],
      onTabChange(tabsState) {
        currentTabs = tabsState.tabs;
      },
    }),
  );
})();
