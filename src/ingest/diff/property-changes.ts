import type { PropertyValue } from '../../graph/graph-model';
import { documentStem } from '../source-document';

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

/**
 * Splits changes into what a reviewer reads and the move of the fact to another place: its line, its page
 * (a PDF's), and the switch from a document's text file to its PDF or back (`000_….txt` → `000_….pdf`,
 * the same document read from elsewhere). `sourceLine` is the line's change, or any other move.
 */
export function withoutSourceLine(changes: readonly PropertyChange[]): {
  readonly content: PropertyChange[];
  readonly sourceLine: PropertyChange | undefined;
} {
  const moves = changes.filter(isMove);
  return {
    content: changes.filter((c) => !isMove(c)),
    sourceLine: moves.find((c) => c.property === SOURCE_LINE) ?? moves[0],
  };
}

function isMove(change: PropertyChange): boolean {
  if (change.property === SOURCE_LINE || change.property === 'sourcePage') return true;
  return (
    change.property === 'sourceDocument' &&
    typeof change.before === 'string' &&
    typeof change.after === 'string' &&
    sameDocument(change.before, change.after)
  );
}

function sameDocument(a: string, b: string): boolean {
  return documentStem(a) === documentStem(b);
}

// Property values are scalars or flat lists of scalars (PropertyValue), so their JSON text is their identity.
function sameValue(a: PropertyValue | undefined, b: PropertyValue | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
