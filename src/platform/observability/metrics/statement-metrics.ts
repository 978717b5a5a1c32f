import type { StatementObserver } from '../../../db/statement-observer';
import type { ServiceMetrics } from './service-metrics';

/**
 * The statement observer of the metrics: each statement's time by its name (a cypher/ file or a compiled
 * statement's origin, a few dozen names) and mode, and how many run at once. The selection shape of a compiled
 * statement is never a label: there are as many shapes as client queries.
 */
export function statementMetrics(metrics: ServiceMetrics): StatementObserver {
  return {
    started({ name, mode }) {
      metrics.statementsInFlight.inc();
      return ({ durationMs, error }) => {
        metrics.statementsInFlight.dec();
        const outcome = error === undefined ? 'ok' : 'error';
        metrics.statementDuration.observe({ statement: name, mode, outcome }, durationMs / 1000);
      };
    },
  };
}
