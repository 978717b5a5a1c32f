import { access, mkdir, readFile } from 'node:fs/promises';
import { compressForDelivery, writeEncodedBodies } from '../../platform/http/precompressed';
import { compressedIdeAssetPath, IDE_BUILD_DIRECTORY } from './compressed-ide-asset';
import { IDE_ASSETS, resolveIdeAsset } from './ide-assets';

/**
 * Compresses the IDE's bundles (1.6 MB of GraphiQL and React) once, at build time. A bundle whose copies
 * exist already is skipped: `npm start` builds on every start and the packages rarely change.
 */
export async function buildIdeAssets(): Promise<number> {
  await mkdir(IDE_BUILD_DIRECTORY, { recursive: true });
  const made = await Promise.all(
    IDE_ASSETS.map(async (ideAsset) => {
      const body = await readFile(resolveIdeAsset(ideAsset));
      const path = compressedIdeAssetPath(body);
      if (await exists(`${path}.br`)) return 0;
      await writeEncodedBodies(path, await compressForDelivery(body));
      return 1;
    }),
  );
  return made.reduce<number>((sum, one) => sum + one, 0);
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

if (require.main === module) {
  // Progress goes to stderr: scripts such as `npm run token` build first and print only their result on stdout.
  buildIdeAssets().then(
    (made) => process.stderr.write(`IDE bundles compressed: ${made} of ${IDE_ASSETS.length} (the rest were current)\n`),
    (error: unknown) => {
      process.stderr.write(
        `IDE bundle compression failed: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      process.exit(1);
    },
  );
}
