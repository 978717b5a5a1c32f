import 'reflect-metadata';
import { isInputObjectType, type GraphQLSchema } from 'graphql';
import { InputType } from 'type-graphql';
import { CypherRegistry } from '../../../src/db/cypher-registry';
import { inFrom, outTo, type Anchors } from '../../../src/graph/kinds/anchor';
import { sdgFacetOf } from '../../../src/graph/kinds/label-pages';
import { POLICY_ITEM_ANCHORS, POLICY_ITEM_FACETS } from '../../../src/graph/kinds/policy-item.kind';
import { along, declareRelationships, listed, paged, single } from '../../../src/graph/kinds/relationship';
import { RELATIONSHIP_TYPES, type RelationshipType } from '../../../src/graph/graph-model';
import { INDICATOR_LIST } from '../../../src/model/indicator/indicator.list';
import { MEASURE_LIST } from '../../../src/model/measure/measure.list';
import { POLICY_ITEM_LIST } from '../../../src/model/policy-item/policy-item.list';
import { relationshipAnchors, relationshipFacets } from '../../../src/graph/kinds/relationship-pages';
import { REFORM_SHEET_LIST } from '../../../src/model/reform-sheet/reform-sheet.list';
import type { CompileContext } from '../../../src/read/compile-context';
import { DeclaredFilters } from '../../../src/read/filter/declared-filters';
import { declaredRelationshipConditions } from '../../../src/read/filter/declared-relationship-filters';
import { compilePage } from '../../../src/read/page/compile-page';
import { REFORM_SHEET_ANCHORS } from '../../../src/graph/kinds/reform-sheet.kind';
import { matches } from '../../../src/read/page/condition';
import { composed, partName } from '../../../src/read/page/cypher-part';
import {
  declaredAnchor,
  declaredCondition,
  declaredConditionIn,
  declaredFacet,
} from '../../../src/read/page/declared-anchors';
import { kindPageSpec } from '../../../src/read/page/kind-page-spec';
import { compiledSelection } from '../../helpers/compiled-selection';
import { recipeSchema } from '../../helpers/recipe-schema';

/**
 * The contributors' guide's recipe for filtering a kind by a relationship (docs/contributors.md, "Filtering a
 * kind's connection by a relationship"), walked without a database. First a relationship no kind has yet,
 * declared as `policy-item.kind.ts` would declare it, with a filter and a facet: its anchor, its condition,
 * its filter fields, its place among the page's exact anchors and its facet all follow from the relationship's
 * path, with no anchor entry, Cypher file, filter field, condition line or page-spec entry of their own. Then the relationship the service declares
 * so (measures by the reform sheets supporting them), from a GraphQL selection to the compiled statement.
 */
const registry = CypherRegistry.load();
const PAGED_LISTS = [INDICATOR_LIST, MEASURE_LIST, POLICY_ITEM_LIST, REFORM_SHEET_LIST];

// Policy items by the reform sheets supporting their measures, and the SDGs those sheets reach: a relationship to
// add, declared as an entry of POLICY_ITEM_RELATIONSHIPS with its filter and facet.
const ADDED_RELATIONSHIPS = declareRelationships({
  reformSheets: paged(
    along(outTo('HAS_MEASURE', 'Measure'), inFrom('SUPPORTS')),
    'Reform sheets supporting any of its measures.',
    {
      filter: 'Codes of reform sheets supporting a measure of the item.',
      sdgFacet: { name: 'reached', description: 'Per SDG the supporting sheets reach, by SDG number.' },
    },
  ),
});
const ADDED = relationshipAnchors(ADDED_RELATIONSHIPS);
const WITH_SHEETS: Anchors = Object.assign({}, POLICY_ITEM_ANCHORS, ADDED);
const ADDED_FACETS = relationshipFacets(ADDED_RELATIONSHIPS, sdgFacetOf);

/** The one anchor or facet `made` holds under `name`. */
function madeOf<T>(made: Readonly<Record<string, T>>, name: string): T {
  const found = made[name];
  if (found === undefined) throw new Error(`nothing made under ${name}: ${Object.keys(made).join(', ')}`);
  return found;
}

// The filter input as policy-item.filter.ts declares its own, under another name.
@DeclaredFilters({}, WITH_SHEETS)
@InputType('SheetedPolicyItemFilter', { description: 'Conditions on policy items with the added relationship.' })
class SheetedPolicyItemFilter {}

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await recipeSchema('sheetedPolicyItems', () => [String], SheetedPolicyItemFilter);
});

/** No department is named below: a lookup would be a mistake of the code under test. */
const NO_DEPARTMENTS: Pick<CompileContext, 'departments'> = {
  departments: new Proxy({} as CompileContext['departments'], {
    get: (_target, name) => {
      throw new Error(`no department lookup expected (${String(name)})`);
    },
  }),
};

