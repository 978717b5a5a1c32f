import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  copiesOf,
  finalStage,
  instructionsOf,
  readDockerfile,
  stageNamed,
  WRITABLE_DIRECTORIES_RUN,
  writableDirectories,
} from '../../helpers/dockerfile';

/**
 * Docker cannot run on the build machines, so the Dockerfile is held to its rules by reading it:
 * the image runs as `node`, its final stage installs no dev dependency and builds nothing, its code is owned by
 * root (read-only to `node`) but for the folders made writable, and it holds every file the operators'
 * commands run. tests/integration/platform/service/production-image.int.test.ts lays the final stage out and runs them.
 */
const stages = readDockerfile();
const image = finalStage(stages);
const copies = copiesOf(image);
const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
/** The npm scripts docs/operators.md has operators run inside the container. */
const OPERATOR_SCRIPTS = ['seed', 'token', 'records:export', 'records:import'];

/** Whether the final stage has `path` (relative to its WORKDIR /app): copied itself or inside a copied folder. */
const inImage = (path: string): boolean =>
  copies.some((copy) => {
    const destination = copy.destination.replace(/^\.\//, '').replace(/\/$/, '') || '.';
    return destination === '.'
      ? copy.sources.includes(path)
      : path === destination || path.startsWith(`${destination}/`);
  });

describe('Dockerfile', () => {
  it('runs the service as the unprivileged node user, from the compiled code', () => {
    expect(instructionsOf(image, 'WORKDIR')).toEqual(['/app']);
    expect(instructionsOf(image, 'USER')).toEqual(['node']);
    const userAt = image.instructions.findIndex((i) => i.keyword === 'USER');
    expect(image.instructions.slice(userAt + 1).map((i) => i.keyword)).toEqual(['CMD']);
    expect(instructionsOf(image, 'CMD')).toEqual(['["node", "dist/src/index.js"]']);
  });

  it('builds nothing in the final stage: its only RUN makes the writable folders', () => {
    const runs = instructionsOf(image, 'RUN');
    expect(runs.length).toBeGreaterThan(0);
    for (const run of runs) expect(run).toMatch(WRITABLE_DIRECTORIES_RUN);
    expect(writableDirectories(image)).toEqual(['backups']);
  });

  it('takes its node_modules from a stage that installs the production dependencies only, optional ones left out', () => {
    const modules = copies.filter((copy) => copy.destination.replace(/\/$/, '') === './node_modules');
    expect(modules).toHaveLength(1);
    const from = modules[0]?.from ?? '';
    const dependencies = stageNamed(stages, from);
    expect(instructionsOf(dependencies, 'RUN')).toEqual(['npm ci --omit=dev --omit=optional --no-audit --no-fund']);
    expect(copiesOf(dependencies)).toEqual([
      { from: undefined, chown: undefined, sources: ['package.json', 'package-lock.json'], destination: './' },
    ]);
    expect(dependencies.image).toBe(image.image);
  });

  it('compiles in a build stage of its own, whose dev dependencies stay there', () => {
    const build = stageNamed(stages, 'build');
    expect(instructionsOf(build, 'RUN')).toEqual(['npm ci', 'npm run build']);
    const fromBuild = copies.filter((copy) => copy.from === 'build').flatMap((copy) => copy.sources);
    expect(fromBuild.every((source) => !source.includes('node_modules'))).toBe(true);
  });

  it('leaves the code owned by root, read-only to node: no COPY --chown', () => {
    expect(copies.filter((copy) => copy.chown !== undefined)).toEqual([]);
  });

  it.each(OPERATOR_SCRIPTS)('holds every file `npm run %s` runs', (name) => {
    const command = scripts[name] ?? '';
    const files = [...command.matchAll(/\bnode ([\w./-]+\.js)/g)].map((match) => match[1] ?? '');
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect({ file, inImage: inImage(file) }).toEqual({ file, inImage: true });
    // No build step a production install could not run (the compiler is a dev dependency).
    expect(command).not.toMatch(/\b(tsc|npm run[\w -]* build)\b/);
  });

  it('holds what the compiled code reads at run time: Cypher, the seed, the IDE examples and browser script', () => {
    for (const path of ['cypher', 'seed', 'schema', 'dist', 'package.json', 'src/web/ide/browser/ide.js']) {
      expect({ path, inImage: inImage(path) }).toEqual({ path, inImage: true });
    }
    // The developers' tree is not copied: sources and tests stay out.
    for (const path of ['src/core/config.ts', 'tests', 'neo4j', '.data']) expect(inImage(path)).toBe(false);
  });

  it('keeps secrets and local data out of the build context', () => {
    const ignored = readFileSync(join('.dockerignore'), 'utf8').split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['secrets', '.data', 'node_modules', 'dist']));
  });
});
