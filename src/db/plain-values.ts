import neo4j from 'neo4j-driver';

/** A JSON-like value: what leaves src/db/ (no neo4j Integer, Node or Relationship objects). */
export type PlainValue = null | boolean | number | string | PlainValue[] | { [key: string]: PlainValue };
export type PlainRow = Readonly<Record<string, PlainValue>>;

/**
 * Converts what the driver returns into plain values: Integers to numbers (the graph's integers are small
 * counts and years, far inside the safe range), nodes and relationships to their property maps.
 */
export function toPlain(value: unknown): PlainValue {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) return value.toNumber();
  if (typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(toPlain);
  if (isGraphEntity(value)) return toPlain(value.properties);
  if (typeof value === 'object') {
    const out: Record<string, PlainValue> = {};
    for (const [key, inner] of Object.entries(value)) out[key] = toPlain(inner);
    return out;
  }
  throw new TypeError(`unexpected value of type ${typeof value} from the database`);
}

function isGraphEntity(value: unknown): value is { properties: Record<string, unknown> } {
  return (
    typeof value === 'object' &&
    value !== null &&
    'properties' in value &&
    ('labels' in value || 'type' in value) &&
    typeof (value as { properties: unknown }).properties === 'object'
  );
}
