import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { build } from 'esbuild';
import { compressForDelivery, writeEncodedBodies } from '../../platform/http/precompressed';
import { PROJECT_ROOT } from '../../core/project-root';
import {
  DASHBOARD_BUILD_DIRECTORY,
  DASHBOARD_MANIFEST_FILE,
  START_UP_QUERIES_FILE,
  type DashboardManifest,
} from './dashboard-manifest';

/** The dashboard's browser sources (their own tsconfig with DOM types). */
export const DASHBOARD_SOURCE_DIRECTORY = join(PROJECT_ROOT, 'dashboard', 'src');
/** The page's one entry module; everything else is imported from it, statically or lazily. */
const MAIN_SOURCE = join(DASHBOARD_SOURCE_DIRECTORY, 'main.tsx');
/** The list of the views' first requests, for the service to plan at start (not part of the page). */
const START_UP_SOURCE = join(DASHBOARD_SOURCE_DIRECTORY, 'start-up-queries.ts');

/**
 * Bundles the dashboard's front end into `outDirectory` with content-hashed file names, so the service can
 * let browsers keep every asset for a year (`immutable`) and a new build is fetched under new names.
 * Each view's heavy library (ECharts, cytoscape) is split into its own chunk, loaded only when the view opens,
 * which keeps the first load small. Each file is also stored compressed (`.br`, `.gz`) for the service to send
 * as it is. The manifest maps the entry's stable names to the hashed ones and lists
 * every output file: the service serves those names and nothing else.
 */
export async function buildDashboard(outDirectory: string = DASHBOARD_BUILD_DIRECTORY): Promise<DashboardManifest> {
  // Old hashed files would otherwise pile up, and the allow-list is the manifest anyway.
  await rm(outDirectory, { recursive: true, force: true });
  await mkdir(outDirectory, { recursive: true });
  const result = await build({
    absWorkingDir: PROJECT_ROOT,
    entryPoints: { main: MAIN_SOURCE },
    tsconfig: join(PROJECT_ROOT, 'dashboard', 'tsconfig.json'),
    bundle: true,
    splitting: true,
    format: 'esm',
    // Browsers of the last few years; closed municipal networks often lag, so not newer than this.
    target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
    minify: true,
    sourcemap: false,
    legalComments: 'linked',
    entryNames: '[name]-[hash]',
    chunkNames: 'chunk-[hash]',
    assetNames: '[name]-[hash]',
    outdir: outDirectory,
    metafile: true,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const outputs = Object.entries(result.metafile.outputs);
  // Every dynamic import() target is an entry point of the metafile too (a lazily loaded view's chunk), so
  // the page's script is the output whose entry point is main.tsx itself, never just the first entry found.
  const mainEntryPoint = relative(PROJECT_ROOT, MAIN_SOURCE).split(sep).join('/');
  const entryOutput = (extension: string): string => {
    const found = outputs.find(([path, output]) => output.entryPoint === mainEntryPoint && path.endsWith(extension));
    if (found === undefined) throw new Error(`the dashboard build produced no ${extension} file for ${mainEntryPoint}`);
    return basename(found[0]);
  };
  const stylesheet = outputs.find(([path]) => path.endsWith('.css'));
  const manifest: DashboardManifest = {
    script: entryOutput('.js'),
    stylesheet: stylesheet === undefined ? null : basename(stylesheet[0]),
    files: outputs.map(([path]) => relative(relative(PROJECT_ROOT, outDirectory), path)).sort(),
  };
  // Brotli at its maximum quality takes seconds for the ECharts chunk: done here once, never per request.
  await Promise.all(
    manifest.files.map(async (file) => {
      const path = join(outDirectory, file);
      await writeEncodedBodies(path, await compressForDelivery(await readFile(path)));
    }),
  );
  await writeFile(join(outDirectory, DASHBOARD_MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  await buildStartUpQueries(outDirectory);
  return manifest;
}

/**
 * The views' first requests as a Node module (START_UP_QUERIES_FILE): built from the views' own query texts,
 * so the service plans exactly what the page will send.
 */
export async function buildStartUpQueries(outDirectory: string): Promise<void> {
  await build({
    absWorkingDir: PROJECT_ROOT,
    entryPoints: [START_UP_SOURCE],
    tsconfig: join(PROJECT_ROOT, 'dashboard', 'tsconfig.json'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: join(outDirectory, START_UP_QUERIES_FILE),
    logLevel: 'silent',
  });
}

if (require.main === module) {
  buildDashboard().then(
    (manifest) => process.stderr.write(`dashboard built: ${manifest.files.length} files\n`),
    (error: unknown) => {
      process.stderr.write(`dashboard build failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
