'use strict';
const { join } = require('node:path');
const { startNodeProcess } = require('./children');
const { freePort } = require('./free-port');

const neo4jEnv = (neo4j) => ({ NEO4J_URI: neo4j.uri, NEO4J_USER: neo4j.user, NEO4J_PASSWORD: neo4j.password });

/**
 * System (b): @neo4j/graphql 7 under Apollo Server, in its own process on a free loopback port. `extraEnv` and
 * `preload` (modules for node's `-r`) as for our service (bench/lib/stack.js; request-phases.js's profiler).
 */
async function startNeo4jGraphQL(neo4j, extraEnv = {}, preload = []) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/graphql`;
  const server = await startNodeProcess({
    name: '@neo4j/graphql',
    args: [...preload.flatMap((module) => ['-r', module]), join(__dirname, '..', 'servers', 'neo4j-graphql.js')],
    // In production, as ours runs (bench/lib/stack.js): graphql-js's type checks are cheaper there.
    env: { PORT: String(port), NODE_ENV: 'production', ...neo4jEnv(neo4j), ...extraEnv },
    readyUrl: url,
    readyInit: { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{__typename}"}' },
  });
  return { ...server, url };
}

/** System (c): one hand-written Cypher statement per question over plain node:http, plus the no-op floor. */
async function startRawCypher(neo4j) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = await startNodeProcess({
    name: 'raw Cypher',
    args: [join(__dirname, '..', 'servers', 'raw-cypher.js')],
    env: { PORT: String(port), ...neo4jEnv(neo4j) },
    readyUrl: `${base}/health`,
  });
  return { ...server, cypherUrl: `${base}/cypher`, noopUrl: `${base}/noop` };
}

module.exports = { startNeo4jGraphQL, startRawCypher };
