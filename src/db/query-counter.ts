/**
 * Counts the Cypher statements one GraphQL request runs and the time spent waiting for them. Outside
 * production it is reported in `extensions.cypher`, so the cost of a request is visible to users and tests.
 */
export class QueryCounter {
  queries = 0;
  dbMs = 0;

  record(elapsedMs: number): void {
    this.queries += 1;
    this.dbMs += elapsedMs;
  }

  snapshot(): { queries: number; dbMs: number } {
    return { queries: this.queries, dbMs: Math.round(this.dbMs * 10) / 10 };
  }
}
