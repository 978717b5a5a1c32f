import { join } from 'node:path';
import { PROJECT_ROOT } from '../../core/project-root';

/** Where `npm run build` writes the dashboard's bundles (git-ignored with the rest of dist/). */
export const DASHBOARD_BUILD_DIRECTORY = join(PROJECT_ROOT, 'dist', 'dashboard');

/** The build's manifest, next to the bundles. */
export const DASHBOARD_MANIFEST_FILE = 'manifest.json';

/**
 * The dashboard's first requests (dashboard/src/start-up-queries.ts), bundled for Node beside the page's files,
 * for the service to plan before it is ready. Not in the manifest's files: never served.
 */
export const START_UP_QUERIES_FILE = 'start-up-queries.cjs';

/** What the build wrote: the names the page links to, and every file the service may serve. */
export interface DashboardManifest {
  /** Hashed file name of the entry script, e.g. `main-4KQ2Z7XA.js`. */
  readonly script: string;
  /** Hashed file name of the stylesheet; null when the sources import no CSS. */
  readonly stylesheet: string | null;
  /** Every output file (entry, lazily loaded chunks, stylesheet, licence notes), relative to the directory. */
  readonly files: readonly string[];
}
