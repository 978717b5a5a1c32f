import { nameIn, type Language } from './i18n';

export interface SdgLabel {
  readonly number: number;
  readonly name: string;
  readonly nameEn: string;
  readonly color: string;
}

/** An SDG as the UN shows it: its number on its official colour, with its title for screen readers and hover. */
export function SdgBadge(props: { readonly sdg: SdgLabel; readonly language: Language; readonly long?: boolean }) {
  const title = `SDG ${props.sdg.number}: ${nameIn(props.language, props.sdg)}`;
  return (
    <span class="sdg-badge" style={{ backgroundColor: props.sdg.color }} title={title}>
      <span aria-hidden="true">{props.sdg.number}</span>
      <span class={props.long === true ? 'sdg-name' : 'visually-hidden'}>
        {props.long === true ? nameIn(props.language, props.sdg) : title}
      </span>
    </span>
  );
}
