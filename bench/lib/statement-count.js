'use strict';

/** The sum line of our service's histogram of Cypher statements per request (src/platform/observability). */
const STATEMENTS_SUM = /^honjo_graphql_statements_per_request_sum (\S+)$/m;

/** Statements our service has run for GraphQL requests so far, read from its metrics listener. */
async function statementsSoFar(metricsUrl) {
  const response = await fetch(metricsUrl);
  const text = await response.text();
  const found = response.ok ? STATEMENTS_SUM.exec(text) : null;
  if (!found) throw new Error(`${metricsUrl} answered ${response.status} without honjo_graphql_statements_per_request`);
  return Number(found[1]);
}

/**
 * What one request cost our service in statements, counted outside its answer: in production (as the
 * benchmarks run it) the answer reports nothing, so the metrics are read before and after. Exact while no
 * other request runs, which is when the benchmarks ask (their answer checks). The service records a request
 * before it sends the answer, so the count after `ask` resolves includes it.
 */
async function statementsOf(metricsUrl, ask) {
  const before = await statementsSoFar(metricsUrl);
  const answer = await ask();
  return { answer, statements: (await statementsSoFar(metricsUrl)) - before };
}

module.exports = { statementsOf };
