import { useEffect, useRef, useState } from 'preact/hooks';
import { queryGraphQL } from '../common/graphql-client';
import { text, type Language, type TextKey } from '../common/i18n';
import { StateLink, useNavigation } from '../common/navigation';
import { QueryStatus } from '../common/query-status';
import { markFirstRender } from '../common/rendered-mark';
import { useQuery } from '../common/use-query';
import {
  SEARCH_QUERY,
  neighboursQuery,
  neighboursVariables,
  type GraphNode,
  type NeighboursData,
  type SearchData,
} from './explorer-queries';
import type { CanvasEdge, CanvasNode, GraphCanvas } from './graph-canvas';
import { visibleGraph, type LoadedGraph } from './visible-graph';
import { loadGraphCanvas } from './load-graph-canvas';
import { kindName, nodeLabel } from './node-label';
import { WhyLinked } from './why-linked';

const FONT_FAMILY = getComputedStyle(document.documentElement).fontFamily;

/**
 * Graph explorer: state `q` (search text), `node` (the starting node), `open` (comma-separated ids of the
 * expanded nodes, in order) and `from`/`to` (the pair asked "why linked?").
 */
export function ExplorerView() {
  const { state, language, navigate } = useNavigation();
  const [searchText, setSearchText] = useState(state.q ?? '');
  const open = (state.open ?? '').split(',').filter((id) => id !== '');
  return (
    <section aria-labelledby="explorer-title">
      <h2 id="explorer-title">{text(language, 'explorer')}</h2>
      <p>{text(language, 'explorerHelp')}</p>
      <form
        role="search"
        class="search"
        onSubmit={(event) => {
          event.preventDefault();
          navigate({ q: searchText.trim() });
        }}
      >
        <label for="explorer-search">{text(language, 'search')}</label>{' '}
        <input
          id="explorer-search"
          type="search"
          value={searchText}
          onInput={(event) => setSearchText(event.currentTarget.value)}
        />{' '}
        <button type="submit">{text(language, 'searchButton')}</button>
      </form>
      {state.q === undefined ? null : <SearchResults text={state.q} language={language} />}
      {state.node === undefined ? null : <Explorer focus={state.node} open={open} language={language} />}
    </section>
  );
}

/** The page of an indicator or a reform sheet that search found; nothing for other kinds, which have none. */
function SubjectPageLink(props: { readonly node: GraphNode; readonly language: Language }) {
  const page = SUBJECT_PAGES[props.node.__typename];
  if (page === undefined) return null;
  return (
    <StateLink patch={{ view: page.view, id: props.node.id }} replace>
      {text(props.language, page.label)}
    </StateLink>
  );
}

const SUBJECT_PAGES: Readonly<Record<string, { readonly view: string; readonly label: TextKey }>> = {
  Indicator: { view: 'indicator', label: 'indicatorPage' },
  ReformSheet: { view: 'sheet', label: 'sheetPage' },
};

function SearchResults(props: { readonly text: string; readonly language: Language }) {
  const { navigate } = useNavigation();
  const result = useQuery<SearchData>(SEARCH_QUERY, { text: props.text });
  if (result.status !== 'done') return <QueryStatus state={result} />;
  return (
    <ul class="search-results">
      {result.data.search.map((hit) => (
        <li key={hit.node.id}>
          <button
            type="button"
            data-node-id={hit.node.id}
            onClick={() => navigate({ node: hit.node.id, open: hit.node.id, from: undefined, to: undefined })}
          >
            {nodeLabel(props.language, hit.node)}
          </button>{' '}
          <small>
            {kindName(props.language, hit.node)} · {hit.snippet}
          </small>{' '}
          <SubjectPageLink node={hit.node} language={props.language} />
        </li>
      ))}
    </ul>
  );
}

