'use strict';
const { spawn } = require('node:child_process');

/** Every child this process started; killed when it exits for any reason, so nothing outlives a run. */
const running = new Set();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** Asynchronous clean-ups (stopping the embedded Neo4j, removing its files) run on Ctrl-C before exiting. */
const cleanups = new Set();
function onInterrupt(cleanup) {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    process.stderr.write(`\n${signal}: stopping the benchmark's processes\n`);
    for (const child of running) child.kill('SIGTERM');
    const deadline = new Promise((resolve) => setTimeout(resolve, 20_000));
    Promise.race([Promise.allSettled([...cleanups].map((cleanup) => cleanup())), deadline]).then(() =>
      process.exit(130),
    );
  });
}

/**
 * Starts `node args…` and resolves once `readyUrl` answers 200 to `readyInit` (fetch options; a plain GET by
 * default), polled every 250 ms for at most `timeoutMs`. Output lines go to stderr prefixed with `name`, so a failing start-up explains itself,
 * and to `onLine` (lines split at chunk boundaries may come in two parts).
 */
async function startNodeProcess({
  name,
  args,
  env,
  readyUrl,
  readyInit = {},
  timeoutMs = 180_000,
  quiet = false,
  onLine = () => undefined,
}) {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const tail = [];
  const keep = (chunk) => {
    for (const line of String(chunk).split('\n').filter(Boolean)) {
      onLine(line);
      tail.push(line);
      if (tail.length > 20) tail.shift();
      if (!quiet) process.stderr.write(`[${name}] ${line}\n`);
    }
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  exited.then(() => running.delete(child));

  const deadline = Date.now() + timeoutMs;
  let gone = false;
  exited.then(() => (gone = true));
  while (!gone) {
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} was not ready within ${timeoutMs} ms:\n${tail.join('\n')}`);
    }
    try {
      const response = await fetch(readyUrl, { ...readyInit, signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  if (gone) throw new Error(`${name} exited during start-up:\n${tail.join('\n')}`);

  return {
    pid: child.pid,
    /** SIGTERM (the service drains and stops), SIGKILL after `graceMs`. */
    async stop(graceMs = 15_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      child.kill('SIGTERM');
      await exited;
      clearTimeout(killer);
    },
  };
}

module.exports = { startNodeProcess, onInterrupt };
