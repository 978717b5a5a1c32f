import { context, trace, type Tracer } from '@opentelemetry/api';
import type { ExportPageTracer } from '../../export/serve-export';
import { markFailed } from './failed-span';

/** Span attributes of an export page. */
export const EXPORT_PAGE_ATTRIBUTES = {
  kind: 'export.kind',
  format: 'export.format',
  /** 1 for the first page. */
  page: 'export.page',
} as const;

/**
 * A span `export page` per page of an /export/… download, around the page's GraphQL operation, whose parse,
 * validate, execute and statement spans become its children.
 */
export function exportPageSpans(tracer: Tracer): ExportPageTracer {
  return (page, work) => {
    const span = tracer.startSpan('export page', {
      attributes: {
        [EXPORT_PAGE_ATTRIBUTES.kind]: page.kind,
        [EXPORT_PAGE_ATTRIBUTES.format]: page.format,
        [EXPORT_PAGE_ATTRIBUTES.page]: page.index,
      },
    });
    return context.with(trace.setSpan(context.active(), span), work).then(
      (result) => {
        span.end();
        return result;
      },
      (error: unknown) => {
        markFailed(span, error);
        span.end();
        throw error;
      },
    );
  };
}
