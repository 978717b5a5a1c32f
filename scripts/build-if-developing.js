// Runs before every command that executes the compiled code (`npm start`, `npm run seed`, `token`, `records:*`, …).
// In a developer's checkout (TypeScript installed) it builds when the build is not current, so the command runs
// the code as it is now: dist/.build-stamp holds a digest of every input of `npm run build` (src/, the
// dashboard's sources, the TypeScript settings and the lock file, which fixes the IDE's bundles), and a build
// whose stamp matches is not redone. In a production install (`npm ci --omit=dev`, as in the Docker image) there
// is no compiler: it builds nothing and only checks that dist/ holds the build the image was made with, so the
// same `npm run` lines work there.
// Usage: node scripts/build-if-developing.js [--stamp]   (--stamp: record the current inputs as built; the last
// step of `npm run build`)
const { spawnSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const { existsSync, readdirSync, readFileSync, statSync, writeFileSync } = require('node:fs');
const { join, relative } = require('node:path');

const ROOT = join(__dirname, '..');
/** What every command needs of the build: the service's compiled entry point. */
const BUILT_ENTRY = join('dist', 'src', 'index.js');
const STAMP = join(ROOT, 'dist', '.build-stamp');
/** Every input of `npm run build`: folders are taken whole (but for the screenshots, which nothing builds from). */
const BUILD_INPUTS = ['src', 'dashboard/src', 'dashboard/tsconfig.json', 'tsconfig.json', 'tsconfig.build.json'];
const LOCK_FILE = 'package-lock.json';

/** Whether the dev toolchain is installed here (the compiler that `npm run build` runs). */
function hasDevToolchain() {
  try {
    require.resolve('typescript/package.json', { paths: [ROOT] });
    return true;
  } catch {
    return false;
  }
}

/** The files of one input (relative to the checkout): itself, every file under a folder, none when missing. */
function filesOf(path) {
  const absolute = join(ROOT, path);
  if (!existsSync(absolute)) return [];
  if (!statSync(absolute).isDirectory()) return [path];
  return readdirSync(absolute, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)))
    .sort();
}

/** A digest of the build's inputs: each file's path and bytes. */
function buildInputsDigest() {
  const hash = createHash('sha256');
  for (const file of [...BUILD_INPUTS, LOCK_FILE].flatMap(filesOf)) {
    hash
      .update(`${file}\0`)
      .update(readFileSync(join(ROOT, file)))
      .update('\0');
  }
  return hash.digest('hex');
}

/** Whether dist/ holds the build of the inputs as they are now. */
function buildIsCurrent() {
  return (
    existsSync(join(ROOT, BUILT_ENTRY)) && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === buildInputsDigest()
  );
}

function writeStamp() {
  writeFileSync(STAMP, buildInputsDigest());
}

/** Builds when developing and the build is stale; returns the exit status (0: the build is there and current). */
function ensureBuild() {
  if (hasDevToolchain()) {
    if (buildIsCurrent()) return 0;
    // The build's own lines go to stderr, so `TOKEN=$(npm run --silent token …)` captures the token alone.
    process.stderr.write('building: the sources changed since the last build (npm run build)\n');
    const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: ['ignore', 2, 2] });
    return build.status ?? 1;
  }
  if (!existsSync(join(ROOT, BUILT_ENTRY))) {
    process.stderr.write(
      `${BUILT_ENTRY} is missing and the dev toolchain is not installed (a production install): ` +
        'build first with `npm ci && npm run build`, as the Docker image does in its build stage\n',
    );
    return 1;
  }
  return 0;
}

if (require.main === module) {
  const { values } = require('./script-arguments').scriptArguments(process.argv.slice(2), {
    usage: 'usage: node scripts/build-if-developing.js [--stamp]   (--stamp: record the current inputs as built)',
    options: { stamp: { type: 'boolean' } },
  });
  if (values.stamp) writeStamp();
  else process.exit(ensureBuild());
}

module.exports = { ensureBuild, buildIsCurrent, buildInputsDigest };
