import type { Driver, SessionConfig } from 'neo4j-driver';
import { CypherRegistry } from '../../../src/db/cypher-registry';
import { createDriver } from '../../../src/db/driver';
import { GraphGateway } from '../../../src/db/graph-gateway';
import { SharedBookmarks } from '../../../src/db/shared-bookmarks';
import { splitCommands } from '../../../src/db/apply-schema';
import { testNeo4jPassword, testNeo4jUri } from '../../helpers/test-database';

/** The driver, with the configuration of every session it opened kept in `opened`. */
function recordingSessions(driver: Driver): SessionConfig[] {
  const opened: SessionConfig[] = [];
  const open = driver.session.bind(driver);
  driver.session = (config: SessionConfig = {}) => {
    opened.push(config);
    return open(config);
  };
  return opened;
}

describe('bookmarks shared by the sessions of one process', () => {
  let driver: Driver;
  let opened: SessionConfig[];
  let bookmarks: SharedBookmarks;
  let gateway: GraphGateway;
  const cypher = CypherRegistry.load();

  beforeAll(() => {
    driver = createDriver({ uri: testNeo4jUri(), user: 'neo4j', password: testNeo4jPassword() });
    opened = recordingSessions(driver);
    bookmarks = new SharedBookmarks();
    gateway = new GraphGateway(driver, 'neo4j', cypher).sharingBookmarks(bookmarks);
  });
  afterAll(() => driver.close());

  it('opens reads with no bookmark before this process wrote anything, and without the manager', async () => {
    await gateway.read('service/ping');
    expect(opened.at(-1)).toEqual({ database: 'neo4j', defaultAccessMode: 'READ', bookmarks: undefined });
  });

  it("opens a read after a write with that write's bookmark, and the next write from it too", async () => {
    // A schema command applied again (IF NOT EXISTS) is a write that changes nothing, and leaves a bookmark.
    const [schema] = cypher.namesUnder('schema');
    if (schema === undefined) throw new Error('cypher/schema/ has no file');
    const [command] = splitCommands(cypher.get(schema));
    await gateway.autoCommitText(command ?? '');
    const written = bookmarks.forRead();
    expect(written).toEqual([expect.stringMatching(/\S/)]);

    await gateway.read('service/ping');
    expect(opened.at(-1)?.bookmarks).toEqual(written);

    await gateway.autoCommitText(command ?? '');
    expect(opened.at(-1)?.bookmarkManager).toBe(bookmarks.manager);
    // The write started from the bookmark so far and left its own in its place.
    expect(bookmarks.forRead()).toHaveLength(1);
  });
});
