import type { DatabaseRuntime } from '../../../db/database-runtime';
import { driverPoolStatistics } from './driver-pool';
import type { ServiceMetrics } from './service-metrics';

/**
 * The database's gauges read at each scrape: the request driver's pool, and the embedded database's restarts
 * when the service supervises one (an external database has none to count).
 */
export function watchDatabase(metrics: ServiceMetrics, database: Pick<DatabaseRuntime, 'driver' | 'embedded'>): void {
  metrics.watchPool(() => driverPoolStatistics(database.driver));
  const supervisor = database.embedded;
  if (supervisor !== undefined) metrics.watchRestarts(() => supervisor.restarts);
}
