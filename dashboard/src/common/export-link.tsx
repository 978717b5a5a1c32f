import { text, type Language } from './i18n';

/**
 * The URL of the server's spreadsheet of what a view lists: `/export/<kind>.xlsx` with the view's own filter
 * as flat parameters (a list repeated: `ids=…&ids=…`), English headers with the page in English.
 */
export function exportHref(
  kind: 'indicators' | 'measures',
  filter: Readonly<Record<string, string | readonly string[]>>,
  language: Language,
): string {
  const parameters = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    for (const one of typeof value === 'string' ? [value] : value) parameters.append(key, one);
  }
  if (language === 'en') parameters.set('header', 'en');
  return `export/${kind}.xlsx?${parameters.toString()}`;
}

/** A download link for what the view lists (表示中の一覧をExcelでダウンロード). */
export function ExportLink(props: {
  readonly kind: 'indicators' | 'measures';
  readonly filter: Readonly<Record<string, string | readonly string[]>>;
  readonly language: Language;
}) {
  return (
    <p class="actions">
      <a href={exportHref(props.kind, props.filter, props.language)} download class="download">
        {text(props.language, 'downloadListed')}
      </a>
    </p>
  );
}
