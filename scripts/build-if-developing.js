// Runs before every command that executes the compiled code (`npm run seed`, `token`, `records:*`, …).
// In a developer's checkout (TypeScript installed) it builds, so the command runs the code as it is now. In a
// production install (`npm ci --omit=dev`, as in the Docker image) there is no compiler: it builds nothing and
// only checks that dist/ holds the build the image was made with, so the same `npm run` lines work there.
// Usage: node scripts/build-if-developing.js
const { spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const ROOT = join(__dirname, '..');
/** What every command needs of the build: the service's compiled entry point. */
const BUILT_ENTRY = join('dist', 'src', 'index.js');

/** Whether the dev toolchain is installed here (the compiler that `npm run build` runs). */
function hasDevToolchain() {
  try {
    require.resolve('typescript/package.json', { paths: [ROOT] });
    return true;
  } catch {
    return false;
  }
}

if (hasDevToolchain()) {
  // The build's own lines go to stderr, so `TOKEN=$(npm run --silent token …)` captures the token alone.
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: ['ignore', 2, 2] });
  process.exit(build.status ?? 1);
} else if (!existsSync(join(ROOT, BUILT_ENTRY))) {
  process.stderr.write(
    `${BUILT_ENTRY} is missing and the dev toolchain is not installed (a production install): ` +
      'build first with `npm ci && npm run build`, as the Docker image does in its build stage\n',
  );
  process.exit(1);
}
