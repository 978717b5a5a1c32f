import { statusLabel, type Language } from './i18n';

/** A change mark (新規/変更/削除) as text, not colour alone; nothing for unchanged entries. */
export function StatusBadge(props: { readonly status: string; readonly language: Language }) {
  if (props.status === 'UNCHANGED') return null;
  return <span class={`status status-${props.status.toLowerCase()}`}>{statusLabel(props.language, props.status)}</span>;
}
