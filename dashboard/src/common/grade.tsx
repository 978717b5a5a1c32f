import { text, type Language } from './i18n';

/** A reform sheet's year-end grade (A/B/C), or "not graded" while it has none. */
export function Grade(props: { readonly evaluation: string | null; readonly language: Language }) {
  return props.evaluation === null ? (
    <span class="grade grade-none">{text(props.language, 'notGraded')}</span>
  ) : (
    <span class="grade">
      {text(props.language, 'grade')} {props.evaluation}
    </span>
  );
}
