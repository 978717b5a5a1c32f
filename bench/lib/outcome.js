'use strict';

/** Error codes that mean the service failed, not that it turned the request down on purpose. */
const FAILURE_CODES = new Set(['INTERNAL_SERVER_ERROR', 'SERVICE_UNAVAILABLE']);

/**
 * What became of one GraphQL request: `ok` (200, no errors), `refused …` (a 4xx, or errors whose codes say
 * the service declined it: limits, validation, time budget, busy), `failed …` (errors coded as a breakdown or
 * without a code, or a 5xx without any code),
 * `timeout` (the client gave up) or `network …` (connection refused, reset …).
 */
function classifyResponse(status, text) {
  let errors = [];
  try {
    errors = JSON.parse(text).errors ?? [];
  } catch {
    // not JSON: judged by the status alone
  }
  const codes = [...new Set(errors.map((error) => error.extensions?.code ?? 'no code'))].sort();
  const detail = codes.length > 0 ? codes.join('+') : `HTTP ${status}`;
  if (codes.some((code) => FAILURE_CODES.has(code) || code === 'no code')) return `failed ${detail}`;
  if (status >= 500 && codes.length === 0) return `failed ${detail}`;
  // A 503 "busy, try later" with its own code is the service protecting itself: a refusal, like a 4xx.
  if (status >= 400 || codes.length > 0) return `refused ${detail}`;
  return 'ok';
}

/** The messages of an answer's errors that `classifyResponse` calls failures (a failure code, or none). */
function failureMessages(text) {
  try {
    const errors = JSON.parse(text).errors ?? [];
    return errors
      .filter((error) => error.extensions?.code === undefined || FAILURE_CODES.has(error.extensions.code))
      .map((error) => String(error.message));
  } catch {
    return [];
  }
}

function classifyError(error) {
  if (error.name === 'TimeoutError' || error.name === 'AbortError') return 'timeout';
  return `network ${error.cause?.code ?? error.code ?? error.name}`;
}

/**
 * POSTs a GraphQL document (with `variables` when given); resolves with its outcome and the time to the last byte
 * (never rejects).
 */
async function timedGraphQL(url, query, timeoutMs, variables = undefined) {
  const started = performance.now();
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(variables === undefined ? { query } : { query, variables }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    const outcome = classifyResponse(response.status, text);
    return {
      outcome,
      // Why a failed answer failed, in the service's words (the same code can have several causes).
      failures: outcome.startsWith('failed ') ? failureMessages(text) : [],
      status: response.status,
      ms: performance.now() - started,
      bytes: text.length,
    };
  } catch (error) {
    return { outcome: classifyError(error), failures: [], status: 0, ms: performance.now() - started, bytes: 0 };
  }
}

/** GETs a URL (a health probe); outcome `ok` on 200. */
async function timedGet(url, timeoutMs) {
  const started = performance.now();
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    await response.arrayBuffer();
    return {
      outcome: response.status === 200 ? 'ok' : `failed HTTP ${response.status}`,
      ms: performance.now() - started,
    };
  } catch (error) {
    return { outcome: classifyError(error), ms: performance.now() - started };
  }
}

module.exports = { classifyResponse, timedGraphQL, timedGet };
