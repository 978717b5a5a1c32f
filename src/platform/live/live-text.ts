import { clientText } from '../observability/client-text';

/** WebSocket close reasons are at most 123 bytes of UTF-8. */
const MAX_CLOSE_REASON_BYTES = 123;

/** A close reason cut to the 123 bytes the protocol allows, on a character boundary. */
export function closeReason(text: string): string {
  let reason = text;
  while (Buffer.byteLength(reason) > MAX_CLOSE_REASON_BYTES) reason = reason.slice(0, -1);
  return reason;
}

/** A header's value as a log line may hold it (see clientText); absent stays absent. */
export function clientTextOrUndefined(value: string | undefined): string | undefined {
  return value === undefined ? undefined : clientText(value);
}
