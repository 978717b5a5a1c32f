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
 *
 * GraphiQL also renames a tab after its operation whenever the user leaves or edits it, and has no option
 * against that; so the script remembers which tab (by GraphiQL's stable tab id) holds which example file and
 * puts the file name back on the tab's button whenever GraphiQL re-renders the tab bar.
 */
export const IDE_BROWSER_SCRIPT = `
(function () {
  'use strict';
  var settings = JSON.parse(document.getElementById('${IDE_SETTINGS_ELEMENT_ID}').textContent);
  // A namespace of our own keeps these tabs apart from any other GraphiQL served on the same origin.
  var storage = GraphiQL.createLocalStorage({ namespace: settings.storageNamespace });
  var TAB_STATE_KEY = 'graphiql:tabState';
  var SEEN_EXAMPLES_KEY = 'ide:seenExamples';
  var EXAMPLE_TAB_TITLES_KEY = 'ide:exampleTabTitles';

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
  var storedTitles = readStored(EXAMPLE_TAB_TITLES_KEY, {});
  var stamp = Date.now().toString(36);
  var newExamples = settings.examples.filter(function (example) {
    return seen.indexOf(fingerprint(example)) === -1;
  });
  newExamples.forEach(function (example, index) {
    var id = 'example-' + stamp + '-' + index;
    storedTitles[id] = example.name;
    state.tabs.push({
      id: id,
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

  // Titles of tabs closed in an earlier visit are dropped, so the stored map stays as small as the tab list.
  var titleByTabId = {};
  state.tabs.forEach(function (tab) {
    if (Object.prototype.hasOwnProperty.call(storedTitles, tab.id)) titleByTabId[tab.id] = storedTitles[tab.id];
  });
  storage.setItem(EXAMPLE_TAB_TITLES_KEY, JSON.stringify(titleByTabId));

  // The tabs in GraphiQL's order: what was stored until GraphiQL reports a change (before it re-renders).
  var currentTabs = state.tabs;
  function showExampleTitles() {
    var buttons = document.querySelectorAll('#graphiql .graphiql-tab-button');
    for (var index = 0; index < buttons.length && index < currentTabs.length; index++) {
      var title = titleByTabId[currentTabs[index].id];
      // Setting only what differs keeps this from feeding its own observer forever.
      if (title && buttons[index].textContent !== title) buttons[index].textContent = title;
    }
  }
  new MutationObserver(showExampleTitles).observe(document.getElementById('graphiql'), {
    childList: true,
    characterData: true,
    subtree: true,
  });

  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, {
      // The page's own path, so the IDE talks to the endpoint that served it, behind any proxy prefix.
      fetcher: GraphiQL.createFetcher({ url: window.location.pathname }),
      storage: storage,
      plugins: [GraphiQLPluginExplorer.explorerPlugin()],
      onTabChange: function (tabsState) {
        currentTabs = tabsState.tabs;
      },
    }),
  );
})();
`;
