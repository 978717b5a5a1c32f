import { SpanStatusCode, type Span } from '@opentelemetry/api';
import { ATTR_ERROR_TYPE } from '@opentelemetry/semantic-conventions';

/**
 * Marks a span as failed with the error's kind only (a Neo4j code such as
 * `Neo.TransientError.Transaction.LockClientStopped`, a GraphQL error code, or the class name). Messages are
 * left out: a database error can quote the values of a statement's parameters.
 */
export function markFailed(span: Span, error: unknown): void {
  const kind = errorKind(error);
  span.setAttribute(ATTR_ERROR_TYPE, kind);
  span.setStatus({ code: SpanStatusCode.ERROR, message: kind });
}

function errorKind(error: unknown): string {
  if (error !== null && typeof error === 'object') {
    const { code, extensions } = error as { code?: unknown; extensions?: { code?: unknown } };
    if (typeof code === 'string' && code !== '') return code;
    if (typeof extensions?.code === 'string') return extensions.code;
    if (error instanceof Error) return error.name;
  }
  return 'Error';
}
