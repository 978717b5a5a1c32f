import { freePort } from './free-port';

/**
 * The environment of a first `npm start` as a person runs it: outside jest's NODE_ENV=test, on free ports, the
 * embedded Neo4j in `dataDirectory` (small heap and page cache: the test machine runs other Neo4j too), no
 * NEO4J_URI inherited from the test run, so the service starts its own database.
 */
export async function firstStartEnvironment(dataDirectory: string): Promise<NodeJS.ProcessEnv> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(await freePort()),
    EMBEDDED_NEO4J_DATA: dataDirectory,
    EMBEDDED_NEO4J_PORT: String(await freePort()),
    EMBEDDED_NEO4J_HEAP_MB: '512',
    EMBEDDED_NEO4J_PAGECACHE_MB: '32',
    LOG_LEVEL: 'info',
  };
  delete env.NEO4J_URI;
  return env;
}