describe('a relationship added to a declaration', () => {
  it('has its anchor: an index on the related key, the filter value a parameter', () => {
    expect(declaredAnchor(registry, 'PolicyItem', madeOf(ADDED, 'reform-sheets')).render()).toBe(
      'MATCH (a:ReformSheet)-[:SUPPORTS]->(:Measure)<-[:HAS_MEASURE]-(n:PolicyItem)\nWHERE a.code IN $value',
    );
  });

  it('has its condition: the same path walked back from the node', () => {
    expect(declaredCondition(registry, madeOf(ADDED, 'reform-sheets')).render()).toBe(
      'EXISTS { (n)-[:HAS_MEASURE]->(:Measure)<-[:SUPPORTS]-(reformSheet:ReformSheet) WHERE reformSheet.code IN $value }',
    );
  });

  it('has its filter fields: any, all and none of the related codes, each checked as a sheet code', () => {
    const filter = schema.getType('SheetedPolicyItemFilter');
    if (!isInputObjectType(filter)) throw new Error('SheetedPolicyItemFilter is not an input type');
    const fields = filter.getFields();
    expect(Object.keys(fields)).toEqual(['reformSheets', 'reformSheetsAll', 'reformSheetsNone']);
    expect(String(fields.reformSheets?.type)).toBe('[String!]');
    expect(fields.reformSheets?.description).toMatch(/^Codes of reform sheets supporting a measure of the item\. Any/);
  });

  it('has its conditions: the declared one, on the codes as given, trimmed', async () => {
    const given = { reformSheets: [' 1-6 ', '2-1'], reformSheetsNone: ['3-1'] };
    const conditions = await declaredRelationshipConditions('PolicyItem', WITH_SHEETS, given, NO_DEPARTMENTS, 'f');
    expect(
      conditions.map((c) => (c.kind === 'match' || c.kind === 'none' ? [c.kind, partName(c.fragment), c.value] : c)),
    ).toEqual([
      ['match', 'fragments/policy-item/reform-sheets', ['1-6', '2-1']],
      ['none', 'fragments/policy-item/reform-sheets', ['3-1']],
    ]);
    const [any] = conditions;
    expect(any?.kind === 'match' && composed(registry, any.fragment).render()).toBe(
      declaredCondition(registry, madeOf(ADDED, 'reform-sheets')).render(),
    );
  });

  it('takes its place in the page spec: an exact anchor after those named, and its facet', () => {
    const spec = kindPageSpec(
      'policy-item',
      { name: 'policyItems', label: 'PolicyItem', anchors: ['departments', 'sdgs'], facets: [], orderFields: {} },
      { anchors: WITH_SHEETS, facets: Object.assign({}, POLICY_ITEM_FACETS, ADDED_FACETS) },
    );
    expect(spec.anchors.map(({ condition, exact }) => `${partName(condition)} ${exact ? 'exact' : 'tested'}`)).toEqual([
      'fragments/policy-item/departments tested',
      'fragments/policy-item/sdgs exact',
      'fragments/policy-item/reform-sheets exact',
    ]);
    const reached = spec.facets['reached'];
    expect(reached === undefined ? undefined : partName(reached)).toBe('fragments/policy-item/facet-reached');
  });

  it('has its facet: per SDG reached through the declared path', () => {
    expect(declaredFacet(registry, madeOf(ADDED_FACETS, 'reached')).render()).toContain(
      'MATCH (n)-[:HAS_MEASURE]->(:Measure)<-[:SUPPORTS]-(:ReformSheet)-[:SUPPORTS]->(:Measure)<-[:HAS_MEASURE]-(:PolicyItem)-[:CONTRIBUTES_TO]->(s:Sdg)',
    );
  });

  it('binds the related node under a name no page binds around its condition, whatever label it reaches', () => {
    // Every relationship type walked either way, from every paged kind: a filter by what it reaches.
    const bound = new Set(['n', 'a', ...PAGED_LISTS.flatMap((list) => list.spec.context?.variables ?? [])]);
    const reached = Object.keys(RELATIONSHIP_TYPES).flatMap((type) =>
      [outTo(type as RelationshipType), inFrom(type as RelationshipType)].map((hop) =>
        declareRelationships({ related: listed(along(hop), 'x', { filter: 'x' }) }),
      ),
    );
    const names = reached.flatMap((relationships) => {
      const made = (() => {
        try {
          return relationshipAnchors(relationships);
        } catch {
          return {}; // a label no filter names by a key
        }
      })();
      return Object.values(made).map((anchor) => anchor.condition?.as ?? '');
    });
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((name) => name === '' || bound.has(name))).toEqual([]);
  });

  it('is refused where no filter by the related key is known, naming the relationship', () => {
    const byArea = declareRelationships({ area: single(along(outTo('IN_AREA')), 'x', { filter: 'x' }) });
    expect(() => relationshipAnchors(byArea)).toThrow('relationship area: no filter key is declared for ReformArea');
  });
});

describe('the relationship declared so: measures by the reform sheets supporting them', () => {
  it('starts the page from its anchor and, exact, does not test its condition again', async () => {
    const compiled = await compiledSelection(
      '{ measures(first: 5, filter: { reformSheets: [" 1-6 "], sdg: 17 }) { nodes { code } } }',
    );
    expect(compiled).toMatch(/^MATCH \(a:ReformSheet\)-\[:SUPPORTS\]->\(n:Measure\)\nWHERE a\.code IN \$c0/);
    expect(compiled).not.toContain('EXISTS { (n)<-[:SUPPORTS]-(reformSheet:ReformSheet)');
    expect(compiled).toContain('"c0": [\n  "1-6"\n ]');
  });

  it('tests its condition where it cannot anchor (under `not`)', () => {
    const { statement } = compilePage(
      registry,
      REFORM_SHEET_LIST.spec,
      { kind: 'not', of: matches(declaredConditionIn('ReformSheet', REFORM_SHEET_ANCHORS, 'measures'), ['5-1-1']) },
      [],
      [],
      ['id', 'sortKey'],
    );
    expect(statement.text).toContain('EXISTS { (n)-[:SUPPORTS]->(m:Measure) WHERE m.code IN $c0 }');
  });
});
