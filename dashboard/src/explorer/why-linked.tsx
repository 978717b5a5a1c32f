import { useState } from 'preact/hooks';
import { text, type Language } from '../common/i18n';
import { useNavigation } from '../common/navigation';
import { QueryStatus } from '../common/query-status';
import { useQuery } from '../common/use-query';
import { PATHS_QUERY, type PathsData } from './explorer-queries';
import type { VisibleNode } from './visible-graph';
import { nodeLabel } from './node-label';

/** "Why linked?": pick two shown nodes; the shortest paths between them, each hop with its document line. */
export function WhyLinked(props: { readonly nodes: readonly VisibleNode[]; readonly focus: string }) {
  const { state, language, navigate } = useNavigation();
  const [from, setFrom] = useState(state.from ?? props.focus);
  const [to, setTo] = useState(state.to ?? '');
  return (
    <section class="why-linked" aria-labelledby="why-title">
      <h3 id="why-title">{text(language, 'whyLinked')}</h3>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (from !== '' && to !== '' && from !== to) navigate({ from, to });
        }}
      >
        <NodeSelect id="why-from" label={text(language, 'from')} value={from} nodes={props.nodes} onChange={setFrom} />
        <NodeSelect id="why-to" label={text(language, 'to')} value={to} nodes={props.nodes} onChange={setTo} />
        <button type="submit">{text(language, 'whyLinked')}</button>
      </form>
      {state.from === undefined || state.to === undefined ? null : (
        <PathList from={state.from} to={state.to} language={language} />
      )}
    </section>
  );
}

function NodeSelect(props: {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly nodes: readonly VisibleNode[];
  readonly onChange: (id: string) => void;
}) {
  return (
    <span class="node-select">
      <label for={props.id}>{props.label}</label>{' '}
      <select id={props.id} value={props.value} onChange={(event) => props.onChange(event.currentTarget.value)}>
        <option value="">—</option>
        {props.nodes.map((node) => (
          <option key={node.id} value={node.id}>
            {node.label}
          </option>
        ))}
      </select>
    </span>
  );
}

function PathList(props: { readonly from: string; readonly to: string; readonly language: Language }) {
  const { language } = props;
  const result = useQuery<PathsData>(PATHS_QUERY, { from: props.from, to: props.to });
  if (result.status !== 'done') return <QueryStatus state={result} />;
  if (result.data.paths.length === 0) return <p>{text(language, 'noPath')}</p>;
  return (
    <ol class="paths">
      {result.data.paths.map((path, index) => (
        <li key={index}>
          {path.length} {text(language, 'hops')}
          <ol class="hops">
            {path.steps.map((step, stepIndex) => (
              <li key={stepIndex}>
                {nodeLabel(language, step.from)} <code>─{step.relationship}→</code> {nodeLabel(language, step.to)}{' '}
                {step.source === null ? null : (
                  <small class="source">
                    {step.source.document}:{step.source.line}
                  </small>
                )}
              </li>
            ))}
          </ol>
        </li>
      ))}
    </ol>
  );
}
