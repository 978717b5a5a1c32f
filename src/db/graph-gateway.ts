import neo4j, { type Driver, type ManagedTransaction, Neo4jError } from 'neo4j-driver';
import { DatabaseUnavailableError } from '../errors';
import type { CypherRegistry } from './cypher-registry';
import { toPlain, type PlainRow } from './plain-values';
import type { QueryCounter } from './query-counter';

export type Params = Readonly<Record<string, unknown>>;

/** Runs statements inside one write transaction (the loader's all-or-nothing swap). */
export interface TransactionRunner {
  run(name: string, params?: Params): Promise<PlainRow[]>;
}

/**
 * The one executor every repository goes through: it names statements by their cypher/ file, runs reads
 * in read transactions and writes in write transactions, closes sessions in `finally`, turns driver values
 * into plain ones, counts statements per request, and translates "database unreachable" into the public
 * SERVICE_UNAVAILABLE error.
 */
export class GraphGateway {
  constructor(
    private readonly driver: Driver,
    private readonly database: string,
    private readonly cypher: CypherRegistry,
    private readonly counter?: QueryCounter,
  ) {}

  /** The same gateway, counting its statements into `counter` (one per GraphQL request). */
  counting(counter: QueryCounter): GraphGateway {
    return new GraphGateway(this.driver, this.database, this.cypher, counter);
  }

  /** Runs a read statement; `timeoutMs` asks Neo4j to abort it past that time (a query's time budget). */
  read(name: string, params: Params = {}, timeoutMs?: number): Promise<PlainRow[]> {
    return this.session('READ', (session) =>
      session.executeRead(
        (tx) => this.runIn(tx, name, params),
        timeoutMs === undefined ? undefined : { timeout: timeoutMs },
      ),
    );
  }

  write(name: string, params: Params = {}): Promise<PlainRow[]> {
    return this.session('WRITE', (session) => session.executeWrite((tx) => this.runIn(tx, name, params)));
  }

  /** Several statements in one write transaction: either all take effect or none. */
  writeTransaction<T>(work: (tx: TransactionRunner) => Promise<T>): Promise<T> {
    return this.session('WRITE', (session) =>
      session.executeWrite((tx) => work({ run: (name, params = {}) => this.runIn(tx, name, params) })),
    );
  }

  /**
   * One command of a cypher/schema/ file, run auto-commit (schema changes cannot share a transaction with
   * data). Takes the command text because schema files are split into commands by the caller.
   */
  async autoCommitText(command: string): Promise<void> {
    await this.session('WRITE', async (session) => {
      const started = performance.now();
      await session.run(command);
      this.counter?.record(performance.now() - started);
    });
  }

  /** Resolves when the database answers a trivial query within `timeoutMs`. */
  async ping(timeoutMs: number): Promise<void> {
    await this.read('service/ping', {}, timeoutMs);
  }

  private async runIn(tx: ManagedTransaction, name: string, params: Params): Promise<PlainRow[]> {
    const started = performance.now();
    const result = await tx.run(this.cypher.get(name), toDriverParams(params));
    this.counter?.record(performance.now() - started);
    return result.records.map((record) => rowOf(record.keys, (key) => record.get(key)));
  }

  private async session<T>(
    mode: 'READ' | 'WRITE',
    work: (session: ReturnType<Driver['session']>) => Promise<T>,
  ): Promise<T> {
    const session = this.driver.session({
      database: this.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
    try {
      return await work(session);
    } catch (error) {
      throw translate(error);
    } finally {
      await session.close().catch(() => undefined);
    }
  }
}

function rowOf(keys: readonly PropertyKey[], get: (key: string) => unknown): PlainRow {
  const row: Record<string, ReturnType<typeof toPlain>> = {};
  for (const key of keys) row[String(key)] = toPlain(get(String(key)));
  return row;
}

/**
 * JS numbers reach Cypher as floats, which `LIMIT`, `SKIP` and integer properties reject or store
 * differently; whole numbers therefore go as neo4j Integers.
 */
function toDriverParams(params: Params): Record<string, unknown> {
  const convert = (value: unknown): unknown => {
    if (typeof value === 'number' && Number.isInteger(value)) return neo4j.int(value);
    if (Array.isArray(value)) return value.map(convert);
    if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convert(v)]));
    }
    return value;
  };
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, convert(v)]));
}

const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired']);

/** Neo4j aborted a statement that ran past its time budget (the `timeoutMs` of `read`). */
export function isTimeout(error: unknown): boolean {
  return error instanceof Neo4jError && /TransactionTimedOut|Transaction\.Terminated/.test(error.code);
}

/** Connection-level failures become SERVICE_UNAVAILABLE; everything else passes through unchanged. */
export function translate(error: unknown): unknown {
  if (error instanceof DatabaseUnavailableError) return error;
  if (error instanceof Neo4jError) {
    if (
      UNAVAILABLE_CODES.has(error.code) ||
      /acquisition timed out|ECONNREFUSED|connection (was )?closed/i.test(error.message)
    ) {
      return new DatabaseUnavailableError(error.code === 'ServiceUnavailable' ? 'cannot connect' : error.code);
    }
  }
  return error;
}
