import { CypherRegistry } from '../../db/cypher-registry';
import { fragmentOf, singleHopScope, type Hop } from '../relationships';

/**
 * The fixed pieces compiled statements are assembled from: files of cypher/fragments/, read once, as the
 * registry keeps them (header comments and indentation dropped).
 */
let registry: CypherRegistry | undefined;

export function fragment(name: string): string {
  if (!name.startsWith('fragments/')) throw new Error(`not a fragment of cypher/fragments/: ${name}`);
  registry ??= CypherRegistry.load();
  const declared = DECLARED_NUMBER.exec(name);
  if (declared) return registry.get(PROPERTY_TEMPLATE).replace('{property}', declared[1] ?? '');
  return withIncluded(registry.get(name));
}

/**
 * One template serves every declared number (src/graph/properties/): `fragments/common/property.startYear` is
 * cypher/fragments/common/property.cypher with its slot filled by `startYear`. The name is the declaration's,
 * an identifier by this pattern, so no text from a request ever reaches the slot.
 */
const PROPERTY_TEMPLATE = 'fragments/common/property';
const DECLARED_NUMBER = /^fragments\/common\/property\.([A-Za-z][A-Za-z0-9]*)$/;

/** The quantity (and sort value) fragment of a declared number stored as `property`. */
export function propertyQuantity(property: string): string {
  const name = `${PROPERTY_TEMPLATE}.${property}`;
  if (!DECLARED_NUMBER.test(name)) throw new Error(`not a declared property name: ${property}`);
  return name;
}

/**
 * A fragment with each `{{fragments/…}}` replaced by that fragment's text, so an expression two fragments
 * need (an indicator's outlook status: its condition and its facet) is written once. Two opening braces never
 * begin valid Cypher (a map literal starts with a key), so the mark cannot be mistaken for a statement's text.
 */
function withIncluded(text: string): string {
  return text.replace(/\{\{(fragments\/[a-z0-9/-]+)\}\}/g, (_mark, name: string) => `(${fragment(name)})`);
}

/** A fragment whose `$value` parameter is renamed to `$<parameter>`, so one statement can use it often. */
export function fragmentWithParameter(name: string, parameter: string): string {
  return fragment(name).replace(/\$value\b/g, `$${parameter}`);
}

/**
 * The scope of a nested connection over a relationship field's hop: binds `parent` (each id of `$parents`)
 * and `n` (its related nodes). A path goes through the same fragment the field's loader and the selection
 * compiler use (cypher/projection/scope-by-relationship), so the connection pages the nodes the plain list
 * lists; a single hop is the same relationship type and label as one pattern from the parent's id
 * (cypher/projection/scope-by-outgoing|incoming), without the subquery per parent the path needs: that
 * subquery was most of what a nested aggregate cost beyond raw Cypher (see compile-counts-page.ts).
 */
export function relationshipScope(hop: Hop): string {
  const source = (name: string): string => (registry ??= CypherRegistry.load()).get(name);
  if (hop.kind !== 'path') return singleHopScope(source, hop);
  return source('projection/scope-by-relationship').replace('{hop}', fragmentOf(source, hop));
}
