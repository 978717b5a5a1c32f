import { ApolloServer } from '@apollo/server';
import { DEFAULT_MEMORY_LIMIT_MB, memoryBudget, type MemoryBudget } from '../../core/memory-limit';
import { forgetArgumentChecks } from './argument-validation';
import { CompiledExecution } from './compiled-execution';
import { documentStore } from './document-store';
import { formatError } from './format-error';
import { queryLimitRules, queryParseOptions } from './query-limits';
import { GraphStatistics } from './limits/graph-statistics';
import type { GraphSizes } from '../../read/graph-sizes';
import { subscriptionsOverWebSocketRule } from '../live/subscriptions-over-websocket.rule';
import { apolloLogger } from '../plugins/unexpected-error.plugin';
import { requestPipeline, type RequestPipelineDeps } from '../plugins/request-pipeline';
import type { RequestContext } from '../../read/request-context';
import type { OperationManifest } from './trusted-documents/operation-manifest';
import { OperationCosts } from './limits/operation-costs';
import { CostSlots } from '../service/cost-slots';
import type { RequestSlotSettings } from '../../core/config';

/** What Apollo Server is made of: the schema, its limits and the request pipeline's parts. */
export interface ApolloDeps extends RequestPipelineDeps {
  readonly introspection: boolean;
  /**
   * TRUSTED_DOCUMENTS' manifest: when given, Apollo's automatic persisted queries are off (the HTTP front
   * resolves ids from the manifest before Apollo, and nothing may be registered); APQ on when absent.
   */
  readonly trustedDocuments?: OperationManifest;
  /** The caches' budgets (MEMORY_LIMIT_MB); those of the default limit when absent. */
  readonly memory?: MemoryBudget;
  /** The loaded graph's list sizes, for the cost limit (unmeasured sizes when absent). */
  readonly graphSizes?: GraphSizes;
  /** The admission of API requests: with a cost in flight set, operations are admitted by cost (cost-admission.plugin.ts). */
  readonly requestSlots?: RequestSlotSettings;
}

/** Apollo Server for /graphql, the exports and the planned examples, started. */
export async function startApollo(deps: ApolloDeps): Promise<ApolloServer<RequestContext>> {
  const memory = deps.memory ?? memoryBudget(DEFAULT_MEMORY_LIMIT_MB);
  const execution = new CompiledExecution(deps.schema, memory.compiledExecutionBytes);
  const documents = documentStore(memory.documentStoreBytes);
  const slots =
    deps.requestSlots !== undefined && deps.requestSlots.maxCostInFlight > 0 ? deps.requestSlots : undefined;
  // Estimates are kept only for the admission by cost that reads them.
  const costs = slots ? new OperationCosts() : undefined;
  deps.metrics?.watchExecutions(() => execution.counts);
  // Short of memory: every cache kept per operation or document is emptied (memory-guard.ts).
  deps.memoryGuard?.onShed((pauseMs) => {
    execution.shed(pauseMs);
    documents.clear();
    forgetArgumentChecks();
  });
  const apollo = new ApolloServer<RequestContext>({
    // The schema comes with an executor compiled once per document (compiled-execution.ts), through the
    // interface Apollo Server has for that: its gateway.
    gateway: execution.gateway(),
    introspection: deps.introspection,
    // With a manifest nothing may be registered, and ids are the manifest's (the HTTP front resolves them).
    ...(deps.trustedDocuments ? { persistedQueries: false as const } : {}),
    formatError,
    includeStacktraceInErrorResponses: false,
    validationRules: [
      ...queryLimitRules(deps.queryLimits, deps.graphSizes ?? new GraphStatistics(), costs),
      subscriptionsOverWebSocketRule,
    ],
    parseOptions: queryParseOptions(deps.queryLimits),
    // Parsed documents kept by the heap their text's length says they keep, not Apollo's 30 MiB of their JSON
    // (document-store.ts).
    documentStore: documents,
    // Apollo's default format (compact JSON and a newline), shared with the size cap so it measures what is
    // sent and the answer is serialized once.
    stringifyResult: deps.stringifyResult,
    // Off unless CSRF_PREVENTION=true: no request carries ambient credentials (docs/operators.md "Security model"), so
    // the GETs of urql and graphql-request, which send no preflight header, are answered with their defaults.
    csrfPrevention: deps.http.csrfPrevention,
    // The process's signals are src/index.ts's: it stops HTTP (Apollo with it), then the database, and logs each
    // step. Left on, Apollo's own SIGINT/SIGTERM handler stopped Apollo and sent the signal again once its
    // handler was gone, which killed the process in the middle of that shutdown: the driver was never closed,
    // the embedded Neo4j stopped only because its stdin closed, and nothing after "received: stopping" was
    // logged.
    stopOnTerminationSignals: false,
    logger: apolloLogger(deps.logger),
    plugins: requestPipeline(
      slots && costs
        ? Object.assign({}, deps, {
            costAdmission: { slots: new CostSlots(slots.maxCostInFlight, slots.maxWaitMs), costs },
          })
        : deps,
    ),
  });
  await apollo.start();
  return apollo;
}
