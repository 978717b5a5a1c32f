import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { build, type BuildOptions } from 'esbuild';
import { buildOnce } from '../../core/build-once';
import { PROJECT_ROOT } from '../../core/project-root';
import { compressForDelivery, writeEncodedBodies } from '../../platform/http/precompressed';
import { compressedIdeAssetPath, IDE_BUILD_DIRECTORY } from './compressed-ide-asset';
import { IDE_ASSETS, IDE_BUNDLE_DIRECTORY, resolveIdeAsset } from './ide-assets';

/** The bundle's entry: GraphiQL, the explorer plugin and React, exposed to the page's script. */
const BUNDLE_ENTRY = join(PROJECT_ROOT, 'src', 'web', 'ide', 'browser', 'graphiql-bundle.mjs');

/**
 * The bundles' entry points by output name (each becomes `<name>.js`, and the entry's imported styles
 * `graphiql.css`). The workers are the ones GraphiQL's own set-up files name for bundlers (graphiql's
 * `setup-workers/*`): Monaco's editor worker, its JSON language worker, and monaco-graphql's.
 */
const ENTRY_POINTS: Readonly<Record<string, string>> = {
  graphiql: BUNDLE_ENTRY,
  'editor.worker': 'monaco-editor/esm/vs/editor/editor.worker.js',
  'json.worker': 'monaco-editor/esm/vs/language/json/json.worker.js',
  'graphql.worker': 'monaco-graphql/esm/graphql.worker.js',
};

/** The packages the bundles are made of: a change of any of their versions makes the built bundles stale. */
const BUNDLED_PACKAGES = [
  'graphiql',
  '@graphiql/plugin-explorer',
  '@graphiql/toolkit',
  'react',
  'react-dom',
  'monaco-editor',
  'monaco-graphql',
];

/**
 * Classic scripts (IIFE), not ES modules: the page's inline script runs after the bundle and reads its globals,
 * and workers started with `new Worker(url)` are classic too. Fonts are inlined into the stylesheet as data:
 * URLs (the page's CSP allows `font-src data:`), so the build's outputs are exactly the allow-list IDE_ASSETS.
 */
const BUILD_OPTIONS = {
  absWorkingDir: PROJECT_ROOT,
  entryPoints: { ...ENTRY_POINTS },
  bundle: true,
  format: 'iife',
  // As the dashboard: browsers of the last few years, which closed municipal networks often lag behind.
  target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  loader: { '.ttf': 'dataurl', '.woff': 'dataurl', '.woff2': 'dataurl' },
  outdir: IDE_BUNDLE_DIRECTORY,
  metafile: true,
  logLevel: 'silent',
  define: { 'process.env.NODE_ENV': '"production"' },
} as const satisfies BuildOptions;

/** Written last by a build: the digest of what it was built from (see ensureIdeAssets). */
const INPUTS_FILE = join(IDE_BUILD_DIRECTORY, 'inputs.sha256');

/**
 * Bundles the IDE (GraphiQL 5, its explorer plugin, React 19, Monaco's workers) into IDE_BUNDLE_DIRECTORY and
 * stores each file compressed, at maximum quality, once: the service sends these bytes as they are.
 */
export async function buildIdeAssets(): Promise<number> {
  // Old compressed copies (named by content) would otherwise pile up with every build.
  await rm(IDE_BUILD_DIRECTORY, { recursive: true, force: true });
  await mkdir(IDE_BUNDLE_DIRECTORY, { recursive: true });
  const result = await build(BUILD_OPTIONS);
  const built = Object.keys(result.metafile.outputs)
    .map((path) => basename(path))
    .sort();
  const allowed = IDE_ASSETS.map((ideAsset) => ideAsset.urlName).sort();
  if (built.join() !== allowed.join()) {
    throw new Error(`the IDE build wrote ${built.join(', ')}; the service serves ${allowed.join(', ')}`);
  }
  await Promise.all(
    IDE_ASSETS.map(async (ideAsset) => {
      const body = await readFile(resolveIdeAsset(ideAsset));
      await writeEncodedBodies(compressedIdeAssetPath(body), await compressForDelivery(body));
    }),
  );
  await writeFile(INPUTS_FILE, await inputsDigest());
  return IDE_ASSETS.length;
}

/**
 * Builds the IDE unless the built bundles were made from the current entry, options and package versions;
 * resolves with whether it built. A build takes a minute, a check a few milliseconds.
 * Test files run in parallel processes: the first to need a build takes a lock (a directory, made atomically)
 * and the others wait for it, then find the bundles current.
 */
export async function ensureIdeAssets(): Promise<boolean> {
  return buildOnce(BUILD_LOCK, isCurrent, buildIdeAssets);
}

/** Beside the build directory, which a build removes and makes anew. */
const BUILD_LOCK = `${IDE_BUILD_DIRECTORY}.build-lock`;

async function isCurrent(): Promise<boolean> {
  const stored = await readFile(INPUTS_FILE, 'utf8').catch(() => '');
  return stored === (await inputsDigest());
}

async function inputsDigest(): Promise<string> {
  const hash = createHash('sha256').update(await readFile(BUNDLE_ENTRY));
  hash.update(JSON.stringify(BUILD_OPTIONS));
  for (const name of [...BUNDLED_PACKAGES, 'esbuild']) {
    const manifest = JSON.parse(await readFile(join(PROJECT_ROOT, 'node_modules', name, 'package.json'), 'utf8')) as {
      version: string;
    };
    hash.update(`\n${name}@${manifest.version}`);
  }
  return hash.digest('hex');
}

if (require.main === module) {
  // Progress goes to stderr: scripts such as `npm run token` build first and print only their result on stdout.
  // Bundles built from the same inputs are kept: `npm run build` runs on every change of src/, and the IDE's
  // build (a minute of esbuild and brotli) depends only on the entry, these options and the packages.
  ensureIdeAssets().then(
    (built) =>
      process.stderr.write(
        built ? `IDE bundles built and compressed: ${IDE_ASSETS.length} files\n` : 'IDE bundles current\n',
      ),
    (error: unknown) => {
      process.stderr.write(`IDE bundle build failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
