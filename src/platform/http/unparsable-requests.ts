import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from '../observability/logger';
import { REQUEST_ID_HEADER, requestIdFrom } from './request-id';

/** Node's HTTP parser errors (llhttp `HPE_*`), and the request timeout it reports the same way. */
interface ClientError extends Error {
  readonly code?: string;
}

/**
 * The status Node itself would send for each parser failure (its default `clientError` answer): headers too
 * large 431, chunk extensions too large 413, a request past its time budget 408, anything else 400.
 */
const STATUS_OF_CODE: Readonly<Record<string, number>> = {
  HPE_HEADER_OVERFLOW: 431,
  HPE_CHUNK_EXTENSIONS_OVERFLOW: 413,
  ERR_HTTP_REQUEST_TIMEOUT: 408,
};

const REASON: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  413: 'Content Too Large',
  431: 'Request Header Fields Too Large',
};

/**
 * Answers requests Node's HTTP parser refuses before any route sees them with a JSON error that says what was
 * wrong, instead of Node's bare `400 Bad Request` with an empty body. The common case is a URL with raw
 * non-ASCII text, as curl sends `…?department=危機管理課` typed into a shell: HTTP allows only ASCII in the
 * request line, so the text must be percent-encoded, and the answer says so. The connection is closed after
 * the answer, as Node does: the parser cannot tell where the next request would begin.
 */
export function answerUnparsableRequests(server: Server, logger: Logger): void {
  server.on('clientError', (error: ClientError, socket: Duplex) => {
    // A client that went away (ECONNRESET, EPIPE) or a socket already answered has no one to read an answer.
    if (
      !socket.writable ||
      answerUnderWay(socket) ||
      !error.code ||
      !(error.code.startsWith('HPE_') || error.code in STATUS_OF_CODE)
    ) {
      socket.destroy();
      return;
    }
    const status = STATUS_OF_CODE[error.code] ?? 400;
    const requestId = requestIdFrom(undefined);
    const message = messageOf(error);
    logger.info({ event: 'http.unparsable', requestId, code: error.code, status }, message);
    const body = JSON.stringify({ errors: [{ message, extensions: { code: 'BAD_REQUEST', parserCode: error.code } }] });
    socket.end(
      `HTTP/1.1 ${status} ${REASON[status] ?? 'Bad Request'}\r\n` +
        'content-type: application/json; charset=utf-8\r\n' +
        `content-length: ${Buffer.byteLength(body)}\r\n` +
        `${REQUEST_ID_HEADER}: ${requestId}\r\n` +
        'connection: close\r\n\r\n' +
        body,
    );
  });
}

/**
 * Whether an answer to an earlier request on this connection has begun: bytes of another answer would corrupt
 * it. Node keeps the response in progress on the socket (the same check its own default answer makes).
 */
function answerUnderWay(socket: Duplex): boolean {
  return (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent === true;
}

function messageOf(error: ClientError): string {
  switch (error.code) {
    case 'HPE_INVALID_URL':
      return (
        'the request URL holds characters HTTP does not allow there (such as Japanese text or spaces): ' +
        'percent-encode them as UTF-8 (encodeURIComponent in JavaScript, `curl -G --data-urlencode name=value`)'
      );
    case 'HPE_HEADER_OVERFLOW':
      return 'the request headers are too large';
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return 'the request was not received completely within the time allowed (REQUEST_TIMEOUT_MS)';
    default:
      return `the request is not valid HTTP/1.1 (${error.message.replace(/^Parse Error: /, '')})`;
  }
}
