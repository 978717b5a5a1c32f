import neo4j from 'neo4j-driver';

/** A JSON-like value: what leaves src/db/ (no neo4j Integer, Node or Relationship objects). */
export type PlainValue = null | boolean | number | string | PlainValue[] | { [key: string]: PlainValue };
export type PlainRow = Readonly<Record<string, PlainValue>>;

/**
 * Converts what the driver returns into plain values: Integers to numbers (the graph's integers are small
 * counts and years, far inside the safe range), nodes and relationships to their property maps.
 *
 * Lists and maps are converted in place: the driver builds them afresh for each result and nothing else
 * holds them, and copying every nested list and map of a large answer was a good part of the garbage a
 * request made.
 */
export function toPlain(value: unknown): PlainValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string') return value;
  if (neo4j.isInt(value)) return value.toNumber();
  if (Array.isArray(value)) {
    const list: unknown[] = value;
    for (let i = 0; i < list.length; i++) list[i] = toPlain(list[i]);
    return list as PlainValue[];
  }
  if (isGraphEntity(value)) return toPlain(value.properties);
  if (typeof value === 'object') {
    const map = value as Record<string, unknown>;
    for (const key of Object.keys(map)) map[key] = toPlain(map[key]);
    return map as Record<string, PlainValue>;
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
