#!/usr/bin/env node
// Writes src/db/cypher-files.ts, the typed index of cypher/: every file's name (its path without `.cypher`) as
// one member of the union `CypherFile`, so a statement or fragment named in code is checked by tsc, and a
// misspelt name is a compile error rather than a failed request. Run it after adding, moving or removing a file
// of cypher/ (`npm run cypher:index`); `--check` (in `npm run lint`) fails while the committed index is stale.
'use strict';
const { readdirSync, readFileSync, writeFileSync, existsSync } = require('node:fs');
const { join, relative, sep } = require('node:path');
const { scriptArguments } = require('./script-arguments');

const ROOT = join(__dirname, '..');
const CYPHER_DIRECTORY = join(ROOT, 'cypher');
const INDEX = join(ROOT, 'src', 'db', 'cypher-files.ts');
const USAGE = 'usage: node scripts/cypher-index.js [--check]';

/** Every file of cypher/ as its name: the path below cypher/ without `.cypher`, with `/` between folders, sorted. */
function cypherNames(directory = CYPHER_DIRECTORY) {
  const walk = (folder) =>
    readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) return walk(path);
      return entry.name.endsWith('.cypher')
        ? [
            relative(directory, path)
              .split(sep)
              .join('/')
              .replace(/\.cypher$/, ''),
          ]
        : [];
    });
  return walk(directory).sort();
}

/** The index's text for `names`, formatted as prettier leaves it. */
function indexText(names) {
  return [
    '// Written by scripts/cypher-index.js from the files of cypher/ (`npm run cypher:index`); do not edit by hand.',
    '// `npm run lint` fails while it differs from the folder.',
    '',
    '/** Every file of cypher/, by its path without `.cypher`: the names the registry (cypher-registry.ts) reads. */',
    'export const CYPHER_FILES = [',
    ...names.map((name) => `  '${name}',`),
    '] as const;',
    '',
    '/** The name of a file of cypher/: a statement the gateway runs, or a part a compiler composes. */',
    'export type CypherFile = (typeof CYPHER_FILES)[number];',
    '',
    "/** The files of one folder of cypher/ by their path inside it (`CypherFileUnder<'projection'>`: `measure/sdgs`, …). */",
    'export type CypherFileUnder<Folder extends string> = CypherFile extends infer Name',
    '  ? Name extends `${Folder}/${infer Path}`',
    '    ? Path',
    '    : never',
    '  : never;',
    '',
  ].join('\n');
}

module.exports = { cypherNames, indexText };

if (require.main === module) {
  const { values } = scriptArguments(process.argv.slice(2), {
    usage: USAGE,
    options: { check: { type: 'boolean' } },
  });
  const text = indexText(cypherNames());
  if (values.check) {
    if (!existsSync(INDEX) || readFileSync(INDEX, 'utf8') !== text) {
      process.stderr.write('src/db/cypher-files.ts differs from the files of cypher/: run `npm run cypher:index`\n');
      process.exit(1);
    }
  } else {
    writeFileSync(INDEX, text);
  }
}
