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

/** New names one client may bring into the labels: a fair share, so no client can use up the cap alone. */
export const MAX_NEW_NAMES_PER_CLIENT = 10;

/** Who asks for a name to be labelled. */
export interface NameSource {
  /** The client (clientKey of its address); operations run by the service itself (export pages) have none. */
  readonly client?: string;
}

/**
 * Operation names are chosen by clients, so as label values they are bounded: the first `max` distinct names
 * this process sees keep their own series, later ones share `(other)`. The dashboard's and the IDE's
 * operations are a few dozen, so they are named; a client inventing names cannot grow the series without end.
 * Nor can it use up the cap so real operations fall into `(other)`: a name is taken in only from an operation
 * that validated (`resolved`: a document that failed to parse or validate, or named no operation of its own,
 * names nothing), and each client brings in at most MAX_NEW_NAMES_PER_CLIENT names (names already in are
 * counted for everyone).
 */
export class OperationLabels {
  private readonly named = new Set<string>();
  /** New names each client brought in; at most one entry per name taken in, so bounded by `max`. */
  private readonly broughtBy = new Map<string, number>();

  constructor(
    readonly max: number = MAX_OPERATION_NAMES,
    readonly maxPerClient: number = MAX_NEW_NAMES_PER_CLIENT,
  ) {}

  /** `resolved`: whether an operation was chosen at all; `name`: its name, if it has one. */
  labelFor(resolved: boolean, name: string | undefined, source: NameSource = {}): string {
    if (!resolved) return OPERATION_LABEL.unresolved;
    if (name === undefined || name === '') return OPERATION_LABEL.anonymous;
    if (name.length > MAX_NAME_LENGTH) return OPERATION_LABEL.other;
    if (this.named.has(name)) return name;
    if (this.named.size >= this.max) return OPERATION_LABEL.other;
    const client = source.client ?? '(service)';
    const brought = this.broughtBy.get(client) ?? 0;
    if (source.client !== undefined && brought >= this.maxPerClient) return OPERATION_LABEL.other;
    this.broughtBy.set(client, brought + 1);
    this.named.add(name);
    return name;
  }
}
