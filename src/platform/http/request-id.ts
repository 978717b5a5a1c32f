import { randomUUID } from 'node:crypto';

/** The header a request's id comes in (when the caller gives one) and goes out in. */
export const REQUEST_ID_HEADER = 'x-request-id';

/** An incoming id is kept only when it is short and plain, so it cannot forge log lines or headers. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The caller's request id when short and plain, else a new UUID. Apart from the request-id plugin, so that
 * what answers while the service starts (unparsable-requests.ts under http-listener.ts) loads without Apollo
 * or the driver.
 */
export function requestIdFrom(incoming: string | undefined): string {
  return incoming !== undefined && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}
