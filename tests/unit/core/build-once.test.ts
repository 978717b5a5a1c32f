import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildOnce } from '../../../src/core/build-once';

/** An output that counts its builds and is current once built. */
function countedBuild(): { builds: number; isCurrent: () => Promise<boolean>; build: () => Promise<void> } {
  const state = {
    builds: 0,
    isCurrent: () => Promise.resolve(state.builds > 0),
    build: async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      state.builds += 1;
    },
  };
  return state;
}

describe('buildOnce', () => {
  // Each test's checkout, removed after it.
  const roots: string[] = [];
  const checkout = (): string => {
    const root = mkdtempSync(join(tmpdir(), 'build-once-'));
    roots.push(root);
    return root;
  };
  afterAll(() => {
    for (const root of roots) rmSync(root, { recursive: true, force: true });
  });

  it('builds in a fresh checkout whose output folder does not exist yet, and removes its lock', async () => {
    const root = checkout();
    const lock = join(root, 'dist', 'ide.build-lock');
    const output = countedBuild();
    await expect(buildOnce(lock, output.isCurrent, output.build)).resolves.toBe(true);
    expect(output.builds).toBe(1);
    await expect(stat(lock)).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(buildOnce(lock, output.isCurrent, output.build)).resolves.toBe(false);
    expect(output.builds).toBe(1);
  });

  it('builds once when several callers ask at the same time', async () => {
    const lock = join(checkout(), 'dist', 'ide.build-lock');
    const output = countedBuild();
    const built = await Promise.all([1, 2, 3].map(() => buildOnce(lock, output.isCurrent, output.build)));
    expect(built.filter(Boolean)).toHaveLength(1);
    expect(output.builds).toBe(1);
  });

  it('gives up with the error when the lock cannot be made for another reason than a holder', async () => {
    const root = checkout();
    // A file where the lock's parent folder should be: making the lock fails for good, so no wait can end it.
    await mkdir(join(root, 'dist'));
    await writeFile(join(root, 'dist', 'not-a-folder'), 'x');
    const output = countedBuild();
    const lockUnderAFile = join(root, 'dist', 'not-a-folder', 'ide.build-lock');
    await expect(buildOnce(lockUnderAFile, output.isCurrent, output.build)).rejects.toMatchObject({
      code: expect.stringMatching(/ENOTDIR|EEXIST/) as unknown,
    });
    expect(output.builds).toBe(0);
  });
});
