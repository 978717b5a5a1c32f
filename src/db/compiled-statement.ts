import type { Cypher } from './cypher';

/**
 * A statement assembled at run time from cypher/ fragments. A branded wrapper rather than a bare string, so
 * text that did not come from a compiler cannot be passed by mistake.
 */
export interface CompiledStatement {
  readonly text: string;
  /**
   * What the statement was compiled from (for errors, logs, metrics and traces), e.g. `measures(filter,
   * orderBy)`: one of few names, so it can label a metric.
   */
  readonly origin: string;
  /** The selection it prefetches, when compiled for one (`items(sdgs,measures(departments))`): many shapes. */
  readonly shape?: string;
  /**
   * The statement as its parts with their names left open (src/db/cypher.ts), when it was composed: a
   * compiler putting it inside another statement binds those names instead of reading `text` back.
   */
  readonly cypher?: Cypher;
}
