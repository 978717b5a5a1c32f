import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { dataDirectorySpace, type DataDirectorySpace } from '../../../db/data-directory-space';
import { ErrorCode } from '../../../core/errors';
import { OperationLabels } from './operation-labels';
import type { PoolStatistics } from './driver-pool';
import type { CompiledExecutionCounts } from '../../graphql/compiled-execution';

/** Every family's name starts with this, so the service's own series are told apart from process ones. */
const PREFIX = 'honjo_';

/** Request durations in seconds: a cached answer (~1 ms) up to the default request budget (10 s) and past it. */
const REQUEST_SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
/**
 * HTTP request durations in seconds: OpenTelemetry's advised boundaries for `http.server.request.duration`
 * (5 ms to 10 s), so dashboards built for them read this histogram as they read any other service's.
 */
const HTTP_REQUEST_SECONDS = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];
/** One Cypher statement: an index lookup (~1 ms) up to a request budget. */
const STATEMENT_SECONDS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10];
/** Statements of one request: 0 (a cached answer) to a page of many nested lists. */
const STATEMENTS_PER_REQUEST = [0, 1, 2, 4, 8, 16, 32, 64, 128, 256];

/** Default metrics left out: gauges named like counters (see the constructor). */
const UNLINTABLE_DEFAULT_METRICS = [
  'nodejs_active_handles_total',
  'nodejs_active_requests_total',
  'nodejs_active_resources_total',
];

/** How often the embedded database was restarted after its JVM died (the supervisor counts them). */
export interface RestartCounts {
  readonly succeeded: number;
  readonly failed: number;
}

/** What the data-version gauges read at each scrape. */
export interface DataVersionReading {
  /** Audited changes counted in the version served (0 for the seed alone). */
  changeCount(): number;
  /** Milliseconds since the version was last read successfully. */
  ageMs(): number;
  /** The seed's sha-256 in the version served (`empty` before a graph is loaded). */
  seedHash(): string;
}

/** What the live-update gauges read at each scrape. */
export interface LiveUpdateCounts {
  /** WebSocket connections open now. */
  readonly connections: number;
  /** GraphQL subscriptions running on them now. */
  readonly subscriptions: number;
}

