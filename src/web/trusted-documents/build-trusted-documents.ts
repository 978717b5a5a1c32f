import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import { PROJECT_ROOT } from '../../core/project-root';
import { OperationManifest } from '../../platform/graphql/trusted-documents/operation-manifest';
import { readExampleOperations } from '../ide/example-operations';

/** Where `npm run build` writes the manifest of trusted documents (git-ignored with the rest of dist/). */
export const TRUSTED_DOCUMENTS_BUILD_FILE = join(PROJECT_ROOT, 'dist', 'trusted-documents.json');

/** The dashboard's list of every operation it sends (dashboard/src/operations.ts). */
const OPERATIONS_SOURCE = join(PROJECT_ROOT, 'dashboard', 'src', 'operations.ts');
/** That list bundled for Node, beside the manifest (never served). */
const OPERATIONS_MODULE = join(PROJECT_ROOT, 'dist', 'trusted-documents', 'dashboard-operations.cjs');

/** What the bundled list exports. */
interface OperationsModule {
  dashboardOperations(): string[];
}

/**
 * The operations this build's clients send, exactly as they send them: the dashboard's (its own list, from the
 * views' query texts) and the IDE's example tabs (each file's text, which the IDE sends unedited). An operator
 * sets TRUSTED_DOCUMENTS to the manifest (or to one that merges it with other clients' manifests).
 */
export async function trustedDocumentsOfThisBuild(): Promise<OperationManifest> {
  await build({
    absWorkingDir: PROJECT_ROOT,
    entryPoints: [OPERATIONS_SOURCE],
    tsconfig: join(PROJECT_ROOT, 'dashboard', 'tsconfig.json'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: OPERATIONS_MODULE,
    logLevel: 'silent',
  });
  // A module this build made from dashboard/src; its shape is checked rather than trusted.
  const loaded = (await import(OPERATIONS_MODULE)) as Partial<OperationsModule>;
  if (typeof loaded.dashboardOperations !== 'function') {
    throw new Error(`${OPERATIONS_SOURCE} exports no dashboardOperations()`);
  }
  const examples = await readExampleOperations();
  return OperationManifest.ofDocuments(
    [...loaded.dashboardOperations(), ...examples.map((example) => example.query)],
    "the dashboard's and the IDE's operations",
  );
}

/** Writes this build's manifest of trusted documents (Apollo's persisted-query manifest format). */
export async function buildTrustedDocuments(file: string = TRUSTED_DOCUMENTS_BUILD_FILE): Promise<OperationManifest> {
  const manifest = await trustedDocumentsOfThisBuild();
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, manifest.toJson());
  return manifest;
}

if (require.main === module) {
  buildTrustedDocuments().then(
    (manifest) => process.stderr.write(`trusted documents written: ${manifest.size} operations\n`),
    (error: unknown) => {
      process.stderr.write(`trusted documents failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
