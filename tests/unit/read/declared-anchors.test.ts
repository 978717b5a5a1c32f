import { CypherRegistry } from '../../../src/db/cypher-registry';
import { inFrom, outTo, type AnchorDeclaration } from '../../../src/graph/kinds/anchor';
import { MEASURE_ANCHORS } from '../../../src/graph/kinds/measure.kind';
import { facetsOf } from '../../../src/graph/kinds/label-pages';
import type { FacetDeclaration, Facets } from '../../../src/graph/kinds/facet';
import { REFORM_SHEET_ANCHORS } from '../../../src/graph/kinds/reform-sheet.kind';
import { INDICATOR_LIST } from '../../../src/model/indicator/indicator.list';
import { MEASURE_LIST } from '../../../src/model/measure/measure.list';
import { REFORM_SHEET_LIST } from '../../../src/model/reform-sheet/reform-sheet.list';
import { composed, partName, type CypherPart } from '../../../src/read/page/cypher-part';
import {
  anchorPath,
  declaredAnchor,
  declaredCondition,
  declaredConditionIn,
  declaredFacet,
} from '../../../src/read/page/declared-anchors';
import type { PageSpec } from '../../../src/read/page/page-spec';

/** The anchor part kindPageSpec gave the condition `name` of `spec`. */
function anchorOf(spec: PageSpec, name: string): CypherPart | undefined {
  return spec.anchors.find(({ condition }) => partName(condition) === name)?.anchor;
}

/**
 * A kind's anchors are declared hop by hop with its attributes and made from two templates
 * (cypher/fragments/common/anchor-by-key, anchor-by-field-id). The statements they start are the compile
 * tier's (tests/unit/read/compile-tier/), unchanged from the files they replace; here, the making itself.
 */
const registry = CypherRegistry.load();

describe('declared anchors', () => {
  it('write the path from the related nodes a to the kind n, hop by hop', () => {
    expect(anchorPath(MEASURE_ANCHORS.sdgs)).toBe('<-[:CONTRIBUTES_TO]-(:PolicyItem)-[:HAS_MEASURE]->');
    expect(anchorPath(REFORM_SHEET_ANCHORS.departments)).toBe('-[:EXECUTES|PARTNERS_ON]->');
  });

  it('fill the key template: an index on the related key, the filter value a parameter', () => {
    expect(declaredAnchor(registry, 'Measure', MEASURE_ANCHORS.sdgs).render()).toBe(
      'MATCH (a:Sdg)<-[:CONTRIBUTES_TO]-(:PolicyItem)-[:HAS_MEASURE]->(n:Measure)\nWHERE a.number IN $value',
    );
  });

  it("fill the field template: one seek of the field's id per number", () => {
    expect(declaredAnchor(registry, 'Measure', MEASURE_ANCHORS.fields).render()).toBe(
      "UNWIND $value AS number\nMATCH (a:Field {id: 'field:' + toString(toInteger(number))})-[:HAS_ITEM]->(:PolicyItem)-[:HAS_MEASURE]->(n:Measure)",
    );
  });

  it('are the anchors kindPageSpec gives declared conditions; an undeclared one stays a file of the folder', () => {
    const sheetFields = anchorOf(REFORM_SHEET_LIST.spec, 'fragments/reform-sheet/measure-fields');
    expect(typeof sheetFields === 'object' && partName(sheetFields)).toBe(
      'fragments/reform-sheet/anchor-measure-fields',
    );
    expect(anchorOf(INDICATOR_LIST.spec, 'fragments/indicator/ids')).toBe('fragments/indicator/anchor-ids');
    const departments = anchorOf(MEASURE_LIST.spec, 'fragments/measure/departments');
    if (departments === undefined) throw new Error('measures have no anchor on departments');
    expect(composed(registry, departments).render()).toBe(
      'MATCH (a:Department)-[:RESPONSIBLE_FOR]->(n:Measure)\nWHERE a.id IN $value',
    );
  });

  it('refuse a path that does not end at n, or names a label between hops it leaves out', () => {
    const endsElsewhere: AnchorDeclaration = {
      from: 'Sdg',
      key: 'number',
      hops: [inFrom('CONTRIBUTES_TO', 'PolicyItem')],
    };
    expect(() => anchorPath(endsElsewhere)).toThrow('an anchor path ends with a hop to n');
    const gap: AnchorDeclaration = {
      from: 'Sdg',
      key: 'number',
      hops: [inFrom('CONTRIBUTES_TO'), outTo('HAS_MEASURE')],
    };
    expect(() => anchorPath(gap)).toThrow('every hop of an anchor path but the last names the label it reaches');
  });
});

describe('declared conditions', () => {
  it("walk the anchor's path back from n, the related node bound as declared", () => {
    expect(declaredCondition(registry, REFORM_SHEET_ANCHORS.sdgs).render()).toBe(
      'EXISTS { (n)-[:SUPPORTS]->(:Measure)<-[:HAS_MEASURE]-(:PolicyItem)-[:CONTRIBUTES_TO]->(s:Sdg) WHERE s.number IN $value }',
    );
    expect(composed(registry, declaredConditionIn('Measure', MEASURE_ANCHORS, 'departments')).render()).toBe(
      'EXISTS { (n)<-[:RESPONSIBLE_FOR]-(d:Department) WHERE d.id IN $value }',
    );
  });

  it('stand only for anchors that declare their condition', () => {
    // @ts-expect-error -- the anchor declares no condition: naming it is a compile error, and refused at run time.
    expect(() => declaredConditionIn('ReformSheet', REFORM_SHEET_ANCHORS, 'measure-fields')).toThrow(
      'ReformSheet declares no condition measure-fields',
    );
  });
});

/** The facet `name` of a kind's facets (declared by hand or by a relationship). */
function declaredIn(facets: Facets, name: string): FacetDeclaration {
  const facet = facets[name];
  if (facet === undefined) throw new Error(`no facet ${name}`);
  return facet;
}

describe('declared facets', () => {
  it('count per SDG reached through the declared path', () => {
    expect(declaredFacet(registry, declaredIn(facetsOf('Measure'), 'sdgs')).render()).toBe(
      [
        'UNWIND matched AS x',
        'WITH x.node AS n',
        'MATCH (n)<-[:HAS_MEASURE]-(:PolicyItem)-[:CONTRIBUTES_TO]->(s:Sdg)',
        'WITH s.number AS number, count(DISTINCT n) AS count',
        'ORDER BY number',
        'RETURN collect({number: number, count: count}) AS facet',
      ].join('\n'),
    );
  });

  it("count per value of the node's own property, under the name the facet's type gives it", () => {
    expect(declaredFacet(registry, declaredIn(facetsOf('Measure'), 'statuses')).render()).toBe(
      [
        'UNWIND matched AS x',
        'WITH x.node.status AS status, count(*) AS count',
        'ORDER BY status',
        'RETURN collect({status: status, count: count}) AS facet',
      ].join('\n'),
    );
    // Declared with its description: in the spec (and the facets type) with no entry in the kind's list.
    const areas = Object.entries(REFORM_SHEET_LIST.spec.facets).find(([name]) => name === 'areas')?.[1];
    expect(typeof areas === 'object' && partName(areas)).toBe('fragments/reform-sheet/facet-areas');
    expect(MEASURE_LIST.spec.facets['departments']).toBe('fragments/measure/facet-departments');
  });
});
