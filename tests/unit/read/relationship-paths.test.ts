import { CypherRegistry } from '../../../src/db/cypher-registry';
import { pathOf } from '../../../src/read/page/declared-anchors';
import { RELATIONSHIPS, type Relationship } from '../../../src/read/declared-relationships';

/**
 * Every multi-hop relationship field declares its path hop by hop (its kind's `<KIND>_RELATIONSHIPS`, src/graph/kinds/): the cost
 * limit's list size follows from those hops, so they must be the path its fragment walks. Each fragment's pattern,
 * with its variables' names left out, is the hops' pattern from `parent` to `node`.
 */
const SOURCE = CypherRegistry.load();

const PATHS = Object.entries(RELATIONSHIPS).flatMap(([type, fields]) =>
  Object.entries<Relationship>(fields).flatMap(([field, relationship]) => {
    const found = relationship.hop({});
    return relationship.along !== undefined && found.kind === 'path'
      ? [{ field: `${type}.${field}`, text: found.fragment(SOURCE).render(), hops: relationship.along }]
      : [];
  }),
);

/**
 * The fragment's text (its own file, or the template cypher/projection/path.cypher with the hops written in)
 * without comments and with its variables' names left out: `(m:Measure)` as `(:Measure)`.
 */
function patternOf(text: string): string {
  return text
    .split('\n')
    .filter((line) => !line.startsWith('//'))
    .join('\n')
    .replace(/\((?!parent\)|node:)\w+:/g, '(:');
}

it('finds the paths of the table (measures to SDGs among them)', () => {
  expect(PATHS.map(({ field }) => field)).toContain('Measure.sdgs');
});

it.each(PATHS.map((p) => [p.field, p] as const))('%s walks the hops it declares', (_, { text, hops }) => {
  expect(patternOf(text)).toContain(`MATCH (parent)${pathOf(hops)}(node:`);
});
