// First: the process starts again with V8's heap sized from MEMORY_LIMIT_MB (src/core/heap-limit.ts).
import './core/relaunch-first';
import { ConfigError, loadConfig } from './core/config';
import { createLogger, stdoutDestination, type Logger, type LogLevel } from './platform/observability/logger';
import { stopWhenParentExits } from './platform/service/parent-watch';
import { HttpListener } from './platform/http/http-listener';
import { StartUpProgress } from './platform/service/start-up-progress';
import type { Running } from './service';

/** Readable text when a person watches the log in a terminal, else JSON lines. */
const pretty = process.stdout.isTTY === true;

/**
 * The fields of a start-up or shutdown line, for a collector reading JSON; on a terminal the message already says
 * them, and pino-pretty would print each under it on a line of its own.
 */
const forCollectors = (fields: object): object => (pretty ? {} : fields);

/** Standard output for JSON lines, shared by the process's loggers (start-up, then configured) in line order. */
const stdout = pretty ? undefined : stdoutDestination();

/** The process's logger. */
const loggerAt = (level: LogLevel): Logger => createLogger({ level, pretty, destination: stdout });

/** Until the configuration is read (LOG_LEVEL among it), start-up problems are told at the default level. */
let logger = loggerAt('info');

/**
 * `npm start -- --verbose` (src/cli/commands.json; scripts/run-command.js has refused any other option): the seed
 * load's line per label and its report at info, as `npm run seed` prints them, rather than at debug.
 */
const verbose = process.argv.slice(2).includes('--verbose');

/**
 * Start-up in order: configuration → HTTP listening (health only: /health/ready names the step), with only the
 * modules that needs loaded → the rest of the start (src/service.ts: database, schema, seed, the routes, the
 * planning of the first requests in the background). Shutdown in reverse on SIGINT/SIGTERM: HTTP drained,
 * driver closed, embedded database stopped.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  logger = loggerAt(config.logLevel);
  const startup = logger.child({ event: 'startup' });
  const log = (line: string): void => startup.info(line);
  const progress = new StartUpProgress();
  // Listening first, so an orchestrator sees a live process that starts (its liveness probe must not kill a
  // start that waits for its database), and /health/ready says which step the start is on.
  const listener = new HttpListener({
    requestTimeoutMs: config.requestBudget.timeoutMs,
    keepAliveTimeoutMs: config.http.keepAliveTimeoutMs,
    idleTimeoutMs: config.http.idleTimeoutMs,
    logger,
    startUp: progress,
  });
  const running: Running = { listener, stopping: false };
  stopOnSignals(running);
  const url = await listener.listen(config.port, config.host);
  log(`listening at ${url}: /health/live answers, /health/ready names the start's step until it is ready`);
  // Only now the service's own modules: the port answers /health/live meanwhile.
  progress.at("loading the service's modules");
  const { startService } = await import('./service');
  await startService({ config, logger, listener, progress, running, verbose, forCollectors });
}

/**
 * Shutdown in reverse on SIGINT/SIGTERM, or when the parent process ends (parent-watch.ts): HTTP drained,
 * driver closed, embedded database stopped; once, whatever signals follow the first. A stop during the start
 * closes what the start has opened so far; an embedded Neo4j still starting ends with this process (its
 * launcher exits when its stdin closes).
 */
function stopOnSignals(running: Running): void {
  const stopLog = logger.child({ event: 'shutdown' });
  const shutdown = async (signal: string | undefined, why: string): Promise<void> => {
    stopLog.info(forCollectors({ signal }), `${why}: stopping`);
    const started = Date.now();
    const cut = await (running.server?.stop() ?? running.listener.drain.stop());
    await running.metricsListener?.close();
    running.dataVersion?.stopPolling();
    const drained = Date.now() - started;
    stopLog.info(
      forCollectors({ durationMs: drained, connectionsCut: cut }),
      `HTTP drained (${drained} ms${cut > 0 ? `; ${cut} connections cut at the end of the grace` : ''})`,
    );
    await running.database?.close();
    // Spans still batched are sent now; a collector that does not take them must not fail the stop.
    await running.tracing?.shutdown().catch((error: unknown) => stopLog.warn({ err: error }, 'traces not all sent'));
    stopLog.info(
      forCollectors({ durationMs: Date.now() - started }),
      `database closed; stopped in ${Date.now() - started} ms`,
    );
  };
  const stop = (signal: string | undefined, why: string): void => {
    // Ctrl-C on a terminal reaches the service twice: from the terminal (the foreground job's processes) and again
    // from `npm start`, which passes its own on. A signal during the stop leaves it to finish: with `once`, the
    // second SIGINT met Node's default and killed the process before the database was closed.
    if (running.stopping) return;
    running.stopping = true;
    shutdown(signal, why).then(
      () => process.exit(0),
      (error: unknown) => {
        stopLog.error({ err: error }, 'error while stopping');
        process.exit(1);
      },
    );
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => stop(signal, `${signal} received`));
  stopWhenParentExits(() => stop(undefined, 'the parent process ended'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    logger.fatal({ event: 'startup' }, `configuration error: ${error.message}`);
    process.exit(2);
  }
  logger.fatal({ event: 'startup', err: error }, 'start-up failed');
  process.exit(1);
});
