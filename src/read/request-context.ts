import type { Log } from '../core/log';
import type { Viewer } from '../core/viewer';
import type { GraphGateway } from '../db/graph-gateway';
import { QueryCounter } from '../db/query-counter';
import { RequestBudget, type OthersAlongside, type RequestBudgetLimits } from '../db/request-budget';
import type { AccessLine } from './access-line';
import type { DepartmentLookup, SharedDepartments } from './department-lookup';
import { GraphLoaders } from './graph-loaders';
import type { KeyedWrite } from './keyed-write';

/**
 * What every resolver receives for one GraphQL request: a gateway that counts this request's statements
 * and keeps them within the request's budget. Built fresh per request so per-request caches (DataLoaders)
 * and budgets never leak between users.
 */
export interface RequestContext {
  readonly gateway: GraphGateway;
  readonly counter: QueryCounter;
  readonly loaders: GraphLoaders;
  readonly budget: RequestBudget;
  /**
   * The departments of the data version being served, read once for all requests (not per request); a
   * request waits for that read within its own budget.
   */
  readonly departments: DepartmentLookup;
  /** Who sends the request (from its bearer token; anonymous viewer without one). */
  readonly viewer: Viewer;
  /** The request's id (the caller's sane `x-request-id`, else a new one), written into audit entries. */
  readonly requestId: string;
  /** The request's logger, bound to its id (writes, errors). */
  readonly log: Log;
  /** The HTTP request's access line, which the GraphQL outcome joins; absent outside HTTP (export pages, tests). */
  readonly access?: AccessLine;
  /**
   * A mutation's Idempotency-Key, claimed or found answered before execution (idempotency-key.plugin.ts);
   * absent without a key. The one field set after the context is made.
   */
  keyedWrite?: KeyedWrite;
}

/** Who sends the request and its id (the HTTP front reads them from the request). */
export interface RequestIdentity {
  readonly viewer: Viewer;
  readonly requestId: string;
}

/** How a request is logged: its logger and, for a request over HTTP, its access line. */
export interface RequestLogging {
  readonly log: Log;
  readonly access?: AccessLine;
}

/**
 * `startedAt` is when the request arrived (its time budget counts from there, body upload included);
 * `othersAlongside`, how many other requests were worked on beside it since (none measured: outside HTTP).
 */
export function createRequestContext(
  gateway: GraphGateway,
  limits: RequestBudgetLimits,
  departments: SharedDepartments,
  startedAt: number,
  identity: RequestIdentity,
  logging: RequestLogging,
  othersAlongside?: OthersAlongside,
): RequestContext {
  const counter = new QueryCounter();
  const budget = new RequestBudget(limits, startedAt, othersAlongside);
  const scoped = gateway.counting(counter).withBudget(budget);
  const context: Omit<RequestContext, 'log'> & LazyLog = {
    gateway: scoped,
    counter,
    loaders: new GraphLoaders(scoped),
    budget,
    departments: departments.forRequest((shared) => scoped.awaitShared(shared)),
    ...identity,
    access: logging.access,
    logging,
  };
  return Object.assign(Object.create(LAZY_LOG) as RequestContext, context);
}

/** What the context keeps to read its `log` from when first asked for it. */
interface LazyLog {
  readonly logging: RequestLogging;
}

/**
 * The context's `log`, read from `logging` when a resolver first asks for it: a request's logger is made on
 * first use (AccessLogEntry.log; a pino child runs its bindings through the redaction paths, about 2 % of a
 * `{ __typename }` request's time), and most requests log nothing but their access line. A getter on the
 * prototype, not on the context itself: Apollo runs each operation on a copy of its context
 * (`Object.assign` onto an object of the same prototype), which would call an own getter at once.
 */
const LAZY_LOG = {
  get log(): Log {
    return (this as unknown as LazyLog).logging.log;
  },
};
