import type { CompiledStatement } from './compiled-statement';

/**
 * Statements composed at run time from the files of cypher/ (a root read with its relationship fields and
 * nested pages, src/read/prefetch/compile-prefetch.ts), kept by shape: their text depends only on the shape,
 * so the next read of the same shape reuses it instead of composing it again. Owned by the registry the
 * service loads (one per service, not per module), and bounded: past `max` shapes the oldest goes.
 */
export class ComposedStatements {
  private readonly kept = new Map<string, CompiledStatement>();

  constructor(private readonly max: number) {}

  /** The statement kept for `shape`, or the one `compose` makes, then kept. */
  get(shape: string, compose: () => CompiledStatement): CompiledStatement {
    const kept = this.kept.get(shape);
    if (kept) return kept;
    const statement = compose();
    if (this.kept.size >= this.max) {
      const oldest = this.kept.keys().next().value;
      if (oldest !== undefined) this.kept.delete(oldest);
    }
    this.kept.set(shape, statement);
    return statement;
  }

  /** Forgets every shape (memory short, or the service idle: src/platform/service/memory-guard.ts). */
  clear(): void {
    this.kept.clear();
  }

  get size(): number {
    return this.kept.size;
  }
}
