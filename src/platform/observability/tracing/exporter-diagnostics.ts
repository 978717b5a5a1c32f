import { diag, DiagLogLevel, type DiagLogger } from '@opentelemetry/api';
import type { Logger } from '../logger';

/**
 * The OpenTelemetry SDK reports its own trouble (a collector that refuses or does not answer, spans dropped
 * from a full batch queue) through its diagnostic logger, which is silent unless one is set. Warnings and
 * errors go to the service's log, so an operator sees why traces stopped arriving.
 */
export function logExporterDiagnostics(logger: Logger): void {
  const log = logger.child({ event: 'tracing' });
  const line =
    (write: (message: string) => void) =>
    (message: string, ...args: unknown[]): void =>
      write([message, ...args.map((arg) => (arg instanceof Error ? arg.message : String(arg)))].join(' '));
  const toLog: DiagLogger = {
    error: line((message) => log.error(message)),
    warn: line((message) => log.warn(message)),
    info: line((message) => log.info(message)),
    debug: line((message) => log.debug(message)),
    verbose: line((message) => log.trace(message)),
  };
  diag.setLogger(toLog, { logLevel: DiagLogLevel.WARN, suppressOverrideMessage: true });
}
