#!/usr/bin/env node
// `npm run bench:profile`: what each benchmark question's statements cost Neo4j, ours against the hand-written
// raw Cypher of bench/cypher/, read from PROFILE (database hits, rows, operators). Unlike req/s, database hits
// do not move with what else runs on the machine, so this table is exact on any machine and any load.
//
// Ours is the service exactly as `npm start` runs it (dist/, production), with bench/lib/capture-statements.js
// preloaded to write down every statement it sends while it answers a question; each is then PROFILEd with the
// parameters it was sent, on the same Neo4j, by this script, as is the raw statement with the raw system's
// parameters. Flags: --only <question ids> --neo4j <bolt URI to reuse> --show (print each statement and its
// plan, operator by operator with its hits, ours then raw) --docs (replace the table of docs/benchmarks.md).
'use strict';
const { mkdtempSync, readFileSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { readFlags } = require('./lib/flags');
const { QUESTIONS } = require('./lib/questions');
const { ROOT, openNeo4j, startOurService } = require('./lib/stack');
const { commandLine, replaceBenchmarkTable } = require('./lib/benchmarks-doc');
const { markdownTable, ratio } = require('./lib/statistics');

const neo4j = require(require.resolve('neo4j-driver', { paths: [ROOT] }));

const USAGE = 'npm run bench:profile -- [--only Q1,Q4] [--neo4j bolt://…] [--show] [--docs]';
const { questions, reuseUri, show, docs } = readFlags(
  {
    only: { type: 'string', default: '' },
    neo4j: { type: 'string', default: '' },
    show: { type: 'boolean', default: false },
    docs: { type: 'boolean', default: false },
  },
  USAGE,
  (flags) => ({
    questions: flags.only
      ? flags.only.split(',').map((id) => {
          const found = QUESTIONS.find((question) => question.id.toLowerCase() === id.trim().toLowerCase());
          if (!found) throw new Error(`--only: no question '${id}'; known: ${QUESTIONS.map((q) => q.id).join(', ')}`);
          return found;
        })
      : QUESTIONS,
    reuseUri: flags.neo4j || undefined,
    show: flags.show,
    docs: flags.docs,
  }),
);

const RAW_DIRECTORY = join(__dirname, 'cypher');
const log = (line) => process.stderr.write(`${line}\n`);

/** Captured parameters back into driver values: `{ $int }` to an integer, the rest as sent. */
function decode(value) {
  if (Array.isArray(value)) return value.map(decode);
  if (value !== null && typeof value === 'object') {
    if (typeof value.$int === 'string' && Object.keys(value).length === 1) return neo4j.int(value.$int);
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, decode(inner)]));
  }
  return value;
}

/** The statements written to `file` from line `from` on. */
function capturedSince(file, from) {
  const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  return { statements: lines.slice(from).map((line) => JSON.parse(line)), next: lines.length };
}

/** A profiled plan's totals: database hits and operators over the whole tree, rows at its root. */
function totals(plan) {
  let dbHits = 0;
  const operators = [];
  const lines = [];
  const walk = (node, depth) => {
    dbHits += Number(node.dbHits ?? 0);
    const operator = String(node.operatorType).replace(/@.*$/, '');
    operators.push(operator);
    const details = node.arguments?.Details ?? '';
    lines.push(
      `${'  '.repeat(depth)}${operator} (${Number(node.dbHits ?? 0)} hits, ${Number(node.rows ?? 0)} rows) ${details}`,
    );
    for (const child of node.children ?? []) walk(child, depth + 1);
  };
  walk(plan, 0);
  return { dbHits, rows: Number(plan.rows ?? 0), operators, plan: lines.join('\n') };
}

/** PROFILE of one statement, run twice so the second reads a planned, cached statement (as the load does). */
async function profile(driver, text, params) {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    await session.run(`PROFILE ${text}`, params);
    const result = await session.run(`PROFILE ${text}`, params);
    return totals(result.summary.profile);
  } finally {
    await session.close();
  }
}

/** The statements of `later` whose text `earlier` has as well, each of earlier's counted once. */
function bothTimes(earlier, later) {
  const left = earlier.map(({ text }) => text);
  return later.filter(({ text }) => {
    const at = left.indexOf(text);
    if (at < 0) return false;
    left.splice(at, 1);
    return true;
  });
}

async function postJson(url, query) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
    signal: AbortSignal.timeout(60_000),
  });
  const body = await response.json();
  if (response.status !== 200 || body.errors) {
    throw new Error(`ours answered ${response.status}: ${JSON.stringify(body).slice(0, 500)}`);
  }
}

