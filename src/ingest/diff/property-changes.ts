import type { PropertyValue } from '../../graph/graph-model';

/**
 * The provenance property that moves whenever a line is added or removed above a fact: a change of it alone
 * says nothing about the fact, so the diff counts such changes instead of listing them.
 */
export const SOURCE_LINE = 'sourceLine';

/** One property of one node or relationship, before and after; `undefined` when absent on that side. */
export interface PropertyChange {
  readonly property: string;
  readonly before: PropertyValue | undefined;
  readonly after: PropertyValue | undefined;
}

/** The properties that differ between two versions of one node or relationship, in property-name order. */
export function changedProperties(
  before: Readonly<Record<string, PropertyValue>>,
  after: Readonly<Record<string, PropertyValue>>,
): PropertyChange[] {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return names
    .filter((name) => !sameValue(before[name], after[name]))
    .map((name) => ({ property: name, before: before[name], after: after[name] }));
}

/** Splits changes into what a reviewer reads and the source-line shift that only follows edits above. */
export function withoutSourceLine(changes: readonly PropertyChange[]): {
  readonly content: PropertyChange[];
  readonly sourceLine: PropertyChange | undefined;
} {
  return {
    content: changes.filter((c) => c.property !== SOURCE_LINE),
    sourceLine: changes.find((c) => c.property === SOURCE_LINE),
  };
}

// Property values are scalars or flat lists of scalars (PropertyValue), so their JSON text is their identity.
function sameValue(a: PropertyValue | undefined, b: PropertyValue | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
