import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { readEncodedBodies } from '../../platform/http/precompressed';
import { contentEtag, type StaticBody } from '../../platform/http/send-static';
import { DASHBOARD_BUILD_DIRECTORY, DASHBOARD_MANIFEST_FILE, type DashboardManifest } from './dashboard-manifest';

/** The built dashboard held in memory: its manifest and every file it lists, by file name. */
export interface DashboardFiles {
  readonly manifest: DashboardManifest;
  readonly files: ReadonlyMap<string, StaticBody>;
}

/** Thrown when `npm run build` has not produced the dashboard (e.g. the service was started with tsc alone). */
export class DashboardNotBuiltError extends Error {}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Reads the manifest and the files it lists, with the compressed copies the build stored beside them. Only those names are ever served, so no path from a URL
 * reaches the file system. The files change only with a build, which comes with a restart, so they are read once.
 */
export async function readDashboardFiles(directory: string = DASHBOARD_BUILD_DIRECTORY): Promise<DashboardFiles> {
  let manifestText: string;
  try {
    manifestText = await readFile(join(directory, DASHBOARD_MANIFEST_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new DashboardNotBuiltError(`the dashboard is not built (no ${DASHBOARD_MANIFEST_FILE}): run npm run build`);
    }
    throw error;
  }
  const manifest = JSON.parse(manifestText) as DashboardManifest;
  const entries = await Promise.all(
    manifest.files.map(async (fileName): Promise<[string, StaticBody]> => {
      const path = join(directory, fileName);
      const [body, encoded] = await Promise.all([readFile(path), readEncodedBodies(path)]);
      const contentType = CONTENT_TYPES[extname(fileName)] ?? 'application/octet-stream';
      return [fileName, { body, etag: contentEtag(body), contentType, encoded }];
    }),
  );
  return { manifest, files: new Map(entries) };
}
