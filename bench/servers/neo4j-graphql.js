// System (b) of `npm run bench`: @neo4j/graphql 7 over the same Neo4j, served by Apollo Server's standalone
// HTTP server on loopback. The coverage matrix's @cypher field uses the raw system's statement, so both run
// the same Cypher for it. Env: PORT, NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD.
'use strict';
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { ApolloServer } = require('@apollo/server');
const { startStandaloneServer } = require('@apollo/server/standalone');
const { Neo4jGraphQL } = require('@neo4j/graphql');
const neo4j = require('neo4j-driver');

/**
 * Cypher statements run so far. @neo4j/graphql runs each statement as `tx.run` inside a session's
 * executeRead/executeWrite, so the driver's sessions are wrapped to count those calls; a plugin reports the
 * difference per request as `extensions.cypher.queries`, like our service does. The count is per process:
 * exact while requests do not overlap, which is when the benchmark reads it (the answer check).
 */
let statements = 0;

function countStatements(driver) {
  const openSession = driver.session.bind(driver);
  driver.session = (config) => {
    const session = openSession(config);
    for (const method of ['executeRead', 'executeWrite']) {
      const execute = session[method].bind(session);
      session[method] = (work, transactionConfig) =>
        execute((tx) => {
          const run = tx.run.bind(tx);
          tx.run = (...args) => {
            statements += 1;
            return run(...args);
          };
          return work(tx);
        }, transactionConfig);
    }
    return session;
  };
  return driver;
}

const statementCountPlugin = {
  requestDidStart() {
    const before = statements;
    return Promise.resolve({
      willSendResponse({ response }) {
        if (response.body.kind === 'single') {
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, cypher: { queries: statements - before } };
        }
        return Promise.resolve();
      },
    });
  },
};

async function main() {
  const coverage = readFileSync(join(__dirname, '..', 'cypher', 'coverage.cypher'), 'utf8')
    .split('\n')
    .filter((line) => !line.startsWith('//'))
    .join('\n');
  const typeDefs = readFileSync(join(__dirname, 'neo4j-graphql.type-defs.graphql'), 'utf8').replace(
    '__COVERAGE_STATEMENT__',
    coverage,
  );
  const driver = countStatements(
    neo4j.driver(
      process.env.NEO4J_URI,
      neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD ?? ''),
    ),
  );
  const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
  const server = new ApolloServer({ schema, plugins: [statementCountPlugin] });
  const { url } = await startStandaloneServer(server, {
    listen: { port: Number(process.env.PORT), host: '127.0.0.1' },
    context: () => Promise.resolve({}),
  });
  process.stdout.write(`@neo4j/graphql at ${url}\n`);
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      server
        .stop()
        .then(() => driver.close())
        .then(() => process.exit(0));
    });
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
