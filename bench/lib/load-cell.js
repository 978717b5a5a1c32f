'use strict';
const autocannon = require('autocannon');
const { percentile } = require('./statistics');

/**
 * One timed cell: `connections` clients POSTing `body` to `url` back to back for `seconds`. Returns
 * throughput, latency percentiles (ms) and every kind of failure: transport errors, timeouts, non-2xx
 * statuses and 200 answers that carry GraphQL `errors` (autocannon alone would count those as successes).
 */
async function loadCell({ url, body, connections, seconds }) {
  let errorAnswers = 0;
  const instance = autocannon({
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
  // autocannon's own histogram keeps whole milliseconds, too coarse for answers that take one; its
  // 'response' event carries the exact time (high-resolution, ms), so the percentiles come from those.
  const times = [];
  instance.on('response', (_client, status, _bytes, responseTime) => {
    if (status >= 200 && status < 300) times.push(responseTime);
  });
  const result = await instance;
  // A cell where no request completed (a slow answer under load) has no latency: NaN, shown as `–`.
  return {
    requests: result.requests.total,
    rps: result.requests.total / result.duration,
    p50: percentile(times, 0.5),
    p95: percentile(times, 0.95),
    p99: percentile(times, 0.99),
    failures: result.errors + result.timeouts + result.non2xx + errorAnswers,
  };
}

module.exports = { loadCell };
