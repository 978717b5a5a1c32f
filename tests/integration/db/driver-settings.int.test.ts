import neo4j, { type Driver } from 'neo4j-driver';
import { createDriver } from '../../../src/db/driver';
import { testNeo4jPassword, testNeo4jUri } from '../../helpers/test-database';

/**
 * A statement Neo4j answers with a notification: the inner `total` shadows the outer one (information
 * level, the kind a nested page's compiled statement drew for each of its page columns).
 */
const SHADOWING = 'WITH 1 AS total CALL () { WITH 2 AS total RETURN total AS inner } RETURN total, inner';

async function notificationsOf(driver: Driver): Promise<string[]> {
  const { summary } = await driver.executeQuery(SHADOWING);
  return [
    ...summary.notifications.map((notification) => notification.code),
    ...summary.gqlStatusObjects.filter((status) => status.isNotification).map((status) => status.gqlStatus),
  ];
}

describe("the service's driver", () => {
  const settings = { uri: testNeo4jUri(), user: 'neo4j', password: testNeo4jPassword() };
  let service: Driver;
  let plain: Driver;
  beforeAll(() => {
    service = createDriver(settings);
    plain = neo4j.driver(settings.uri, neo4j.auth.basic(settings.user, settings.password));
  });
  afterAll(async () => {
    await service.close();
    await plain.close();
  });

  it('asks Neo4j for no notifications, which nothing reads and every answer would carry', async () => {
    // The control: a driver at its defaults receives this statement's notification.
    expect(await notificationsOf(plain)).toEqual(
      expect.arrayContaining(['Neo.ClientNotification.Statement.SubqueryVariableShadowing', '03N60']),
    );
    expect(await notificationsOf(service)).toEqual([]);
  });
});
