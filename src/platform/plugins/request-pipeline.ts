import type { ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { HttpSettings, IdempotencySettings, RequestBudgetSettings } from '../../core/config';
import type { GraphGateway } from '../../db/graph-gateway';
import type { RequestContext } from '../../read/request-context';
import { IdempotencyKeys } from '../../write/idempotency-keys';
import { queryLimitPlugins, queryParseOptions, type QueryLimits } from '../graphql/query-limits';
import type { Logger } from '../observability/logger';
import type { ServiceMetrics } from '../observability/metrics/service-metrics';
import type { RequestTracing } from '../observability/tracing/request-tracing';
import type { DataVersion } from '../service/data-version';
import type { MemoryGuard } from '../service/memory-guard';
import { accessLogPlugin } from './access-log.plugin';
import { argumentLengthPlugin } from './argument-length.plugin';
import { cachePolicyPlugin } from './cache-policy.plugin';
import { costReportPlugin } from './cost-report.plugin';
import { dataVersionAfterWritesPlugin } from './data-version-after-writes.plugin';
import { errorHttpHeadPlugin } from './error-http-head.plugin';
import { httpCachingPlugin } from './http-caching.plugin';
import { idempotencyKeyPlugin } from './idempotency-key.plugin';
import { introspectionCachingPlugin } from './introspection-caching.plugin';
import { metricsPlugin } from './metrics.plugin';
import { pluginGroup } from './plugin-group';
import { requestIdPlugin } from './request-id.plugin';
import { responseCache } from './response-cache.plugin';
import { responseSizeLimitPlugin } from './response-size-limit.plugin';
import { subscriptionRootVariablesPlugin } from './subscription-root-variables.plugin';
import { unexpectedErrorPlugin } from './unexpected-error.plugin';
import { costAdmissionPlugin } from './cost-admission.plugin';
import type { CostSlots } from '../service/cost-slots';
import type { OperationCosts } from '../graphql/limits/operation-costs';

/** What the plugins of a GraphQL request are built from (the composition root's settings and services). */
export interface RequestPipelineDeps {
  readonly schema: GraphQLSchema;
  readonly gateway: GraphGateway;
  readonly dataVersion: DataVersion;
  readonly reportCost: boolean;
  readonly queryLimits: QueryLimits;
  readonly requestBudget: RequestBudgetSettings;
  readonly http: HttpSettings;
  readonly idempotency: IdempotencySettings;
  readonly logger: Logger;
  readonly tracing?: RequestTracing;
  readonly metrics?: ServiceMetrics;
  /** Empties the caches when memory runs short, and refuses requests past that; none in tests run in-process. */
  readonly memoryGuard?: MemoryGuard;
  /** The serializer Apollo sends answers with, shared with the size cap so an answer is serialized once. */
  readonly stringifyResult: (value: unknown) => string;
  /** Admission by cost (cost-admission.plugin.ts); none in tests run in-process. */
  readonly costAdmission?: { readonly slots: CostSlots; readonly costs: OperationCosts };
}

/**
 * Every Apollo Server plugin of a GraphQL request: Apollo's own (which it recognises in its list), then the
 * service's, grouped into one (plugin-group.ts: Apollo then calls one listener's hooks per request, not
 * fifteen's). The service's order is the design: limits refuse before anything runs, each later plugin reads
 * what the earlier ones decided about the answer, and the last two record the answer as it is sent.
 */
export function requestPipeline(deps: RequestPipelineDeps): ApolloServerPlugin<RequestContext>[] {
  // No drain plugin: the HTTP server's own drain (platform/http/http-drain.ts) knows every connection since
  // the process listened, before Apollo existed, and bounds the wait; the front runs it before Apollo stops.
  return [
    // Apollo's default landing page loads its code from a CDN, which closed networks cannot reach.
    ApolloServerPluginLandingPageDisabled(),
    // Apollo's cache-control plugin hooks every field of every answer; this schema has no hints, so the
    // policy is decided once per request instead (same policy, same header; see cache-policy.plugin.ts).
    ApolloServerPluginCacheControlDisabled(),
    pluginGroup(servicePlugins(deps)),
  ];
}

/** The service's own plugins, in the order their hooks run. */
function servicePlugins(deps: RequestPipelineDeps): ApolloServerPlugin<RequestContext>[] {
  return [
    ...(deps.tracing ? [deps.tracing.graphqlPlugin] : []),
    requestIdPlugin(deps.logger),
    ...queryLimitPlugins(deps.queryLimits),
    // After the nesting limit, which replaces a document too deep to parse before this one parses it.
    subscriptionRootVariablesPlugin(deps.schema, queryParseOptions(deps.queryLimits)),
    // Variables too long for their arguments, before the Idempotency-Key's claim (a statement) can start.
    argumentLengthPlugin<RequestContext>(deps.schema),
    // Logs and counts, once, an error thrown by any plugin's hook where Apollo has no answer but a 500.
    unexpectedErrorPlugin(deps.logger, deps.metrics),
    // Once every refusal above has had its say, and before a key is claimed (a statement): the operation waits
    // until its cost fits in the work in flight, or is turned away.
    ...(deps.costAdmission
      ? [costAdmissionPlugin(deps.costAdmission.slots, deps.costAdmission.costs, deps.queryLimits.maxCost)]
      : []),
    // A mutation's Idempotency-Key is claimed (or its first answer found) before the mutation runs.
    idempotencyKeyPlugin(
      new IdempotencyKeys(deps.gateway, deps.idempotency, deps.logger.child({ component: 'idempotency' })),
    ),
    // Order matters below: each later plugin reads what the earlier ones decided about the answer.
    cachePolicyPlugin<RequestContext>(deps.http.cacheMaxAgeSeconds),
    introspectionCachingPlugin<RequestContext>(deps.http.cacheMaxAgeSeconds),
    // Before the size cap, so the cap measures the reported cost too and the answer is serialized once.
    ...(deps.reportCost ? [costReportPlugin()] : []),
    responseSizeLimitPlugin<RequestContext>({
      maxBytes: deps.requestBudget.maxResponseBytes,
      stringify: deps.stringifyResult,
    }),
    // Stores and serves whole answers under the cache policy computed above; after the size cap, so an
    // answer it replaced by an error is never stored.
    ...(deps.http.responseCacheBytes > 0
      ? [responseCache(deps.dataVersion, deps.http.responseCacheBytes, deps.memoryGuard)]
      : []),
    httpCachingPlugin<RequestContext>(deps.dataVersion),
    dataVersionAfterWritesPlugin<RequestContext>(deps.dataVersion),
    // Retry-After, and the statuses of the Idempotency-Key refusals, before the answer is recorded as sent.
    errorHttpHeadPlugin<RequestContext>(),
    // Last, the two that record the answer as sent (metrics, then the access line).
    ...(deps.metrics ? [metricsPlugin(deps.metrics)] : []),
    accessLogPlugin(),
  ];
}
