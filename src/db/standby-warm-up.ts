import type { Driver } from 'neo4j-driver';
import { splitCommands } from './apply-schema';
import { CypherRegistry } from './cypher-registry';
import { describeWarmUp, warmPlans, type WarmUpSettings } from './plan-warm-up';
import type { RecordedRead } from './recent-reads';

/**
 * A minute for a standby, one statement at a time: it has nothing else to do, but the service beside it has,
 * so one lane leaves the other core to requests.
 */
export const STANDBY_WARM_UP_SETTINGS: WarmUpSettings = { budgetMs: 60_000, statementTimeoutMs: 10_000, lanes: 1 };

/** Every schema command of cypher/schema/, in the order the service applies them. */
export function schemaCommands(cypher: CypherRegistry = CypherRegistry.load()): string[] {
  return cypher.namesUnder('schema').flatMap((name) => splitCommands(cypher.get(name)));
}

/**
 * Readies a standby's JVM on its scratch DBMS (`scratch`, a driver of its own): the service's schema first, so
 * its statements plan as on the real store (index seeks, not scans), then the statements the service ran lately,
 * most used first. The scratch store holds no data: what matters is the code the JVM loads and compiles.
 */
export async function warmStandby(
  scratch: Driver,
  schema: readonly string[],
  reads: readonly RecordedRead[],
  settings: WarmUpSettings = STANDBY_WARM_UP_SETTINGS,
): Promise<string> {
  for (const command of schema) await scratch.executeQuery(command, {}, { database: 'neo4j' });
  return describeWarmUp(await warmPlans(scratch, 'neo4j', reads, settings));
}
