import { join } from 'node:path';
import { contentEtag } from '../../platform/http/send-static';
import { PROJECT_ROOT } from '../../core/project-root';

/** Where the build writes the IDE's bundles (under `bundle/`) and their compressed copies. */
export const IDE_BUILD_DIRECTORY = join(PROJECT_ROOT, 'dist', 'ide');

/**
 * The stored copies' path (before `.br`/`.gz`) for a bundle with these bytes. Named by content, so a bundle
 * rebuilt without its copies finds none and is compressed on the fly instead of sent as another version's bytes.
 */
export function compressedIdeAssetPath(body: Buffer): string {
  return join(IDE_BUILD_DIRECTORY, `ide-${contentEtag(body).slice(1, -1)}`);
}
