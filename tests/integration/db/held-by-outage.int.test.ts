import fc from 'fast-check';
import type { Driver } from 'neo4j-driver';
import { DatabaseUnavailableError, RequestTimeoutError, ServiceBusyError } from '../../../src/core/errors';
import { CypherRegistry } from '../../../src/db/cypher-registry';
import type { DatabaseHealth } from '../../../src/db/database-health';
import { createDriver } from '../../../src/db/driver';
import { GraphGateway, isTimeout } from '../../../src/db/graph-gateway';
import { RequestBudget } from '../../../src/db/request-budget';
import { testNeo4jPassword, testNeo4jUri } from '../../helpers/test-database';

const BUDGET_MS = 1_500;
/** How long the database is "coming back" for the statement held. */
const HOLD_MS = 300;
/** A statement that runs far past the budget (Neo4j stops it at the time the request has left). */
const SLOW = {
  text: 'UNWIND range(1, 1000000000) AS n WITH n WHERE n % 7919 = 7920 RETURN count(n) AS none',
  origin: 'slow(test)',
};
const QUICK = { text: 'RETURN 1 AS one', origin: 'quick(test)' };

/** A database coming back for the `held`-th statement asked (0-based), and serving for every other one. */
function comingBackFor(held: number): DatabaseHealth {
  let asked = 0;
  return {
    unavailableReason: () => undefined,
    supervisorState: () => undefined,
    untilServing: () => (asked++ === held ? new Promise<void>((resolve) => setTimeout(resolve, HOLD_MS)) : undefined),
  };
}

/**
 * A request whose time runs out after one of its statements was held for an outage lost its time to the
 * outage, whichever statement the deadline meets: it is SERVICE_UNAVAILABLE ("try again shortly"), not
 * REQUEST_TIMEOUT ("ask for less") nor SERVICE_BUSY ("the load"). In the operators' kill drill a read whose
 * first statement was held while the JVM restarted ran out of time on a later one, planned anew on the fresh
 * JVM, and was told SERVICE_BUSY.
 */
describe('a request held by an outage, out of time on any of its statements', () => {
  jest.setTimeout(120_000);
  let driver: Driver;
  let gateway: GraphGateway;

  beforeAll(() => {
    driver = createDriver({ uri: testNeo4jUri(), user: 'neo4j', password: testNeo4jPassword() });
    gateway = new GraphGateway(driver, 'neo4j', CypherRegistry.load());
  });
  afterAll(() => driver.close());

  /**
   * Runs `quick` quick statements then the slow one, in one request with `others` requests beside it; the slow one
   * with a time budget of its own shorter than the request's when `ownBudgetMs` is given (as a path search has).
   */
  const request = async (
    health: DatabaseHealth,
    quick: number,
    others: number,
    ownBudgetMs?: number,
  ): Promise<unknown> => {
    const budget = new RequestBudget({ timeoutMs: BUDGET_MS, maxSessions: 2 }, Date.now(), () => others);
    const within = gateway.holdingWhileComingBack(health).withBudget(budget);
    for (let i = 0; i < quick; i++) await within.readStatement(QUICK);
    return within.readStatement(SLOW, {}, ownBudgetMs).then(
      () => new Error('the slow statement was answered'),
      (error: unknown) => error,
    );
  };

  it("is SERVICE_UNAVAILABLE whichever statement was held, alone or beside others, on the request's or the statement's budget", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 2 }).chain((quick) =>
          fc.record({
            quick: fc.constant(quick),
            held: fc.integer({ min: 0, max: quick }),
            others: fc.nat(8),
            ownBudgetMs: fc.option(fc.integer({ min: 200, max: 600 }), { nil: undefined }),
          }),
        ),
        async ({ quick, held, others, ownBudgetMs }) => {
          const error = await request(comingBackFor(held), quick, others, ownBudgetMs);
          expect(error).toBeInstanceOf(DatabaseUnavailableError);
          expect((error as Error).message).toMatch(/could not be reached, then did not answer/);
        },
      ),
      { numRuns: 8 },
    );
  });

  it('stays REQUEST_TIMEOUT alone, and SERVICE_BUSY beside others, when nothing was held', async () => {
    const nothingHeld = comingBackFor(-1);
    expect(await request(nothingHeld, 1, 0)).toBeInstanceOf(RequestTimeoutError);
    expect(await request(nothingHeld, 1, 3)).toBeInstanceOf(ServiceBusyError);
    // A statement's own budget spent with nothing held is Neo4j's timeout, which its caller words (a path search:
    // BAD_USER_INPUT, ask for fewer hops).
    expect(isTimeout(await request(nothingHeld, 1, 0, 300))).toBe(true);
  });
});
