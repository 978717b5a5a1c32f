/** Media types a GraphQL client asks for; a request preferring one of these gets GraphQL, not the IDE. */
const GRAPHQL_MEDIA_TYPES = ['application/json', 'application/graphql-response+json', 'multipart/mixed'];

interface MediaRange {
  readonly type: string;
  readonly quality: number;
}

/**
 * Whether an `Accept` header asks for a web page rather than a GraphQL response. A browser's address bar
 * sends `text/html,…,*\/*;q=0.8`; GraphQL clients send JSON types or `*\/*` (curl). So the page is served
 * only when text/html is named explicitly and ranks at least as high as every GraphQL type named; a
 * wildcard alone never selects the page, so scripts that send `*\/*` keep getting GraphQL.
 */
export function prefersHtml(acceptHeader: string | undefined): boolean {
  if (!acceptHeader) return false;
  const ranges = parseAccept(acceptHeader);
  const html = ranges.find((range) => range.type === 'text/html');
  if (!html || html.quality <= 0) return false;
  const bestGraphQL = Math.max(
    0,
    ...ranges.filter((range) => GRAPHQL_MEDIA_TYPES.includes(range.type)).map((range) => range.quality),
  );
  return html.quality >= bestGraphQL;
}

function parseAccept(header: string): MediaRange[] {
  return header
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const [type = '', ...parameters] = part.split(';').map((piece) => piece.trim());
      const qualityParameter = parameters.find((parameter) => /^q=/i.test(parameter));
      const quality = qualityParameter === undefined ? 1 : Number(qualityParameter.slice(2));
      // A malformed q counts as 0, so a garbled header never flips a client onto the HTML page.
      return { type: type.toLowerCase(), quality: Number.isFinite(quality) ? quality : 0 };
    });
}
