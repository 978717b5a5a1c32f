import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `npm run build` once per test run, for the integration tests that run the compiled service or a command
 * (`dist/…`): they each built it in their own `beforeAll`, the whole build (compiler, dashboard bundle, IDE
 * assets) four times in a full run. The first test to ask builds; the others, in this process or another
 * worker, wait for its outcome. The run is the global setup's (its database's data directory names it), so a
 * later run builds the code as it is then.
 *
 * Resolves with the build's exit status (0: built).
 */
export async function buildOncePerRun(): Promise<number | null> {
  const run = process.env.TEST_NEO4J_DATA;
  if (run === undefined) return build(); // outside the integration project's global setup: build as asked
  const lock = `${run}-build`;
  const outcome = join(lock, 'status');
  try {
    mkdirSync(lock); // atomic: exactly one test of the run gets here first
  } catch {
    while (!existsSync(outcome)) await new Promise((resolve) => setTimeout(resolve, 200));
    return statusIn(outcome);
  }
  const status = await build();
  writeFileSync(outcome, JSON.stringify(status));
  return status;
}

function build(): Promise<number | null> {
  return new Promise((resolve) => {
    spawn('npm', ['run', '--silent', 'build'], { stdio: 'ignore' }).once('close', resolve);
  });
}

function statusIn(file: string): number | null {
  return JSON.parse(readFileSync(file, 'utf8')) as number | null;
}
