import neo4j, { type Driver } from 'neo4j-driver';
import { driverPoolStatistics } from '../../../../src/platform/observability/metrics/driver-pool';

/**
 * The pool reader against the installed driver's objects (no database needed: the pool exists once a session
 * is opened, and a session connects only when it runs something). The metrics integration test reads a busy pool.
 */
describe("reading the driver's pool", () => {
  let driver: Driver;
  beforeEach(() => {
    driver = neo4j.driver('bolt://127.0.0.1:1', neo4j.auth.basic('nobody', 'nothing'));
  });
  afterEach(() => driver.close());

  it('reads an empty pool before the first session, and after it', async () => {
    expect(driverPoolStatistics(driver)).toEqual({ inUse: 0, idle: 0, waiting: 0 });
    await driver.session().close();
    expect(driverPoolStatistics(driver)).toEqual({ inUse: 0, idle: 0, waiting: 0 });
  });

  it('gives nothing rather than a wrong number when the internals are not as expected', () => {
    const changed = {
      _connectionProvider: {
        _connectionPool: { _activeResourceCounts: { a: 'two' }, _pools: {}, _acquireRequests: {} },
      },
    } as unknown as Driver;
    expect(driverPoolStatistics(changed)).toBeUndefined();
    expect(driverPoolStatistics({} as unknown as Driver)).toBeUndefined();
    const renamed = { _connectionProvider: { _pool: {} } } as unknown as Driver;
    expect(driverPoolStatistics(renamed)).toBeUndefined();
  });
});
