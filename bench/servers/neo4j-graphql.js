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

async function main() {
  const coverage = readFileSync(join(__dirname, '..', 'cypher', 'coverage.cypher'), 'utf8')
    .split('\n')
    .filter((line) => !line.startsWith('//'))
    .join('\n');
  const typeDefs = readFileSync(join(__dirname, 'neo4j-graphql.type-defs.graphql'), 'utf8').replace(
    '__COVERAGE_STATEMENT__',
    coverage,
  );
  const driver = neo4j.driver(
    process.env.NEO4J_URI,
    neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD ?? ''),
  );
  const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
  const server = new ApolloServer({ schema });
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
