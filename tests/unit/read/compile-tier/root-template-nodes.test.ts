import fc from 'fast-check';
import { RELATIONSHIPS, type RelatedType } from '../../../../src/read/declared-relationships';
import { compiledSelection } from '../../../helpers/compiled-selection';

/**
 * A lookup or short list read from the root templates (graph/node-by-id, graph/all-by-label) reads the
 * relationships selected below its nodes from the nodes the template matched: no collect, unwind and seek by
 * id again (src/graph/root-entity.ts). Drawn over every such root field and any set of the relationship
 * fields of its type (the relationship table's own), each selecting the related nodes' ids.
 */
const ROOTS: readonly { readonly root: string; readonly type: RelatedType; readonly lookup: boolean }[] = [
  { root: 'measure(code: "5-1-3")', type: 'Measure', lookup: true },
  { root: 'sdg(number: 11)', type: 'Sdg', lookup: true },
  { root: 'reformSheet(code: "1-6")', type: 'ReformSheet', lookup: true },
  { root: 'linkagePlan(number: 1)', type: 'LinkagePlan', lookup: true },
  { root: 'fields', type: 'PolicyField', lookup: false },
  { root: 'sdgs', type: 'Sdg', lookup: false },
  { root: 'reformAreas', type: 'ReformArea', lookup: false },
  { root: 'linkagePlans', type: 'LinkagePlan', lookup: false },
];

const selections = fc.constantFrom(...ROOTS).chain(({ root, type, lookup }) =>
  fc.subarray(Object.keys(RELATIONSHIPS[type]), { minLength: 1 }).map((fields) => ({
    root,
    lookup,
    fields,
    query: `{ ${root} { ${fields.map((f) => `${f} { id }`).join(' ')} } }`,
  })),
);

const count = (text: string, part: string): number => text.split(part).length - 1;

describe('compile tier: relationships below a lookup or short list start from its nodes', () => {
  it('returns the node beside its map and never seeks it again by id, whatever is selected below it', async () => {
    await fc.assert(
      fc.asyncProperty(selections, async ({ lookup, fields, query }) => {
        const text = await compiledSelection(query);
        expect(text).toContain(' AS node, n AS n0\n');
        expect(text).not.toContain('UNWIND');
        expect(text).not.toContain('rootNode.id');
        // One projection per field, each a CALL and its fragment's CALL from the root's node.
        expect(count(text, 'CALL (n0) {')).toBe(2 * fields.length);
        expect(text).toContain(`WITH collect(node) AS rootNodes, collect({id: node.id, `);
        expect(text).toContain(lookup ? 'MATCH (n:Entity {id: $id})' : 'ORDER BY stored.sortKey');
      }),
      { numRuns: 60 },
    );
  });

  it('leaves the templates as they were where nothing is read below the nodes', async () => {
    for (const { root } of ROOTS) {
      const text = await compiledSelection(`{ ${root} { id } }`);
      expect(text).not.toContain('n AS n0');
    }
  });
});
