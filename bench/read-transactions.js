#!/usr/bin/env node
// `node bench/read-transactions.js`: what a read costs as an auto-commit statement (`session.run`, one round
// trip, no retry) against the driver's retrying forms (`session.executeRead`, a managed transaction;
// `driver.executeQuery`), on one Neo4j seeded by our service's own start-up. Each form runs the same
// statement in rounds, the forms alternated (rotating order) so drift of the machine hits all of them alike;
// medians over rounds are printed. Loopback only; bounded by --rounds and --duration.
//
// Flags: --duration <s per cell, 2> --rounds <5> --concurrency <list, 1,16> --neo4j <bolt URI to reuse>
'use strict';
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { readFlags, wholeNumber } = require('./lib/flags');
const { ROOT, openNeo4j, startOurService } = require('./lib/stack');
const { fixed, markdownTable, median } = require('./lib/statistics');

const USAGE = 'node bench/read-transactions.js -- [--duration 2] [--rounds 5] [--concurrency 1,16] [--neo4j bolt://…]';
const { seconds, rounds, concurrencies, reuseUri } = readFlags(
  {
    duration: { type: 'string', default: '2' },
    rounds: { type: 'string', default: '5' },
    concurrency: { type: 'string', default: '1,16' },
    neo4j: { type: 'string', default: '' },
  },
  USAGE,
  (flags) => ({
    seconds: wholeNumber('duration', flags.duration, 1, 60),
    rounds: wholeNumber('rounds', flags.rounds, 1, 20),
    concurrencies: flags.concurrency.split(',').map((c) => wholeNumber('concurrency', c, 1, 256)),
    reuseUri: flags.neo4j || undefined,
  }),
);
const log = (line) => process.stderr.write(`${line}\n`);

/** The statements timed: the data version's read (tiny, polled) and Q1's raw statement (a bench question). */
const STATEMENTS = [
  { id: 'seed info', text: readFileSync(join(ROOT, 'cypher', 'load', 'read-seed-info.cypher'), 'utf8'), params: {} },
  {
    id: 'Q1',
    text: readFileSync(join(ROOT, 'bench', 'cypher', 'q1-measures-for-sdg-and-department.cypher'), 'utf8'),
    params: { sdg: 17, department: '市民活動推進課' },
  },
];

/** The three ways of running one read statement. */
function forms(neo4jDriver, driver) {
  const READ = neo4jDriver.session.READ;
  const params = (statement) => ({ ...statement.params, sdg: neo4jDriver.int(statement.params.sdg ?? 0) });
  return {
    'auto-commit session.run': async (statement) => {
      const session = driver.session({ database: 'neo4j', defaultAccessMode: READ });
      try {
        return (await session.run(statement.text, params(statement))).records.length;
      } finally {
        await session.close();
      }
    },
    'session.executeRead': async (statement) => {
      const session = driver.session({ database: 'neo4j', defaultAccessMode: READ });
      try {
        return await session.executeRead(
          async (tx) => (await tx.run(statement.text, params(statement))).records.length,
        );
      } finally {
        await session.close();
      }
    },
    'driver.executeQuery': async (statement) =>
      (
        await driver.executeQuery(statement.text, params(statement), {
          database: 'neo4j',
          routing: neo4jDriver.routing.READ,
        })
      ).records.length,
  };
}

/** Statements per second of `run` with `concurrency` callers for `seconds`. */
async function rate(run, statement, concurrency) {
  const deadline = Date.now() + seconds * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < deadline) {
        await run(statement);
        done++;
      }
    }),
  );
  return done / seconds;
}

async function main() {
  const neo4j = await openNeo4j({ reuseUri });
  let service;
  let driver;
  try {
    // Seeds the empty database, as `npm start` does; stopped before timing so it takes no CPU.
    service = await startOurService(neo4j);
    await service.stop();
    service = undefined;
    const neo4jDriver = require(join(ROOT, 'node_modules', 'neo4j-driver'));
    driver = neo4jDriver.driver(neo4j.uri, neo4jDriver.auth.basic(neo4j.user, neo4j.password));
    const runs = forms(neo4jDriver, driver);
    const names = Object.keys(runs);
    const rows = [];
    for (const statement of STATEMENTS) {
      for (const concurrency of concurrencies) {
        const samples = Object.fromEntries(names.map((name) => [name, []]));
        for (const name of names) await rate(runs[name], statement, concurrency); // warm-up
        for (let round = 0; round < rounds; round++) {
          const order = names.map((_, i) => names[(i + round) % names.length]);
          for (const name of order) samples[name].push(await rate(runs[name], statement, concurrency));
        }
        const base = median(samples[names[0]]);
        for (const name of names) {
          const perSecond = median(samples[name]);
          rows.push([
            statement.id,
            String(concurrency),
            name,
            fixed(perSecond, 0),
            fixed((1000 * concurrency) / perSecond, 2),
            `${fixed((100 * perSecond) / base, 0)} %`,
          ]);
        }
        log(`${statement.id} × ${concurrency} done`);
      }
    }
    process.stdout.write(
      markdownTable(['statement', 'concurrency', 'form', 'statements/s (median)', 'ms each', 'vs auto-commit'], rows),
    );
  } finally {
    await driver?.close();
    await service?.stop();
    await neo4j.stop();
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
