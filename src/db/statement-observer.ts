/** One statement the gateway is about to run: its name, never its parameters or text. */
export interface StatementStart {
  /** The cypher/ file it came from (`records/create-record`) or what a compiled one was compiled from. */
  readonly name: string;
  readonly mode: 'READ' | 'WRITE';
  /** For a compiled statement, the selection it prefetches (many shapes: a span attribute, never a label). */
  readonly shape?: string;
  /** The database it runs in (Neo4j's database name), filled in by the gateway. */
  readonly database?: string;
}

/** How a statement ended: its time (RUN to the last record) and the error it failed with, if it did. */
export interface StatementEnd {
  readonly durationMs: number;
  readonly error?: unknown;
}

/**
 * Told about every statement the gateway runs. Logs, metrics and traces listen here, so the gateway knows
 * none of them; `started` returns what to call when the statement ends (a tracer's span lives in between).
 * An observer must not throw: it is called on the request path.
 */
export interface StatementObserver {
  started(statement: StatementStart): (end: StatementEnd) => void;
}
