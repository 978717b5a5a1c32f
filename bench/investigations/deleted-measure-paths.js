#!/usr/bin/env node
// `node bench/investigations/deleted-measure-paths.js` (after `npm run build`): what passing only kept measures
// costs each relationship path through a measure. Every path of the relationship table whose hops reach a
// Measure is written twice, from the same declaration: with `unlessDeleted` on its measure hop (the rule) and
// without it. Each is PROFILEd as its loader's batch statement (the fragment the selection compiler inlines,
// wrapped for every node of the parent's label at once), on one Neo4j seeded by our service's own start-up.
// Prints rows and database hits (exact on any machine: they do not move with load). Loopback only.
// Flags: --neo4j <bolt URI to reuse, already seeded>
'use strict';
const { join } = require('node:path');
const { readFlags } = require('../lib/flags');
const { ROOT, openNeo4j, startOurService } = require('../lib/stack');
const { markdownTable } = require('../lib/statistics');

const neo4j = require(require.resolve('neo4j-driver', { paths: [ROOT] }));
const dist = (path) => require(join(ROOT, 'dist', 'src', path));

const USAGE = 'node bench/investigations/deleted-measure-paths.js [--neo4j bolt://…]';
const { reuseUri } = readFlags({ neo4j: { type: 'string', default: '' } }, USAGE, (flags) => ({
  reuseUri: flags.neo4j || undefined,
}));

/** Database hits of a profiled plan, its operators' summed. */
function hitsOf(plan) {
  return plan.dbHits + plan.children.reduce((sum, child) => sum + hitsOf(child), 0);
}

/** The node label each hop reaches (the last one's from the relationship type). */
function labelsAlong(hops, types) {
  return hops.map((hop) => {
    if (hop.to !== undefined) return hop.to;
    const [type] = hop.types;
    return hop.direction === 'out' ? types[type].to : types[type].from;
  });
}

async function main() {
  const { RELATIONSHIPS, walkedFragment } = dist('read/declared-relationships.js');
  const { pathBatch } = dist('read/graph-loaders.js');
  const { CypherRegistry } = dist('db/cypher-registry.js');
  const { RELATIONSHIP_TYPES } = dist('graph/graph-model.js');
  const source = CypherRegistry.load();

  const database = await openNeo4j({ reuseUri });
  let service;
  const driver = neo4j.driver(database.uri, neo4j.auth.basic(database.user, database.password));
  try {
    if (!reuseUri) {
      service = await startOurService(database);
      await service.stop();
      service = undefined;
    }
    const rows = [];
    const session = driver.session();
    try {
      for (const [type, fields] of Object.entries(RELATIONSHIPS)) {
        for (const [field, relationship] of Object.entries(fields)) {
          const hops = relationship.along;
          if (hops === undefined) continue;
          const labels = labelsAlong(hops, RELATIONSHIP_TYPES);
          const at = labels.indexOf('Measure');
          if (at < 0) continue;
          const found = relationship.hop({});
          const parentLabel = RELATIONSHIP_TYPES[hops[0].types[0]][hops[0].direction === 'out' ? 'from' : 'to'];
          const ids = (await session.run(`MATCH (n:${parentLabel}) RETURN collect(n.id) AS ids`)).records[0].get('ids');
          const variant = async (kept) => {
            const written = hops.map((hop, index) =>
              Object.assign({}, hop, { unlessDeleted: kept && index === at ? true : undefined }),
            );
            const { text } = pathBatch(source, {
              path: found.path,
              fragment: (cypher) => walkedFragment(cypher, written),
            });
            const result = await session.run(`PROFILE ${text}`, { ids });
            return { rows: result.records.length, hits: hitsOf(result.summary.profile) };
          };
          const all = await variant(false);
          const kept = await variant(true);
          rows.push([
            `${type}.${field}`,
            hops.some((hop) => hop.unlessDeleted) ? 'yes' : 'no',
            String(ids.length),
            `${all.rows} / ${all.hits}`,
            `${kept.rows} / ${kept.hits}`,
          ]);
        }
      }
    } finally {
      await session.close();
    }
    process.stdout.write(
      `${markdownTable(
        ['path', 'declares unlessDeleted', 'parents', 'every measure: rows / db hits', 'kept measures: rows / db hits'],
        rows,
      )}\n`,
    );
  } finally {
    await driver.close();
    if (service) await service.stop();
    await database.stop();
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exitCode = 1;
});
