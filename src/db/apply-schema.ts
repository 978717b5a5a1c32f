import type { CypherRegistry } from './cypher-registry';
import type { GraphGateway } from './graph-gateway';

/**
 * Applies every cypher/schema/*.cypher file in name order. Schema files may hold several `;`-separated
 * commands (Neo4j accepts one per call); all are `IF NOT EXISTS`, so applying twice changes nothing.
 */
export async function applySchema(gateway: GraphGateway, cypher: CypherRegistry): Promise<number> {
  let applied = 0;
  for (const name of cypher.namesUnder('schema')) {
    for (const command of splitCommands(cypher.get(name))) {
      await gateway.autoCommitText(command);
      applied += 1;
    }
  }
  return applied;
}

/** Splits a schema file into its commands, dropping `//` comment lines. */
export function splitCommands(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(';')
    .map((command) => command.trim())
    .filter((command) => command !== '');
}