/** The operators one plan has and the other lacks, counted: where the difference in hits comes from. */
function operatorDifference(ours, raw) {
  const count = (list) => list.reduce((map, name) => map.set(name, (map.get(name) ?? 0) + 1), new Map());
  const mine = count(ours);
  const theirs = count(raw);
  const names = [...new Set([...mine.keys(), ...theirs.keys()])].sort();
  const parts = names
    .map((name) => [name, (mine.get(name) ?? 0) - (theirs.get(name) ?? 0)])
    .filter(([, difference]) => difference !== 0)
    .map(([name, difference]) => `${difference > 0 ? '+' : ''}${difference} ${name}`);
  return parts.length === 0 ? 'same operators' : parts.join(', ');
}

async function main() {
  const captureDirectory = mkdtempSync(join(tmpdir(), 'honjo-statement-profile-'));
  const captureFile = join(captureDirectory, 'statements.jsonl');
  const database = await openNeo4j({ reuseUri });
  const ours = await startOurService(
    database,
    { CAPTURE_STATEMENTS_FILE: captureFile },
    { preload: [join(__dirname, 'lib', 'capture-statements.js')] },
  );
  // Our service's driver sends lossless integers, as captured; the raw system's sends JS numbers (its
  // statements are written for that), so each is profiled with a driver configured as its system's is.
  const auth = neo4j.auth.basic(database.user, database.password);
  const oursDriver = neo4j.driver(database.uri, auth);
  const rawDriver = neo4j.driver(database.uri, auth, { disableLosslessIntegers: true });
  const rows = [];
  try {
    let next = capturedSince(captureFile, 0).next;
    for (const question of questions) {
      // Asked three times: the first answer may run start-up work of its own (a plan warmed, a size read
      // once); of the third's statements, those the second sent too are the question's. The service's own
      // background reads (its data-version and statistics checks) come at their own times, so in one ask only.
      await postJson(ours.url, question.ours.query);
      next = capturedSince(captureFile, next).next;
      await postJson(ours.url, question.ours.query);
      const second = capturedSince(captureFile, next);
      await postJson(ours.url, question.ours.query);
      const third = capturedSince(captureFile, second.next);
      next = third.next;
      const captured = { statements: bothTimes(second.statements, third.statements) };
      const mine = { dbHits: 0, rows: 0, operators: [] };
      for (const { text, params } of captured.statements) {
        const one = await profile(oursDriver, text, decode(params));
        if (show) log(`--- ${question.id} ours\n${text}\n${JSON.stringify(params)}\n${one.plan}`);
        mine.dbHits += one.dbHits;
        mine.rows += one.rows;
        mine.operators.push(...one.operators);
      }
      const rawText = readFileSync(join(RAW_DIRECTORY, `${question.raw.statement}.cypher`), 'utf8');
      const raw = await profile(rawDriver, rawText, question.raw.params);
      if (show) log(`--- ${question.id} raw\n${rawText}\n${raw.plan}`);
      log(`${question.id}: ${captured.statements.length} statement(s), ${mine.dbHits} / ${raw.dbHits} db hits`);
      rows.push([
        question.title,
        String(captured.statements.length),
        `${mine.dbHits} / ${raw.dbHits}`,
        ratio(mine.dbHits, raw.dbHits),
        `${mine.rows} / ${raw.rows}`,
        `${mine.operators.length} / ${raw.operators.length}`,
        operatorDifference(mine.operators, raw.operators),
      ]);
    }
  } finally {
    await oursDriver.close();
    await rawDriver.close();
    await ours.stop();
    await database.stop();
    rmSync(captureDirectory, { recursive: true, force: true });
  }
  const report = [
    'Database hits, rows and plan operators of each question, from PROFILE, ours (the statements the service sent, with',
    'their parameters) against raw (bench/cypher/). Exact: hits do not depend on the machine or its load.',
    '',
    markdownTable(
      [
        'question',
        'statements ours',
        'db hits ours / raw',
        'ours ÷ raw db hits',
        'rows out ours / raw',
        'plan operators ours / raw',
        'operators ours has more (+) or fewer (−) than raw',
      ],
      rows,
    ),
  ].join('\n');
  process.stdout.write(`${report}\n`);
  if (docs) log(`written to ${await replaceBenchmarkTable('profile', commandLine(), report)}`);
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
