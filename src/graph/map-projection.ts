/** A property name as statements write it in: only names a node may store, never user text. */
const PROPERTY_NAME = /^[A-Za-z][A-Za-z0-9]*$/;

/**
 * The inside of a Cypher map projection of `properties` (`.id, .code, .name`), for templates that return
 * only what an operation reads of a node (src/read/prefetch/property-demand.ts decides which). The names
 * are written into the statement's text, so anything that is not a plain property name is refused.
 */
export function mapProjection(properties: readonly string[]): string {
  const refused = properties.filter((property) => !PROPERTY_NAME.test(property));
  if (refused.length > 0) throw new Error(`not property names: ${refused.join(', ')}`);
  return properties.map((property) => `.${property}`).join(', ');
}
