import { context, SpanKind, trace, type Tracer } from '@opentelemetry/api';
import { ATTR_DB_NAMESPACE, ATTR_DB_QUERY_SUMMARY, ATTR_DB_SYSTEM_NAME } from '@opentelemetry/semantic-conventions';
import type { StatementEnd, StatementObserver } from '../../../db/statement-observer';
import { markFailed } from './failed-span';
import type { RunningExecutions } from './running-executions';

/** Span attributes of a statement besides the semantic conventions' own. */
export const STATEMENT_ATTRIBUTES = {
  /** The older name of `db.system.name`, which many trace backends still read. */
  legacySystem: 'db.system',
  /** READ or WRITE: the session's access mode (a cluster routes reads to followers). */
  mode: 'neo4j.access_mode',
  /** The selection a compiled statement prefetches (`items(sdgs,measures(departments))`). */
  shape: 'neo4j.statement.shape',
} as const;

/**
 * A client span per Cypher statement, named by the statement (its cypher/ file or what it was compiled
 * from), child of the execute span of the GraphQL operation that ran it. The statement's text and its
 * parameters are never recorded: parameters carry what users typed and records' contents.
 */
export function statementSpans(tracer: Tracer, executions: RunningExecutions): StatementObserver {
  return {
    started({ name, mode, shape, database }) {
      const parent = executions.parentFor(trace.getActiveSpan());
      // Outside a request (start-up, schema, seeding, background checks) a statement would be a trace of its
      // own every few seconds: noise, not an answer to "why was this request slow".
      if (parent === undefined) return ignoreEnd;
      const span = tracer.startSpan(
        name,
        {
          kind: SpanKind.CLIENT,
          attributes: {
            [ATTR_DB_SYSTEM_NAME]: 'neo4j',
            // Conditionally required (known here): the database the session ran in.
            ...(database === undefined ? {} : { [ATTR_DB_NAMESPACE]: database }),
            [STATEMENT_ATTRIBUTES.legacySystem]: 'neo4j',
            [ATTR_DB_QUERY_SUMMARY]: name,
            [STATEMENT_ATTRIBUTES.mode]: mode,
            ...(shape === undefined ? {} : { [STATEMENT_ATTRIBUTES.shape]: shape }),
          },
        },
        trace.setSpan(context.active(), parent),
      );
      return ({ error }) => {
        if (error !== undefined) markFailed(span, error);
        span.end();
      };
    },
  };
}

const ignoreEnd = (_end: StatementEnd): void => undefined;
