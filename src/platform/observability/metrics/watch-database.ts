import type { DatabaseRuntime } from '../../../db/database-runtime';
import type { GraphGateway } from '../../../db/graph-gateway';
import { databaseAnswers } from '../../service/database-answers';
import { driverPoolStatistics } from './driver-pool';
import type { ServiceMetrics } from './service-metrics';

/**
 * The database's gauges read at each scrape: whether it answers (asked through `readiness`, as /health/ready
 * asks), the request driver's pool, and, when the service supervises an embedded database, its restarts and
 * its data directory's disk space (an external database has neither to report here).
 */
export function watchDatabase(
  metrics: ServiceMetrics,
  database: Pick<DatabaseRuntime, 'driver' | 'embedded' | 'health' | 'dataDirectory'>,
  readiness: GraphGateway,
): void {
  metrics.watchDatabaseAnswers(async () => (await databaseAnswers(readiness, database.health)).ok);
  metrics.watchPool(() => driverPoolStatistics(database.driver));
  const supervisor = database.embedded;
  if (supervisor !== undefined) metrics.watchRestarts(() => supervisor.restarts);
  if (database.dataDirectory !== undefined) metrics.watchDataDirectory(database.dataDirectory);
}
