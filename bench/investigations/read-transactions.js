#!/usr/bin/env node
// `node bench/investigations/read-transactions.js`: what a read costs as an auto-commit statement (`session.run`, one round
// trip, no retry) against the driver's retrying forms (`session.executeRead`, a managed transaction;
// `driver.executeQuery`), on one Neo4j seeded by our service's own start-up. Each form runs the same
// statement in rounds, the forms alternated (rotating order) so drift of the machine hits all of them alike;
// medians over rounds are printed. Loopback only; bounded by --rounds and --duration.
//
// Besides statements per second it prints what each statement cost in CPU (Linux /proc): Neo4j's process and this
// one (the driver's side, as a service would pay it). The search statements show what ranking adds: the raw
// substring test @neo4j/graphql's search runs, and the full-text query plus that test our search runs.
//
// Flags: --duration <s per cell, 2> --rounds <5> --concurrency <list, 1,16> --only <statement ids, all>
//        --neo4j <bolt URI to reuse (no Neo4j CPU then)>
'use strict';
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { readFlags, wholeNumber } = require('../lib/flags');
const { ROOT, openNeo4j, startOurService } = require('../lib/stack');
const { cpuMeter } = require('../lib/process-cpu');
const { fixed, markdownTable, median } = require('../lib/statistics');

const USAGE =
  'node bench/investigations/read-transactions.js -- [--duration 2] [--rounds 5] [--concurrency 1,16] [--only seed-info,Q1,…] [--neo4j bolt://…]';
const { seconds, rounds, concurrencies, only, reuseUri } = readFlags(
  {
    duration: { type: 'string', default: '2' },
    rounds: { type: 'string', default: '5' },
    concurrency: { type: 'string', default: '1,16' },
    only: { type: 'string', default: '' },
    neo4j: { type: 'string', default: '' },
  },
  USAGE,
  (flags) => ({
    seconds: wholeNumber('duration', flags.duration, 1, 60),
    rounds: wholeNumber('rounds', flags.rounds, 1, 20),
    concurrencies: flags.concurrency.split(',').map((c) => wholeNumber('concurrency', c, 1, 256)),
    only: flags.only === '' ? null : flags.only.split(','),
    reuseUri: flags.neo4j || undefined,
  }),
);
const log = (line) => process.stderr.write(`${line}\n`);

const benchStatement = (name) => readFileSync(join(ROOT, 'bench', 'cypher', `${name}.cypher`), 'utf8');

/**
 * The statements timed: the data version's read (tiny, polled), Q1's raw statement (a bench question), and the
 * raw statements of the two search rows of `npm run bench` (a substring test over the measures not deleted; a
 * substring test plus the full-text query, ranked, as our search runs it).
 */
const ALL_STATEMENTS = [
  {
    id: 'seed-info',
    text: readFileSync(join(ROOT, 'cypher', 'load', 'read-seed-info.cypher'), 'utf8'),
    params: {},
  },
  {
    id: 'Q1',
    text: benchStatement('q1-measures-for-sdg-and-department'),
    params: { sdg: 17, department: '市民活動推進課' },
  },
  { id: 'search', text: benchStatement('search-measures'), params: { text: '防災' } },
  {
    id: 'search-ranked',
    text: benchStatement('search-measures-ranked'),
    params: { lucene: '"防災"', text: '防災', first: 100 },
  },
];
const unknown = (only ?? []).filter((id) => !ALL_STATEMENTS.some((statement) => statement.id === id));
if (unknown.length > 0) {
  process.stderr.write(
    `--only: no statement ${unknown.join(', ')} (there are ${ALL_STATEMENTS.map((s) => s.id).join(', ')})\n`,
  );
  process.exit(2);
}
const STATEMENTS = ALL_STATEMENTS.filter((statement) => only === null || only.includes(statement.id));

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

/**
 * Statements per second of `run` with `concurrency` callers for `seconds`, and the CPU ms each statement cost
 * the processes of `pids` (label → pid).
 */
async function rate(run, statement, concurrency, pids) {
  const deadline = Date.now() + seconds * 1000;
  const meter = cpuMeter(pids);
  let done = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < deadline) {
        await run(statement);
        done++;
      }
    }),
  );
  return { perSecond: done / seconds, cpu: meter.stop(done) };
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
    const pids = { neo4j: neo4j.pid, driver: process.pid };
    const rows = [];
    for (const statement of STATEMENTS) {
      for (const concurrency of concurrencies) {
        const samples = Object.fromEntries(names.map((name) => [name, []]));
        for (const name of names) await rate(runs[name], statement, concurrency, pids); // warm-up
        for (let round = 0; round < rounds; round++) {
          const order = names.map((_, i) => names[(i + round) % names.length]);
          for (const name of order) samples[name].push(await rate(runs[name], statement, concurrency, pids));
        }
        const base = median(samples[names[0]].map((sample) => sample.perSecond));
        for (const name of names) {
          const perSecond = median(samples[name].map((sample) => sample.perSecond));
          const cpu = (label) => fixed(median(samples[name].map((sample) => sample.cpu[label])), 3);
          rows.push([
            statement.id,
            String(concurrency),
            name,
            fixed(perSecond, 0),
            fixed((1000 * concurrency) / perSecond, 2),
            `${fixed((100 * perSecond) / base, 0)} %`,
            cpu('neo4j'),
            cpu('driver'),
          ]);
        }
        log(`${statement.id} × ${concurrency} done`);
      }
    }
    process.stdout.write(
      markdownTable(
        [
          'statement',
          'concurrency',
          'form',
          'statements/s (median)',
          'ms each',
          'vs auto-commit',
          'Neo4j CPU ms each',
          'driver CPU ms each',
        ],
        rows,
      ),
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
