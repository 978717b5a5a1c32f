import { CypherRegistry } from '../../db/cypher-registry';

/**
 * The fixed pieces compiled statements are assembled from: files of cypher/fragments/, read once, as the
 * registry keeps them (header comments and indentation dropped).
 */
let registry: CypherRegistry | undefined;

export function fragment(name: string): string {
  if (!name.startsWith('fragments/')) throw new Error(`not a fragment of cypher/fragments/: ${name}`);
  registry ??= CypherRegistry.load();
  return registry.get(name);
}

/** A fragment whose `$value` parameter is renamed to `$<parameter>`, so one statement can use it often. */
export function fragmentWithParameter(name: string, parameter: string): string {
  return fragment(name).replace(/\$value\b/g, `$${parameter}`);
}
