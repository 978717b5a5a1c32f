/**
 * Label values that are not operation names. Parentheses cannot occur in a GraphQL name, so none of them can
 * be mistaken for an operation a client named.
 */
export const OPERATION_LABEL = {
  /** A resolved operation without a name (`{ measures { … } }`). */
  anonymous: '(anonymous)',
  /** The request failed before an operation was chosen: the document did not parse or validate. */
  unresolved: '(unresolved)',
  /** A name first seen after the cap was reached, or longer than a name label may be. */
  other: '(other)',
} as const;

/** Distinct operation names kept as label values; every later new name counts as `(other)`. */
export const MAX_OPERATION_NAMES = 100;

/** Longer names count as `(other)`: a label is for people reading a dashboard, not for stored documents. */
const MAX_NAME_LENGTH = 64;

/**
 * Operation names are chosen by clients, so as label values they are bounded: the first `max` distinct names
 * this process sees keep their own series, later ones share `(other)`. The dashboard's and the IDE's
 * operations are a few dozen, so they are named; a client inventing names cannot grow the series without end
 * (it can only use up the cap, which the `(other)` series then shows).
 */
export class OperationLabels {
  private readonly named = new Set<string>();

  constructor(readonly max: number = MAX_OPERATION_NAMES) {}

  /** `resolved`: whether an operation was chosen at all; `name`: its name, if it has one. */
  labelFor(resolved: boolean, name: string | undefined): string {
    if (!resolved) return OPERATION_LABEL.unresolved;
    if (name === undefined || name === '') return OPERATION_LABEL.anonymous;
    if (name.length > MAX_NAME_LENGTH) return OPERATION_LABEL.other;
    if (this.named.has(name)) return name;
    if (this.named.size >= this.max) return OPERATION_LABEL.other;
    this.named.add(name);
    return name;
  }
}
