import type { Span } from '@opentelemetry/api';

/**
 * The execute span of each GraphQL operation in progress, under the span it runs in (the HTTP request's, or
 * an export page's). Apollo's plugin hooks see execution start and end but cannot make the execute span the
 * active context of the resolvers (Apollo calls them itself); statements find their operation's execute span
 * here from the span that is active, so they become its children.
 */
export class RunningExecutions {
  private readonly executeSpans = new WeakMap<Span, Span>();

  started(runningIn: Span | undefined, execute: Span): void {
    if (runningIn !== undefined) this.executeSpans.set(runningIn, execute);
  }

  ended(runningIn: Span | undefined): void {
    if (runningIn !== undefined) this.executeSpans.delete(runningIn);
  }

  /** The execute span of the operation running under `active`, else `active` itself (a statement outside GraphQL). */
  parentFor(active: Span | undefined): Span | undefined {
    return active === undefined ? undefined : (this.executeSpans.get(active) ?? active);
  }
}
