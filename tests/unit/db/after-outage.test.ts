import { DatabaseUnavailableError, ErrorCode, RequestTimeoutError, ServiceBusyError } from '../../../src/core/errors';
import { Neo4jError } from 'neo4j-driver';
import { afterOutage } from '../../../src/db/graph-gateway';

describe('a request whose time ran out after the database could not be reached', () => {
  it('is SERVICE_UNAVAILABLE (try again shortly), not REQUEST_TIMEOUT (ask for less)', () => {
    const answer = afterOutage(new RequestTimeoutError(10_000), true);
    expect(answer).toBeInstanceOf(DatabaseUnavailableError);
    expect((answer as DatabaseUnavailableError).extensions.code).toBe(ErrorCode.SERVICE_UNAVAILABLE);
    expect((answer as DatabaseUnavailableError).message).toMatch(/could not be reached, then did not answer/);
  });

  it("is SERVICE_UNAVAILABLE too when a statement's own time budget ran out (a path search's)", () => {
    for (const code of [
      'Neo.ClientError.Transaction.TransactionTimedOut',
      'Neo.TransientError.Transaction.Terminated',
    ]) {
      const timedOut = new Neo4jError('timed out', code, 'gql', 'description');
      expect(afterOutage(timedOut, true)).toBeInstanceOf(DatabaseUnavailableError);
      expect(afterOutage(timedOut, false)).toBe(timedOut);
    }
  });

  it('stays REQUEST_TIMEOUT when every try reached the database (a slow query, not an outage)', () => {
    const timeout = new RequestTimeoutError(10_000);
    expect(afterOutage(timeout, false)).toBe(timeout);
  });

  it('leaves every other error as it is', () => {
    const busy = new ServiceBusyError();
    const unavailable = new DatabaseUnavailableError('cannot connect');
    expect(afterOutage(busy, true)).toBe(busy);
    expect(afterOutage(unavailable, true)).toBe(unavailable);
  });
});
