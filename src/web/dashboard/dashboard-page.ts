import { issuerOrigin, type SignInSettings } from '../../platform/auth/sign-in-settings';
import { escapeHtml } from '../../platform/http/escape-html';
import type { DashboardManifest } from './dashboard-manifest';

/** The path of the dashboard page; its bundles are served under `${DASHBOARD_PATH}/assets/`. */
export const DASHBOARD_PATH = '/dashboard';
export const DASHBOARD_ASSET_PREFIX = `${DASHBOARD_PATH}/assets/`;

/**
 * Same origin only, and no inline code at all: the page is one script and one stylesheet from this service,
 * its data comes from /graphql on the same origin, and a browser refuses anything else. Charts and the graph
 * draw on canvases; their libraries set styles through the CSSOM, which style-src does not restrict. With
 * sign-in configured, the page may also fetch from the identity provider's origin (its discovery document
 * and token endpoint; the login itself is a top-level navigation, which CSP does not govern).
 */
export function dashboardContentSecurityPolicy(signIn: SignInSettings | undefined): string {
  const connect = signIn === undefined ? "connect-src 'self'" : `connect-src 'self' ${issuerOrigin(signIn)}`;
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    connect,
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The meta tag telling the page to send its operations' ids (dashboard/src/common/document-ids.ts reads it). */
export const DOCUMENT_IDS_META = 'graphql-ids';

/** The sign-in settings as `<meta>` tags the bundle reads (no inline script: the CSP forbids it). */
function signInMeta(signIn: SignInSettings | undefined): string {
  if (signIn === undefined) return '';
  const entries: [string, string | undefined][] = [
    ['oidc-issuer', signIn.issuer],
    ['oidc-client-id', signIn.clientId],
    ['oidc-scope', signIn.scope],
    ['oidc-resource', signIn.resource],
    ['oidc-role-claim', signIn.roleClaim],
    ['oidc-departments-claim', signIn.departmentsClaim],
  ];
  return entries
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => `\n    <meta name="${name}" content="${escapeHtml(value)}" />`)
    .join('');
}

/**
 * The page shell: the bundle renders everything. Asset URLs are relative to /dashboard, so the page keeps
 * working behind a proxy that adds a path prefix. `lang` starts as Japanese; the ja/en toggle updates it.
 * The sign-in settings, when configured, travel as meta tags, and so does `sendsDocumentIds`: the service
 * knows the page's operations by id (TRUSTED_DOCUMENTS), so the page sends ids, not texts.
 */
export function renderDashboardPage(
  manifest: DashboardManifest,
  title: string,
  signIn: SignInSettings | undefined = undefined,
  sendsDocumentIds = false,
): string {
  const asset = (fileName: string): string => escapeHtml(`${DASHBOARD_ASSET_PREFIX.slice(1)}${fileName}`);
  const stylesheet =
    manifest.stylesheet === null ? '' : `\n    <link rel="stylesheet" href="${asset(manifest.stylesheet)}" />`;
  return `<!doctype html>
<html lang="ja">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />${signInMeta(signIn)}${sendsDocumentIds ? `\n    <meta name="${DOCUMENT_IDS_META}" content="sha256" />` : ''}
    <title>${escapeHtml(title)}</title>
    <!-- An empty icon, so the browser does not ask for /favicon.ico. -->
    <link rel="icon" href="data:," />${stylesheet}
    <script type="module" src="${asset(manifest.script)}"></script>
  </head>
  <body>
    <div id="app"><p>ダッシュボードを読み込んでいます… (Loading the dashboard…)</p></div>
    <noscript>This dashboard needs JavaScript; the same data is at /graphql.</noscript>
  </body>
</html>
`;
}