/**
 * The service's metric families, on a registry of its own rather than prom-client's global one, so two servers
 * in one process (tests, several instances) never share or collide on a series. Made once in the composition
 * root and handed to what records into it: the GraphQL plugin, the statement observer, the sources read at
 * each scrape (the driver's pool, the supervisor, the data version). Labels are bounded by construction: see
 * each family.
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  /** Operation names as labels, capped (see OperationLabels). */
  readonly operations = new OperationLabels();

  readonly requestDuration = new Histogram({
    name: `${PREFIX}graphql_request_duration_seconds`,
    help: 'Time of a GraphQL request from when Apollo received it to its answer, by operation name and outcome (ok, partial, error).',
    labelNames: ['operation', 'outcome'] as const,
    buckets: REQUEST_SECONDS,
    registers: [this.registry],
  });

  /**
   * OpenTelemetry's `http.server.request.duration` in Prometheus's spelling, without the service's prefix: the
   * name OpenTelemetry's own Prometheus exporter gives it, so queries written for that convention work here.
   * Every request the HTTP front answers, as its access line counts it (see recordRequestDuration). The status
   * is its class, not the code: a class is what alerts and SLOs read, and it keeps the series few.
   */
  readonly httpRequestDuration = new Histogram({
    name: 'http_server_request_duration_seconds',
    help: 'Duration of HTTP server requests (OpenTelemetry http.server.request.duration): from arrival to the answer sent or the client gone, as the access line durationMs, by route pattern, method and status class.',
    labelNames: ['http_route', 'http_request_method', 'http_response_status_class'] as const,
    buckets: HTTP_REQUEST_SECONDS,
    registers: [this.registry],
  });

  readonly errors = new Counter({
    name: `${PREFIX}graphql_errors_total`,
    help: 'Errors sent in GraphQL answers, by their extensions.code.',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });

  readonly statementsPerRequest = new Histogram({
    name: `${PREFIX}graphql_statements_per_request`,
    help: 'Cypher statements one GraphQL request ran (0 for an answer from the response cache).',
    buckets: STATEMENTS_PER_REQUEST,
    registers: [this.registry],
  });

  readonly limitRefusals = new Counter({
    name: `${PREFIX}graphql_limit_refusals_total`,
    help: 'Requests refused by a query limit or cut by the response-size cap, by the variable that sets the limit.',
    labelNames: ['limit'] as const,
    registers: [this.registry],
  });

  readonly rateLimited = new Counter({
    name: `${PREFIX}rate_limited_requests_total`,
    help: 'Requests answered 429 by the per-client rate limit (RATE_LIMIT_REQUESTS), by what the client was told apart by (subject: a token, address: none).',
    labelNames: ['client'] as const,
    registers: [this.registry],
  });

  readonly responseCache = new Counter({
    name: `${PREFIX}response_cache_lookups_total`,
    help: 'Queries looked up in the response cache, by result (hit, miss); absent while the cache is off.',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });

  readonly recordsWritten = new Counter({
    name: `${PREFIX}records_written_total`,
    help: 'Records written (each with its audit entry), by the mutation that wrote them.',
    labelNames: ['mutation'] as const,
    registers: [this.registry],
  });

  readonly statementDuration = new Histogram({
    name: `${PREFIX}neo4j_statement_duration_seconds`,
    help: 'Time of one Cypher statement (run to last record), by statement name (its cypher/ file or what it was compiled from), mode and outcome.',
    labelNames: ['statement', 'mode', 'outcome'] as const,
    buckets: STATEMENT_SECONDS,
    registers: [this.registry],
  });

  readonly statementsInFlight = new Gauge({
    name: `${PREFIX}neo4j_statements_in_flight`,
    help: 'Statements running now, each in a session of its own (counted by the service, whatever the driver exposes).',
    registers: [this.registry],
  });

  private poolSource: (() => PoolStatistics | undefined) | undefined;
  private restartSource: (() => RestartCounts) | undefined;
  /** The restart counts already added to the counter (the supervisor's counts only grow). */
  private restartsCounted: RestartCounts = { succeeded: 0, failed: 0 };
  private dataVersionSource: DataVersionReading | undefined;
  private liveSource: (() => LiveUpdateCounts) | undefined;
  /** The data directory's measurement under way: the three gauges of one scrape share one walk of it. */
  private dataDirectoryReading: Promise<DataDirectorySpace | undefined> | undefined;

  // The families below are read from their sources at each scrape (`collect`), not recorded as things happen.

  private readonly poolConnections = new Gauge({
    name: `${PREFIX}neo4j_pool_connections`,
    help: "Connections of the request driver's pool, by state (in_use, idle); absent when the driver's pool cannot be read.",
    labelNames: ['state'] as const,
    registers: [this.registry],
    collect: () => {
      const pool = this.poolSource?.();
      this.poolConnections.reset();
      if (pool === undefined) return;
      this.poolConnections.set({ state: 'in_use' }, pool.inUse);
      this.poolConnections.set({ state: 'idle' }, pool.idle);
    },
  });

  private readonly poolWaiting = new Gauge({
    name: `${PREFIX}neo4j_pool_acquisitions_waiting`,
    help: "Statements waiting for a connection of the request driver's pool (SERVICE_BUSY once they wait too long).",
    registers: [this.registry],
    collect: () => {
      const pool = this.poolSource?.();
      this.poolWaiting.reset();
      if (pool !== undefined) this.poolWaiting.set(pool.waiting);
    },
  });

  private readonly restarts = new Counter({
    name: `${PREFIX}embedded_neo4j_restarts_total`,
    help: 'Restarts of the embedded Neo4j after its JVM died, by outcome (succeeded, failed); absent with an external database.',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
    collect: () => {
      const now = this.restartSource?.();
      if (now === undefined) return;
      this.restarts.inc({ outcome: 'succeeded' }, now.succeeded - this.restartsCounted.succeeded);
      this.restarts.inc({ outcome: 'failed' }, now.failed - this.restartsCounted.failed);
      this.restartsCounted = now;
    },
  });

  /** Each Apollo Server's executor (one in the service; tests start several servers on one registry). */
  private readonly executionSources: (() => CompiledExecutionCounts)[] = [];
  /** The execution counts already added to the counters (the executor's counts only grow). */
  private executionsCounted: CompiledExecutionCounts = { compiles: 0, compiled: 0, fallback: 0 };

  private readonly executions = new Counter({
    name: `${PREFIX}graphql_executions_total`,
    help: 'GraphQL operations executed, by engine: compiled (graphql-jit, compiled once per document) or graphql_js (a document not compiled: too many fields once fragments are expanded, or a variable of an input type that contains itself).',
    labelNames: ['engine'] as const,
    registers: [this.registry],
    collect: () => this.countExecutions(),
  });

  private readonly compiles = new Counter({
    name: `${PREFIX}graphql_compiles_total`,
    help: "Documents' operations compiled (each once while its executor is kept within the compiled executors' memory budget).",
    registers: [this.registry],
    collect: () => this.countExecutions(),
  });

  private readonly dataVersionChanges = new Gauge({
    name: `${PREFIX}data_version_changes`,
    help: 'Audited changes counted in the data version served (it grows by one with every write).',
    registers: [this.registry],
    collect: () => {
      if (this.dataVersionSource !== undefined) this.dataVersionChanges.set(this.dataVersionSource.changeCount());
    },
  });

  private readonly seed = new Gauge({
    name: `${PREFIX}seed_info`,
    help: 'Always 1, labelled with the seed the graph served was loaded from: seed is the sha-256 of its seed/graph.json (empty before a graph is loaded).',
    labelNames: ['seed'] as const,
    registers: [this.registry],
    collect: () => {
      if (this.dataVersionSource === undefined) return;
      this.seed.reset();
      this.seed.set({ seed: this.dataVersionSource.seedHash() }, 1);
    },
  });

  private readonly dataVersionAge = new Gauge({
    name: `${PREFIX}data_version_age_seconds`,
    help: 'Seconds since the data version served was last read from the database.',
    registers: [this.registry],
    collect: () => {
      if (this.dataVersionSource !== undefined) this.dataVersionAge.set(this.dataVersionSource.ageMs() / 1000);
    },
  });

  private readonly liveConnections = new Gauge({
    name: `${PREFIX}live_connections`,
    help: 'WebSocket connections open on /graphql (GraphQL subscriptions, graphql-transport-ws).',
    registers: [this.registry],
    collect: () => {
      if (this.liveSource !== undefined) this.liveConnections.set(this.liveSource().connections);
    },
  });

  private readonly liveSubscriptions = new Gauge({
    name: `${PREFIX}live_subscriptions`,
    help: 'GraphQL subscriptions running now (dataVersionChanged), over all WebSocket connections.',
    registers: [this.registry],
    collect: () => {
      if (this.liveSource !== undefined) this.liveSubscriptions.set(this.liveSource().subscriptions);
    },
  });

  constructor() {
    // A counter's series appears with its first increment, and Prometheus's increase() sees no increase in a
    // series' first sample: the first lost write outcome after a start would never fire its alert
    // (HonjoWriteOutcomeUnknown). Its series exists at 0 from the start instead.
    this.errors.inc({ code: ErrorCode.WRITE_OUTCOME_UNKNOWN }, 0);
    collectDefaultMetrics({ register: this.registry });
    // prom-client also sums these gauges into names ending in `_total`, which Prometheus keeps for counters
    // (`promtool check metrics` flags them); the same numbers remain, by type, in the gauges without the suffix.
    for (const total of UNLINTABLE_DEFAULT_METRICS) this.registry.removeSingleMetric(total);
  }

  /** The pool gauges read `read` at each scrape (undefined: the pool cannot be read, the gauges stay empty). */
  watchPool(read: () => PoolStatistics | undefined): void {
    this.poolSource = read;
  }

  /** The restart counter follows the embedded database's supervisor. */
  watchRestarts(read: () => RestartCounts): void {
    this.restartSource = read;
  }

  /** The execution counters follow a GraphQL executor's counts too. */
  watchExecutions(read: () => CompiledExecutionCounts): void {
    this.executionSources.push(read);
  }

  /** Adds what the executors counted since the last scrape (both families read it; the second adds nothing). */
  private countExecutions(): void {
    const now = this.executionSources
      .map((read) => read())
      .reduce(
        (sum, counts) => ({
          compiles: sum.compiles + counts.compiles,
          compiled: sum.compiled + counts.compiled,
          fallback: sum.fallback + counts.fallback,
        }),
        { compiles: 0, compiled: 0, fallback: 0 },
      );
    const before = this.executionsCounted;
    this.executions.inc({ engine: 'compiled' }, now.compiled - before.compiled);
    this.executions.inc({ engine: 'graphql_js' }, now.fallback - before.fallback);
    this.compiles.inc(now.compiles - before.compiles);
    this.executionsCounted = now;
  }

  watchDataVersion(version: DataVersionReading): void {
    this.dataVersionSource = version;
  }

  /** The live-update gauges read `read` at each scrape. */
  watchLiveUpdates(read: () => LiveUpdateCounts): void {
    this.liveSource = read;
  }

  /**
   * `honjo_database_up` asks `answers` at each scrape (true: the database answered). Registered only here: an
   * unlabelled gauge always has a sample (0 until set), which would read as a database that is down.
   */
  watchDatabaseAnswers(answers: () => Promise<boolean>): void {
    new Gauge({
      name: `${PREFIX}database_up`,
      help: "1 when the database answered a trivial query within 2 s at this scrape (as /health/ready's database check), else 0; not asked while the embedded database restarts.",
      registers: [this.registry],
      async collect() {
        this.set((await answers()) ? 1 : 0);
      },
    });
  }

  /**
   * The data-directory gauges, measuring `directory` at each scrape (the embedded database's). Registered only
   * here, so an external database has none: a gauge of 0 free bytes would read as a full disk.
   */
  watchDataDirectory(directory: string): void {
    const gauges: [string, string, (space: DataDirectorySpace) => number][] = [
      [
        'data_directory_free_bytes',
        "Bytes the embedded database may still write on its data directory's filesystem (statfs bavail x bsize).",
        (space) => space.freeBytes,
      ],
      [
        'data_directory_filesystem_size_bytes',
        "Size of the filesystem holding the embedded database's data directory (statfs blocks x bsize).",
        (space) => space.filesystemSizeBytes,
      ],
      [
        'data_directory_size_bytes',
        "Bytes the embedded database's data directory takes on disk (store, transaction logs, Neo4j's logs), as du counts.",
        (space) => space.sizeBytes,
      ],
    ];
    const measure = (): Promise<DataDirectorySpace | undefined> =>
      (this.dataDirectoryReading ??= dataDirectorySpace(directory)
        .catch(() => undefined)
        .finally(() => {
          this.dataDirectoryReading = undefined;
        }));
    for (const [name, help, value] of gauges) {
      new Gauge({
        name: `${PREFIX}${name}`,
        help: `${help} Absent when it cannot be measured.`,
        registers: [this.registry],
        async collect() {
          const space = await measure();
          // Not 0 when unmeasured: the series is removed, and alerts on it see no data rather than a full disk.
          if (space === undefined) this.remove();
          else this.set(value(space));
        },
      });
    }
  }

  /** The exposition in Prometheus's text format. */
  exposition(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
