'use strict';
/**
 * The synthetic larger graph of `npm run bench:scale`: the real graph (seed/graph.json) cloned as other
 * municipalities. Clone c (1, 2, …) holds a copy of every node but the SDGs, its id suffixed `@m<c>`
 * (`department:citizen-activity-promotion@m42`); codes, names and every other property are the original's,
 * so a question put to one clone has the same answer as put to the real graph. Every relationship is copied
 * within its clone, and those that reach an SDG reach the one shared SDG node (there are 17 SDGs in the world,
 * not 17 per city), which is what makes SDG-first questions grow with the graph.
 * Written with the loader's own statements (cypher/load/merge-nodes, merge-relationships), batched.
 */
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { ROOT } = require('./stack');

const SHARED_LABELS = new Set(['Sdg']);
const BATCH_ROWS = 2_000;

const statement = (name) => readFileSync(join(ROOT, 'cypher', 'load', `${name}.cypher`), 'utf8');

/** The real graph, and which of its node ids stay shared across clones. */
function readSeedGraph() {
  const graph = JSON.parse(readFileSync(join(ROOT, 'seed', 'graph.json'), 'utf8'));
  const shared = new Set(graph.nodes.filter((node) => SHARED_LABELS.has(node.label)).map((node) => node.id));
  return { nodes: graph.nodes, relationships: graph.relationships, shared };
}

/** A node id in clone `c` (0 = the real graph itself). */
function cloneId(id, c, shared) {
  return c === 0 || shared.has(id) ? id : `${id}@m${c}`;
}

/** Nodes and relationships one clone adds. */
function cloneSize(seed) {
  return { nodes: seed.nodes.length - seed.shared.size, relationships: seed.relationships.length };
}

/** Splits a list of rows into batches keyed by `keyOf` (a label or type: one statement each), in order. */
function* batches(rows, keyOf) {
  const open = new Map();
  for (const row of rows) {
    const key = keyOf(row);
    const batch = open.get(key) ?? [];
    batch.push(row);
    open.set(key, batch);
    if (batch.length >= BATCH_ROWS) {
      yield [key, batch];
      open.delete(key);
    }
  }
  yield* open.entries();
}

/**
 * Writes clones `from` … `to - 1` (so the database holds `to` municipalities with the real one) through
 * `driver`, one transaction per batch, calling `progress(done, total)` after each.
 */
async function writeClones(driver, seed, from, to, progress) {
  const nodeStatement = statement('merge-nodes');
  const relationshipStatement = statement('merge-relationships');
  const size = cloneSize(seed);
  const total = (to - from) * (size.nodes + size.relationships);
  let done = 0;
  const clones = function* (make) {
    for (let c = from; c < to; c++) yield* make(c);
  };
  const nodeRows = clones(function* (c) {
    for (const node of seed.nodes) {
      if (seed.shared.has(node.id)) continue;
      const id = cloneId(node.id, c, seed.shared);
      yield { label: node.label, id, properties: { ...node.properties, id } };
    }
  });
  const session = driver.session();
  try {
    for (const [label, rows] of batches(nodeRows, (row) => row.label)) {
      await session.executeWrite((tx) =>
        tx.run(nodeStatement, { label, rows: rows.map(({ id, properties }) => ({ id, properties })) }),
      );
      progress((done += rows.length), total);
    }
    // Relationships after every node of these clones exists: each batch finds both ends by id.
    const relationshipRows = clones(function* (c) {
      for (const r of seed.relationships) {
        yield {
          type: r.type,
          from: cloneId(r.from, c, seed.shared),
          to: cloneId(r.to, c, seed.shared),
          properties: r.properties ?? {},
        };
      }
    });
    for (const [type, rows] of batches(relationshipRows, (row) => row.type)) {
      await session.executeWrite((tx) =>
        tx.run(relationshipStatement, {
          type,
          rows: rows.map(({ from, to, properties }) => ({ from, to, properties })),
        }),
      );
      progress((done += rows.length), total);
    }
  } finally {
    await session.close();
  }
}

module.exports = { readSeedGraph, cloneId, cloneSize, writeClones };
