import type { Language } from './i18n';
import { pageText } from './page-texts';

/** Where the documents print a subject, as a term of a page's facts list: `document:line`, or nothing. */
export function SourceFact(props: {
  readonly language: Language;
  readonly source: { readonly document: string; readonly line: number } | null;
}) {
  if (props.source === null) return null;
  return (
    <>
      <dt>{pageText(props.language, 'source')}</dt>
      <dd>
        <code>
          {props.source.document}:{props.source.line}
        </code>
      </dd>
    </>
  );
}
