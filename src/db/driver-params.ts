import neo4j from 'neo4j-driver';

/** A statement's parameters, by name, as plain values. */
export type Params = Readonly<Record<string, unknown>>;

/**
 * JS numbers reach Cypher as floats, which `LIMIT`, `SKIP` and integer properties reject or store
 * differently; whole numbers therefore go as neo4j Integers.
 */
export function toDriverParams(params: Params): Record<string, unknown> {
  const convert = (value: unknown): unknown => {
    if (typeof value === 'number' && Number.isInteger(value)) return neo4j.int(value);
    if (Array.isArray(value)) return value.map(convert);
    if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convert(v)]));
    }
    return value;
  };
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, convert(v)]));
}
