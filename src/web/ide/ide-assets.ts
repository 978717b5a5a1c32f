import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { readEncodedBodies } from '../../platform/http/precompressed';
import { sendJson } from '../../platform/http/send';
import { contentEtag, sendStatic, type StaticBody } from '../../platform/http/send-static';
import { compressedIdeAssetPath, IDE_BUILD_DIRECTORY } from './compressed-ide-asset';

/** The URL prefix under which the IDE's scripts and styles are served. */
export const IDE_ASSET_PREFIX = '/ide/';

/**
 * The page links each asset under its content's version (`ide/<version>/<name>`), so the URL changes whenever
 * the file does: a browser keeps it for a year without asking again.
 */
const VERSIONED_CACHE_CONTROL = 'public, max-age=31536000, immutable';
/**
 * An asset asked for without its current version (an older page, open across an upgrade, or a hand-typed URL)
 * gets the current file, revalidated every time (the ETag makes that a 304), never kept under a wrong name.
 */
const UNVERSIONED_CACHE_CONTROL = 'public, no-cache';

/** How the page uses an asset: a script it loads, a stylesheet it links, or a web worker Monaco starts. */
export type IdeAssetRole = 'script' | 'stylesheet' | 'worker';

export interface IdeAsset {
  /** The file name under IDE_ASSET_PREFIX that the page links to, and the build's output file name. */
  readonly urlName: string;
  readonly role: IdeAssetRole;
  readonly contentType: string;
}

const JAVASCRIPT = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

/** Where `npm run build` writes the IDE's bundles (src/web/ide/build-ide-assets.ts). */
export const IDE_BUNDLE_DIRECTORY = join(IDE_BUILD_DIRECTORY, 'bundle');

/**
 * Every file the IDE loads, and nothing else: a request is answered only when its name is a key here, so no
 * path from the URL ever reaches the file system. GraphiQL 5 ships ES modules only, so the build bundles it with
 * React 19 and the explorer plugin into one script and one stylesheet, and builds Monaco's three web workers
 * (the editor's own, JSON for variables, headers and results, GraphQL for the operation) as scripts of their own:
 * a worker must be a same-origin script (the page allows `worker-src 'self'`), never a blob or another host.
 */
export const IDE_ASSETS: readonly IdeAsset[] = [
  asset('graphiql.js', 'script', JAVASCRIPT),
  asset('graphiql.css', 'stylesheet', CSS),
  asset('editor.worker.js', 'worker', JAVASCRIPT),
  asset('json.worker.js', 'worker', JAVASCRIPT),
  asset('graphql.worker.js', 'worker', JAVASCRIPT),
];

function asset(urlName: string, role: IdeAssetRole, contentType: string): IdeAsset {
  return { urlName, role, contentType };
}

/**
 * Same-origin URL of an asset, relative to the page at /graphql (so a path prefix added by a proxy still works),
 * named by its content's version.
 */
export function ideAssetHref(ideAsset: IdeAsset): string {
  return `${IDE_ASSET_PREFIX.slice(1)}${ideAssetVersion(ideAsset)}/${ideAsset.urlName}`;
}

const versions = new Map<string, string>();
/**
 * The asset's version: a digest of its bytes, read once (the files only change with a build, which comes with a
 * restart).
 */
export function ideAssetVersion(ideAsset: IdeAsset): string {
  let version = versions.get(ideAsset.urlName);
  if (version === undefined) {
    version = createHash('sha256').update(readBuiltAsset(ideAsset)).digest('base64url').slice(0, 16);
    versions.set(ideAsset.urlName, version);
  }
  return version;
}

/** The built file's bytes; a service started without `npm run build` is told so by name. */
function readBuiltAsset(ideAsset: IdeAsset): Buffer {
  try {
    return readFileSync(resolveIdeAsset(ideAsset));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new Error(`the IDE is not built (no ${resolveIdeAsset(ideAsset)}): run npm run build`);
  }
}

/** Absolute path of an asset's built file. */
export function resolveIdeAsset(ideAsset: IdeAsset): string {
  return join(IDE_BUNDLE_DIRECTORY, ideAsset.urlName);
}

const assetsByUrlName = new Map(IDE_ASSETS.map((ideAsset) => [ideAsset.urlName, ideAsset]));
/** Files are read once and kept: they only change with a build, which comes with a restart. */
const loadedAssets = new Map<string, Promise<StaticBody>>();

/**
 * Serves GET/HEAD `IDE_ASSET_PREFIX + [version/] + name` for names in the allow-list; 404 for anything else.
 * Only the current version is cached as immutable.
 */
export async function serveIdeAsset(
  request: IncomingMessage,
  response: ServerResponse,
  pathname: string,
): Promise<void> {
  const parts = pathname.startsWith(IDE_ASSET_PREFIX) ? pathname.slice(IDE_ASSET_PREFIX.length).split('/') : [];
  const [version, urlName] = parts.length === 1 ? [undefined, parts[0]] : parts;
  const ideAsset = parts.length > 2 || urlName === undefined ? undefined : assetsByUrlName.get(urlName);
  if (ideAsset === undefined) {
    return sendJson(response, 404, { error: `no IDE asset ${pathname}` });
  }
  const current = version === ideAssetVersion(ideAsset);
  sendStatic(request, response, await loadAsset(ideAsset), pathname, {
    'cache-control': current ? VERSIONED_CACHE_CONTROL : UNVERSIONED_CACHE_CONTROL,
  });
}

function loadAsset(ideAsset: IdeAsset): Promise<StaticBody> {
  let loaded = loadedAssets.get(ideAsset.urlName);
  if (loaded === undefined) {
    loaded = readFile(resolveIdeAsset(ideAsset)).then(async (body) => ({
      body,
      etag: contentEtag(body),
      contentType: ideAsset.contentType,
      encoded: await readEncodedBodies(compressedIdeAssetPath(body)),
    }));
    // A failed read is not cached, so a transient error does not break the IDE until restart.
    loaded.catch(() => loadedAssets.delete(ideAsset.urlName));
    loadedAssets.set(ideAsset.urlName, loaded);
  }
  return loaded;
}
