import { lstat, readdir, statfs } from 'node:fs/promises';
import { join } from 'node:path';

/** How full the embedded database's data directory and the filesystem holding it are, in bytes. */
export interface DataDirectorySpace {
  /**
   * What the database may still write there: the filesystem's blocks available to an unprivileged writer
   * (statfs `bavail` × `bsize`), not its free blocks, which count the part kept for root.
   */
  readonly freeBytes: number;
  /** The size of the filesystem holding the directory (statfs `blocks` × `bsize`). */
  readonly filesystemSizeBytes: number;
  /** What the directory's files take on disk (the store, its transaction logs, Neo4j's own logs), as `du` counts. */
  readonly sizeBytes: number;
}

/** The unit of `st_blocks` on Linux and the BSDs, whatever the filesystem's block size. */
const STAT_BLOCK_BYTES = 512;

/**
 * Measures the data directory: statfs for its filesystem, and a walk of the directory for its own size (a few
 * dozen files for the embedded store: a millisecond or two). Throws when the directory cannot be read.
 */
export async function dataDirectorySpace(directory: string): Promise<DataDirectorySpace> {
  const [filesystem, sizeBytes] = await Promise.all([statfs(directory), diskUsage(directory)]);
  return {
    freeBytes: filesystem.bavail * filesystem.bsize,
    filesystemSizeBytes: filesystem.blocks * filesystem.bsize,
    sizeBytes,
  };
}

/**
 * Bytes allocated to `path` and everything under it, directories included, as `du -s -B1` counts them (a file
 * the database removes while it is walked counts as nothing). Symbolic links are counted, not followed.
 */
async function diskUsage(path: string): Promise<number> {
  const stats = await lstat(path).catch(ignoreVanished);
  if (stats === undefined) return 0;
  // st_blocks is what the file occupies (a sparse file less than its length); Windows has none: its length.
  const own = Number.isFinite(stats.blocks) ? stats.blocks * STAT_BLOCK_BYTES : stats.size;
  if (!stats.isDirectory()) return own;
  const names = (await readdir(path).catch(ignoreVanished)) ?? [];
  const inside = await Promise.all(names.map((name) => diskUsage(join(path, name))));
  return inside.reduce((sum, bytes) => sum + bytes, own);
}

/** Neo4j rotates and prunes its logs while the directory is walked: a file gone meanwhile takes no space. */
function ignoreVanished(error: unknown): undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT') return undefined;
  throw error;
}
