/**
 * The embedded-Neo4j launchers of a data directory (the database's JVM, and the standby's beside it when one is
 * kept), and the one that serves the database: shared with the benchmark's failure drill.
 */
export { launchersFor, launcherServing } from '../../bench/lib/launcher-processes';
