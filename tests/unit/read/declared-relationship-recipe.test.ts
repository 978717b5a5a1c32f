import { CypherRegistry } from '../../../src/db/cypher-registry';
import { declareAnchors, inFrom, outTo } from '../../../src/graph/properties/anchor';
import { declareFacets } from '../../../src/graph/properties/facet';
import { MEASURE_PAGE } from '../../../src/model/measure/measure.page-spec';
import { REFORM_SHEET_PAGE } from '../../../src/model/reform-sheet/reform-sheet.page-spec';
import { compilePage } from '../../../src/read/page/compile-page';
import { matches } from '../../../src/read/page/condition';
import { declaredAnchor, declaredCondition, declaredFacet } from '../../../src/read/page/declared-anchors';

/**
 * The contributors' guide's recipe for filtering a kind by a relationship (docs/contributors.md, "Filtering a
 * kind's connection by a relationship"), walked without a database. First a relationship no kind has yet,
 * declared as a kind's `.properties.ts` would declare it: its anchor, its condition and a facet come from the
 * templates, with no Cypher file of their own. Then a declared relationship named in a page spec, as the recipe
 * leaves it: the compiled page starts from its anchor and, the anchor being exact, does not test it again.
 */
const registry = CypherRegistry.load();

// Measures by the reform sheets supporting them, and the SDGs those sheets reach: a relationship to add.
const ADDED = declareAnchors({
  sheets: { from: 'ReformSheet', key: 'code', hops: [outTo('SUPPORTS')], condition: { as: 'r' } },
});
const ADDED_FACETS = declareFacets({
  sheetSdgs: {
    perSdg: [
      inFrom('SUPPORTS', 'ReformSheet'),
      outTo('SUPPORTS', 'Measure'),
      inFrom('HAS_MEASURE', 'PolicyItem'),
      outTo('CONTRIBUTES_TO'),
    ],
  },
});

describe('a relationship added to a declaration', () => {
  it('has its anchor: an index on the related key, the filter value a parameter', () => {
    expect(declaredAnchor(registry, 'Measure', ADDED.sheets).render()).toBe(
      'MATCH (a:ReformSheet)-[:SUPPORTS]->(n:Measure)\nWHERE a.code IN $value',
    );
  });

  it('has its condition: the same path walked back from the node', () => {
    expect(declaredCondition(registry, ADDED.sheets).render()).toBe(
      'EXISTS { (n)<-[:SUPPORTS]-(r:ReformSheet) WHERE r.code IN $value }',
    );
  });

  it('has its facet: per SDG reached through the declared path', () => {
    expect(declaredFacet(registry, ADDED_FACETS.sheetSdgs).render()).toContain(
      'MATCH (n)<-[:SUPPORTS]-(:ReformSheet)-[:SUPPORTS]->(:Measure)<-[:HAS_MEASURE]-(:PolicyItem)-[:CONTRIBUTES_TO]->(s:Sdg)',
    );
  });
});

describe('a declared relationship named in a page spec', () => {
  it('starts the page from its anchor and, exact, does not test its condition again', () => {
    const { statement, params } = compilePage(
      MEASURE_PAGE,
      matches('fragments/measure/departments', ['department:x']),
      [],
      [],
      ['id', 'sortKey'],
    );
    expect(statement.text).toMatch(/MATCH \(a:Department\)-\[:RESPONSIBLE_FOR\]->\(n:Measure\)\nWHERE a\.id IN \$c0/);
    expect(statement.text).not.toContain('EXISTS { (n)<-[:RESPONSIBLE_FOR]-(d:Department)');
    expect(params).toMatchObject({ c0: ['department:x'] });
  });

  it('tests its condition where it cannot anchor (under `not`)', () => {
    const { statement } = compilePage(
      REFORM_SHEET_PAGE,
      { kind: 'not', of: matches('fragments/reform-sheet/measures', ['5-1-1']) },
      [],
      [],
      ['id', 'sortKey'],
    );
    expect(statement.text).toContain('EXISTS { (n)-[:SUPPORTS]->(m:Measure) WHERE m.code IN $c0 }');
  });
});
