/** The id of the `<script type="application/json">` element holding the page's settings and examples. */
export const IDE_SETTINGS_ELEMENT_ID = 'ide-settings';

/**
 * What the browser runs after the bundles have loaded: preload one tab per example operation, then mount
 * GraphiQL with the explorer plugin. It is plain ES2017 (this project's TypeScript has no DOM types and no
 * browser build), kept constant so the page's Content-Security-Policy can allow it by hash; everything that
 * varies comes from the JSON settings element.
 *
 * Why tabs are written into GraphiQL's stored tab state instead of passed as `defaultTabs`: GraphiQL titles a
 * default tab after its operation name, and the issue asks for the file name. Each example is added once
 * (remembered by name and text), so tabs the user closed stay closed and a new or changed example file
 * appears on the next load without disturbing the user's own tabs.
 */
export const IDE_BROWSER_SCRIPT = `
(function () {
  'use strict';
  var settings = JSON.parse(document.getElementById('${IDE_SETTINGS_ELEMENT_ID}').textContent);
  // A namespace of our own keeps these tabs apart from any other GraphiQL served on the same origin.
  var storage = GraphiQL.createLocalStorage({ namespace: settings.storageNamespace });
  var TAB_STATE_KEY = 'graphiql:tabState';
  var SEEN_EXAMPLES_KEY = 'ide:seenExamples';

  function readStored(key, fallback) {
    try {
      var text = storage.getItem(key);
      return text ? JSON.parse(text) : fallback;
    } catch (error) {
      return fallback;
    }
  }
  function fingerprint(example) {
    return example.name + '\\n' + example.query;
  }

  var storedState = readStored(TAB_STATE_KEY, null);
  var hadTabs = Boolean(storedState && Array.isArray(storedState.tabs) && storedState.tabs.length > 0);
  var state = hadTabs ? storedState : { activeTabIndex: 0, tabs: [] };
  var seen = readStored(SEEN_EXAMPLES_KEY, []);
  var stamp = Date.now().toString(36);
  var newExamples = settings.examples.filter(function (example) {
    return seen.indexOf(fingerprint(example)) === -1;
  });
  newExamples.forEach(function (example, index) {
    state.tabs.push({
      id: 'example-' + stamp + '-' + index,
      title: example.name,
      query: example.query,
      variables: null,
      headers: null,
      operationName: null,
      response: null,
    });
  });
  if (newExamples.length > 0) {
    if (!hadTabs) {
      // GraphiQL activates the stored tab whose text equals its stored editor contents and opens an extra
      // empty tab when none does, so the editor contents must match the first example's tab.
      storage.setItem('graphiql:query', state.tabs[0].query);
      storage.removeItem('graphiql:variables');
      storage.removeItem('graphiql:headers');
    }
    storage.setItem(TAB_STATE_KEY, JSON.stringify(state));
  }
  storage.setItem(SEEN_EXAMPLES_KEY, JSON.stringify(settings.examples.map(fingerprint)));

  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, {
      // The page's own path, so the IDE talks to the endpoint that served it, behind any proxy prefix.
      fetcher: GraphiQL.createFetcher({ url: window.location.pathname }),
      storage: storage,
      plugins: [GraphiQLPluginExplorer.explorerPlugin()],
    }),
  );
})();
`;