function Explorer(props: { readonly focus: string; readonly open: readonly string[]; readonly language: Language }) {
  const { focus, open, language } = props;
  const { navigate } = useNavigation();
  const [loaded, setLoaded] = useState<LoadedGraph>({ nodes: new Map(), neighbours: new Map() });
  const [error, setError] = useState<string | null>(null);
  const openKey = open.join(',');

  useEffect(() => void loadGraphCanvas(), []);
  // Only nodes not fetched before are asked for, all in one request.
  useEffect(() => {
    const missing = open.filter((id) => !loaded.neighbours.has(id));
    if (missing.length === 0 && loaded.nodes.has(focus)) return;
    let current = true;
    queryGraphQL<NeighboursData>(neighboursQuery(missing), neighboursVariables(focus, missing)).then(
      (data) => {
        if (!current) return;
        const nodes = new Map(loaded.nodes);
        const neighbours = new Map(loaded.neighbours);
        if (data.focus !== null) nodes.set(data.focus.id, data.focus);
        missing.forEach((id, index) => {
          const list = data[`n${index}`] ?? [];
          neighbours.set(id, list);
          for (const neighbour of list) nodes.set(neighbour.node.id, neighbour.node);
        });
        setLoaded({ nodes, neighbours });
        setError(null);
      },
      (failure: unknown) => current && setError(String(failure)),
    );
    return () => {
      current = false;
    };
    // `loaded` is read, not watched: it changes only as the answer to this effect.
  }, [focus, openKey]);

  const { nodes, edges } = visibleGraph(focus, open, loaded, language);
  const expand = (id: string): void => {
    if (!open.includes(id)) navigate({ open: [...open, id].join(',') });
  };

  return (
    <div class="explorer">
      {error === null ? null : (
        <p role="alert" class="error">
          {text(language, 'error')}: {error}
        </p>
      )}
      <div class="explorer-layout">
        <GraphDiagram nodes={nodes} edges={edges} root={focus} onTap={expand} />
        <div class="node-list">
          <h3>
            {text(language, 'visibleNodes')} ({nodes.length})
          </h3>
          <ul>
            {nodes.map((node) => (
              <li key={node.id} data-node-id={node.id}>
                <span class="kind">{node.kindName}</span> {node.label}{' '}
                {node.expanded ? (
                  <small>({text(language, 'expanded')})</small>
                ) : (
                  <button
                    type="button"
                    onClick={() => expand(node.id)}
                    aria-label={`${text(language, 'expand')}: ${node.label}`}
                  >
                    {text(language, 'expand')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </div>
      </div>
      <WhyLinked nodes={nodes} focus={focus} />
    </div>
  );
}

function GraphDiagram(props: {
  readonly nodes: readonly CanvasNode[];
  readonly edges: readonly CanvasEdge[];
  readonly root: string;
  readonly onTap: (id: string) => void;
}) {
  const container = useRef<HTMLDivElement>(null);
  const canvas = useRef<GraphCanvas | null>(null);
  const onTap = useRef(props.onTap);
  onTap.current = props.onTap;
  // The library loads asynchronously; once it is there it draws whatever is current by then.
  const latest = useRef({ nodes: props.nodes, edges: props.edges, root: props.root });
  latest.current = { nodes: props.nodes, edges: props.edges, root: props.root };

  useEffect(() => {
    const element = container.current;
    if (element === null) return undefined;
    let destroyed = false;
    void loadGraphCanvas().then(({ createGraphCanvas }) => {
      if (destroyed) return;
      canvas.current = createGraphCanvas(element, FONT_FAMILY, (id) => onTap.current(id));
      if (latest.current.nodes.length > 0) {
        canvas.current.show(latest.current.nodes, latest.current.edges, latest.current.root);
        markFirstRender();
      }
    });
    return () => {
      destroyed = true;
      canvas.current?.destroy();
      canvas.current = null;
    };
  }, []);

  const shape = `${props.nodes.map((node) => `${node.id}:${node.label}:${String(node.expanded)}`).join()}#${props.edges.length}`;
  useEffect(() => {
    if (props.nodes.length === 0) return;
    canvas.current?.show(props.nodes, props.edges, props.root);
    markFirstRender();
  }, [shape]);

  return <div ref={container} class="graph-canvas" role="img" aria-label="node-link diagram" />;
}
