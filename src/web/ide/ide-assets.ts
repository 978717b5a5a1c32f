import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
import { readEncodedBodies } from '../../platform/http/precompressed';
import { sendJson } from '../../platform/http/send';
import { contentEtag, sendStatic, type StaticBody } from '../../platform/http/send-static';
import { compressedIdeAssetPath } from './compressed-ide-asset';

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

export interface IdeAsset {
  /** The file name under IDE_ASSET_PREFIX that the page links to. */
  readonly urlName: string;
  /** The npm package that ships the file. */
  readonly packageName: string;
  /** The file's path inside that package. */
  readonly fileInPackage: string;
  readonly contentType: string;
}

const JAVASCRIPT = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

/**
 * Every file the IDE loads, and nothing else: a request is answered only when its name is a key here, so no
 * path from the URL ever reaches the file system. The bundles are prebuilt UMD files (GraphiQL 3, the
 * explorer plugin, React 18) that need no bundler and fetch nothing from other hosts at run time.
 * Order matters: the page loads the scripts in this order (React before GraphiQL before the plugin).
 */
export const IDE_ASSETS: readonly IdeAsset[] = [
  asset('react.production.min.js', 'react', 'umd/react.production.min.js', JAVASCRIPT),
  asset('react-dom.production.min.js', 'react-dom', 'umd/react-dom.production.min.js', JAVASCRIPT),
  asset('graphiql.min.js', 'graphiql', 'graphiql.min.js', JAVASCRIPT),
  asset('graphiql-plugin-explorer.umd.js', '@graphiql/plugin-explorer', 'dist/index.umd.js', JAVASCRIPT),
  asset('graphiql.min.css', 'graphiql', 'graphiql.min.css', CSS),
  asset('graphiql-plugin-explorer.css', '@graphiql/plugin-explorer', 'dist/style.css', CSS),
];

function asset(urlName: string, packageName: string, fileInPackage: string, contentType: string): IdeAsset {
  return { urlName, packageName, fileInPackage, contentType };
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
 * The asset's version: a digest of its bytes, read once (the page is rendered once per start, and the files only
 * change with `npm install`, which restarts the service).
 */
export function ideAssetVersion(ideAsset: IdeAsset): string {
  let version = versions.get(ideAsset.urlName);
  if (version === undefined) {
    version = createHash('sha256')
      .update(readFileSync(resolveIdeAsset(ideAsset)))
      .digest('base64url')
      .slice(0, 16);
    versions.set(ideAsset.urlName, version);
  }
  return version;
}

/**
 * Absolute path of an asset on disk. Resolved through the package's package.json because these packages'
 * `exports` maps do not list their UMD files, so `require.resolve('graphiql/graphiql.min.js')` is refused.
 */
export function resolveIdeAsset(ideAsset: IdeAsset): string {
  return join(dirname(require.resolve(`${ideAsset.packageName}/package.json`)), ideAsset.fileInPackage);
}

const assetsByUrlName = new Map(IDE_ASSETS.map((ideAsset) => [ideAsset.urlName, ideAsset]));
/** Files are read once and kept: they only change with `npm install`, which restarts the service anyway. */
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
