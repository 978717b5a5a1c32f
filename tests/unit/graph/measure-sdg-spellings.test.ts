import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PROJECT_ROOT } from '../../../src/core/project-root';
import { reversedHops } from '../../../src/graph/kinds/anchor';
import { MEASURE_TO_SDGS, SDG_TO_MEASURES } from '../../../src/graph/kinds/measure.kind';
import { pathOf } from '../../../src/read/page/declared-anchors';

/**
 * The path from a measure to its SDGs (through its policy item) is written once: `MEASURE_TO_SDGS` in the
 * measure's declaration. Every relationship field, anchor, facet and scope that walks it (Measure.sdgs,
 * Sdg.measures, the measures' SDG anchor and facet, the sheets' SDG anchor and facet, Department.sdgs, the
 * SDG's departments and sheets, Sdg.measuresConnection's scope) composes it from there (`reversedHops`,
 * `followedBy`), and the templates of cypher/projection/ and cypher/fragments/common/ render it; no file writes
 * it again. The measures' SDG filter tests only the path's second half, from the measure's policy item the
 * kind's context has bound already (cypher/fragments/common/item-sdgs.cypher), so it is not counted here.
 *
 * Counted in the text of src/ (its TypeScript, comments left out) and cypher/ (comments left out): a hop along
 * HAS_MEASURE next to one along CONTRIBUTES_TO, in either order, as a declaration writes hops or as Cypher writes
 * a pattern. The SDG coverage report's statements (cypher/analytics/) are hand-written reports over the whole
 * graph, not reads of a kind; they are listed by name so a new spelling anywhere else fails here.
 */
const REPORTS = [
  'cypher/analytics/measures-for-sdg-and-department.cypher',
  'cypher/analytics/sdg-coverage-counts.cypher',
  'cypher/analytics/sdg-coverage.cypher',
];

function filesUnder(directory: string, extension: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return filesUnder(path, extension);
    return entry.name.endsWith(extension) ? [path] : [];
  });
}

/** A file's text without its comments (`//` to the line's end, and `/* … *\/` blocks in TypeScript). */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

/** A hop written in TypeScript (`inFrom('HAS_MEASURE', 'PolicyItem')`, maybe inside `unlessDeleted(…)`). */
const tsHop = (type: string): string => `(?:unlessDeleted\\(\\s*)?(?:inFrom|outTo)\\(\\s*'${type}'[^)]*\\)\\)?`;
/** A relationship in a Cypher pattern, the node between the two hops named or not. */
const cypherPair = (first: string, second: string): string =>
  `\\[:${first}\\][-<>]*\\(\\w*:PolicyItem\\)[-<>]*\\[:${second}\\]`;

const TS_SPELLING = new RegExp(
  `${tsHop('HAS_MEASURE')},\\s*${tsHop('CONTRIBUTES_TO')}|${tsHop('CONTRIBUTES_TO')},\\s*${tsHop('HAS_MEASURE')}`,
  'g',
);
const CYPHER_SPELLING = new RegExp(
  `${cypherPair('HAS_MEASURE', 'CONTRIBUTES_TO')}|${cypherPair('CONTRIBUTES_TO', 'HAS_MEASURE')}`,
  'g',
);

/** Each place the path is written, as `file` (once per spelling in it). */
function spellings(): string[] {
  const ts = filesUnder(join(PROJECT_ROOT, 'src'), '.ts').map((file) => ({ file, pattern: TS_SPELLING }));
  const cypher = filesUnder(join(PROJECT_ROOT, 'cypher'), '.cypher').map((file) => ({
    file,
    pattern: CYPHER_SPELLING,
  }));
  return [...ts, ...cypher].flatMap(({ file, pattern }) =>
    [...code(readFileSync(file, 'utf8')).matchAll(pattern)].map(() => relative(PROJECT_ROOT, file)),
  );
}

it('writes the Measure→SDG path once, in the measure declaration', () => {
  expect(spellings().filter((file) => !REPORTS.includes(file))).toEqual(['src/graph/kinds/measure.kind.ts']);
});

it('counts a spelling wherever it is written (the counter finds a declaration and a pattern)', () => {
  expect(
    code(`x: [inFrom('CONTRIBUTES_TO', 'PolicyItem'), unlessDeleted(outTo('HAS_MEASURE'))]`).match(TS_SPELLING),
  ).toHaveLength(1);
  expect(
    `MATCH (parent)<-[:HAS_MEASURE]-(:PolicyItem)-[:CONTRIBUTES_TO]->(node:Sdg)`.match(CYPHER_SPELLING),
  ).toHaveLength(1);
  expect(`(m)<-[:HAS_MEASURE]-(i:PolicyItem)-[:CONTRIBUTES_TO]->(g:Sdg)`.match(CYPHER_SPELLING)).toHaveLength(1);
});

it('walks the one declaration both ways', () => {
  expect(pathOf(SDG_TO_MEASURES)).toBe(pathOf(reversedHops(MEASURE_TO_SDGS)));
  expect(pathOf(MEASURE_TO_SDGS)).toBe('<-[:HAS_MEASURE]-(:PolicyItem)-[:CONTRIBUTES_TO]->');
});
