import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SignInSettings } from '../../platform/auth/sign-in-settings';
import { sendJson } from '../../platform/http/send';
import { nameRoute } from '../../platform/http/request-route';
import { contentEtag, sendStatic } from '../../platform/http/send-static';
import { prefersHtml } from '../ide/prefers-html';
import { PACKAGE_INFO } from '../../core/package-info';
import { DashboardNotBuiltError, readDashboardFiles, type DashboardFiles } from './dashboard-files';
import {
  DASHBOARD_ASSET_PREFIX,
  DASHBOARD_PATH,
  dashboardContentSecurityPolicy,
  renderDashboardPage,
} from './dashboard-page';

/** Hashed names change with their content, so a browser may keep each file for good. */
const HASHED_ASSET_CACHE_CONTROL = 'public, max-age=31536000, immutable';

let loadedFiles: Promise<DashboardFiles> | undefined;

function dashboardFiles(): Promise<DashboardFiles> {
  if (loadedFiles === undefined) {
    loadedFiles = readDashboardFiles();
    // A failed read (not built yet) is not kept, so building while the service runs fixes it.
    loadedFiles.catch(() => (loadedFiles = undefined));
  }
  return loadedFiles;
}

/**
 * The dashboard's routes: `/dashboard` (the page), `/dashboard/assets/<hashed name>` (its bundles), and `/`
 * redirecting browsers to the page. Returns false for any other path, leaving it to the caller. With `signIn`
 * the page carries the identity provider's settings and may fetch from its origin. With `sendsDocumentIds` (the
 * service runs a manifest of trusted documents) the page sends its operations' ids rather than their texts.
 */
export async function serveDashboard(
  request: IncomingMessage,
  response: ServerResponse,
  pathname: string,
  signIn: SignInSettings | undefined = undefined,
  sendsDocumentIds = false,
): Promise<boolean> {
  const isRead = request.method === 'GET' || request.method === 'HEAD';
  if (pathname === '/' && isRead && prefersHtml(request.headers.accept)) {
    nameRoute(request, '/');
    redirect(response, DASHBOARD_PATH.slice(1));
    return true;
  }
  // The page's relative asset URLs need it without a trailing slash.
  if (pathname === `${DASHBOARD_PATH}/`) {
    nameRoute(request, `${DASHBOARD_PATH}/`);
    redirect(response, `../${DASHBOARD_PATH.slice(1)}`);
    return true;
  }
  if (pathname !== DASHBOARD_PATH && !pathname.startsWith(DASHBOARD_ASSET_PREFIX)) return false;
  // The route of metrics and spans: the page, or any of its hashed files (never the file's own name).
  nameRoute(request, pathname === DASHBOARD_PATH ? DASHBOARD_PATH : `${DASHBOARD_ASSET_PREFIX}*`);

  let files: DashboardFiles;
  try {
    files = await dashboardFiles();
  } catch (error) {
    if (!(error instanceof DashboardNotBuiltError)) throw error;
    sendJson(response, 503, { error: error.message });
    return true;
  }
  if (pathname === DASHBOARD_PATH) {
    const body = Buffer.from(
      renderDashboardPage(files.manifest, `${PACKAGE_INFO.name} · dashboard`, signIn, sendsDocumentIds),
    );
    const page = { body, etag: contentEtag(body), contentType: 'text/html; charset=utf-8' };
    // The page names the current hashed bundles, so it is revalidated on every visit (a 304 when unchanged).
    sendStatic(request, response, page, pathname, {
      'cache-control': 'no-cache',
      'content-security-policy': dashboardContentSecurityPolicy(signIn),
      'referrer-policy': 'no-referrer',
    });
    return true;
  }
  const file = files.files.get(pathname.slice(DASHBOARD_ASSET_PREFIX.length));
  if (file === undefined) {
    sendJson(response, 404, { error: `no dashboard asset ${pathname}` });
    return true;
  }
  sendStatic(request, response, file, pathname, { 'cache-control': HASHED_ASSET_CACHE_CONTROL });
  return true;
}

/** A temporary redirect with a relative target, so it survives a proxy's path prefix. */
function redirect(response: ServerResponse, location: string): void {
  response.writeHead(302, { location, 'content-length': 0 });
  response.end();
}
