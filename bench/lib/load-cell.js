'use strict';
const autocannon = require('autocannon');

/**
 * One timed cell: `connections` clients POSTing `body` to `url` back to back for `seconds`. Returns
 * throughput, latency percentiles (ms) and every kind of failure: transport errors, timeouts, non-2xx
 * statuses and 200 answers that carry GraphQL `errors` (autocannon alone would count those as successes).
 * autocannon records latencies in whole milliseconds, so sub-millisecond answers show as 0 or 1 ms.
 */
async function loadCell({ url, body, connections, seconds }) {
  let errorAnswers = 0;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        onResponse: (status, responseBody) => {
          if (status === 200 && responseBody.includes('"errors":[')) errorAnswers += 1;
        },
      },
    ],
  });
  // A cell where no request completed (a slow answer under load) has no latency: NaN, shown as `–`.
  const completed = result.requests.total > 0;
  return {
    rps: result.requests.total / result.duration,
    p50: completed ? result.latency.p50 : Number.NaN,
    p99: completed ? result.latency.p99 : Number.NaN,
    failures: result.errors + result.timeouts + result.non2xx + errorAnswers,
  };
}

module.exports = { loadCell };
