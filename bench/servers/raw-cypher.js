// System (c) of `npm run bench`: the floor. One hand-written statement per question (bench/cypher/), run as
// one auto-commit statement in a READ session, as the service runs its reads (one round trip; a managed
// transaction's BEGIN and COMMIT add another, which left this "floor" slower than the service on the coverage
// matrix at c=1), and sent back as JSON rows: POST /cypher {"statement": "<file name>", "params": {…}}.
// POST /noop answers `{}` without touching the database: the HTTP floor. Env: PORT, NEO4J_URI, NEO4J_USER,
// NEO4J_PASSWORD.
'use strict';
const { readdirSync, readFileSync } = require('node:fs');
const { createServer } = require('node:http');
const { join } = require('node:path');
const neo4j = require('neo4j-driver');

const CYPHER_DIR = join(__dirname, '..', 'cypher');
const statements = new Map(
  readdirSync(CYPHER_DIR)
    .filter((file) => file.endsWith('.cypher'))
    .map((file) => [file.replace(/\.cypher$/, ''), readFileSync(join(CYPHER_DIR, file), 'utf8')]),
);

const driver = neo4j.driver(
  process.env.NEO4J_URI,
  neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD ?? ''),
  { disableLosslessIntegers: true },
);

function send(response, status, body) {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

async function handle(request, response) {
  const chunks = [];
  for await (const chunk of request) chunks.push(chunk);
  if (request.url === '/noop') return send(response, 200, {});
  if (request.url === '/health') return send(response, 200, { ok: true });
  if (request.url !== '/cypher' || request.method !== 'POST') return send(response, 404, { error: 'no route' });
  const { statement, params } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  const text = statements.get(statement);
  if (!text) return send(response, 400, { error: `no statement ${statement}` });
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    const { records } = await session.run(text, params ?? {});
    send(response, 200, { rows: records.map((record) => record.toObject()) });
  } finally {
    await session.close();
  }
}

const server = createServer((request, response) => {
  handle(request, response).catch((error) => send(response, 500, { error: String(error.message ?? error) }));
});
server.keepAliveTimeout = 30_000;
server.listen(Number(process.env.PORT), '127.0.0.1', () => {
  process.stdout.write(`raw Cypher at http://127.0.0.1:${process.env.PORT}\n`);
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    server.close();
    server.closeAllConnections();
    driver.close().then(() => process.exit(0));
  });
}
