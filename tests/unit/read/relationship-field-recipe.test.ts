import 'reflect-metadata';
import {
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLSchema,
} from 'graphql';
import { RELATIONSHIP_TYPES, type NodeLabel, type RelationshipType } from '../../../src/graph/graph-model';
import { outTo, reversedHops, type Anchors } from '../../../src/graph/kinds/anchor';
import type { Facets } from '../../../src/graph/kinds/facet';
import { INDICATOR_RELATIONSHIPS } from '../../../src/graph/kinds/indicator.kind';
import { DEPARTMENT_RELATIONSHIPS } from '../../../src/graph/kinds/department.kind';
import { FIELD_RELATIONSHIPS } from '../../../src/graph/kinds/field.kind';
import { anchorsOf, facetsOf } from '../../../src/graph/kinds/label-pages';
import { INITIATIVE_RELATIONSHIPS, LINKAGE_PLAN_RELATIONSHIPS } from '../../../src/graph/kinds/linkage-plan.kind';
import { MEASURE_RELATIONSHIPS } from '../../../src/graph/kinds/measure.kind';
import { POLICY_ITEM_RELATIONSHIPS } from '../../../src/graph/kinds/policy-item.kind';
import { PROJECT_RELATIONSHIPS } from '../../../src/graph/kinds/project.kind';
import { REFORM_AREA_RELATIONSHIPS } from '../../../src/graph/kinds/reform-area.kind';
import { RELATED_PLAN_RELATIONSHIPS } from '../../../src/graph/kinds/related-plan.kind';
import { SDG_RELATIONSHIPS } from '../../../src/graph/kinds/sdg.kind';
import { REFORM_SHEET_RELATIONSHIPS } from '../../../src/graph/kinds/reform-sheet.kind';
import { along, paged, type Relationships } from '../../../src/graph/kinds/relationship';
import { PER_VALUE_COUNTS } from '../../../src/read/filter/facet-counts';

/**
 * The contributors' guide's recipe "Adding a relationship" (docs/contributors.md), walked without a database for
 * a relationship the graph does not have: reform sheets tracking outcome indicators (ReformSheet –TRACKS→
 * Indicator), with its field, nested connection, filter (any, all, none) and facet at both ends. The recipe's
 * hand-edited files are graph-model.ts (the type) and the two kinds' declarations, one relationship entry in each
 * (its path, field, filter and facet); here they are the same objects with the entries added before the service's
 * modules load, and everything else must follow: the
 * schema the service builds, the relationship table, and the compiled statement. Every check is made for every
 * declared relationship field, filter and facet of every kind, the added ones among them, so leaving out a step of
 * the recipe (an entry, or the derivation it relies on) fails here.
 */

// graph-model.ts: the relationship type and the labels it connects.
const TRACKS = 'TRACKS' as RelationshipType;
Object.assign(RELATIONSHIP_TYPES, { [TRACKS]: { from: 'ReformSheet', to: 'Indicator' } });

// reform-sheet.kind.ts: the field, with the filter of sheets by the indicators they track and a facet per SDG
// through them.
const SHEET_TO_INDICATORS = [outTo(TRACKS)];
Object.assign(REFORM_SHEET_RELATIONSHIPS, {
  indicators: paged(along(...SHEET_TO_INDICATORS), 'Outcome indicators the sheet tracks.', {
    filter: 'Ids of indicators the sheet tracks.',
    sdgFacet: { name: 'trackedSdgs', description: "Per SDG of the tracked indicators' policy items, by SDG number." },
  }),
});

// indicator.kind.ts: the same at the other end, along the path walked back.
Object.assign(INDICATOR_RELATIONSHIPS, {
  reformSheets: paged(along(...reversedHops(SHEET_TO_INDICATORS)), 'Reform sheets tracking the indicator.', {
    filter: 'Codes of reform sheets tracking the indicator.',
    sdgFacet: { name: 'trackingSdgs', description: 'Per SDG the tracking sheets support, by SDG number.' },
  }),
});

/** Every kind's declarations by the GraphQL type they make, the added entries among them. */
interface KindDeclarations {
  readonly type: string;
  readonly relationships: Relationships;
  readonly anchors?: Anchors | undefined;
  readonly facets?: Facets | undefined;
}

const kindOf = (type: string, label: NodeLabel, relationships: Relationships): KindDeclarations => ({
  type,
  relationships,
  anchors: anchorsOf(label),
  facets: facetsOf(label),
});

const KINDS: readonly KindDeclarations[] = [
  kindOf('PolicyField', 'Field', FIELD_RELATIONSHIPS),
  kindOf('PolicyItem', 'PolicyItem', POLICY_ITEM_RELATIONSHIPS),
  kindOf('Measure', 'Measure', MEASURE_RELATIONSHIPS),
  kindOf('Department', 'Department', DEPARTMENT_RELATIONSHIPS),
  kindOf('Sdg', 'Sdg', SDG_RELATIONSHIPS),
  kindOf('ReformSheet', 'ReformSheet', REFORM_SHEET_RELATIONSHIPS),
  kindOf('ReformArea', 'ReformArea', REFORM_AREA_RELATIONSHIPS),
  kindOf('Indicator', 'Indicator', INDICATOR_RELATIONSHIPS),
  kindOf('LinkagePlan', 'LinkagePlan', LINKAGE_PLAN_RELATIONSHIPS),
  kindOf('Initiative', 'Initiative', INITIATIVE_RELATIONSHIPS),
  kindOf('Project', 'Project', PROJECT_RELATIONSHIPS),
  kindOf('RelatedPlan', 'RelatedPlan', RELATED_PLAN_RELATIONSHIPS),
];

let schema: GraphQLSchema;
let compiledSelection: (query: string) => Promise<string>;
let relationshipOf: (type: string, field: string) => unknown;
beforeAll(async () => {
  // Loaded only now, after the declarations above: the service derives everything from them as it loads.
  const { graphSchema } = await import('../../../src/schema');
  schema = await graphSchema();
  ({ compiledSelection } = await import('../../helpers/compiled-selection'));
  ({ relationshipOf } = await import('../../../src/read/declared-relationships'));
});

function fieldOf(typeName: string, field: string): GraphQLField<unknown, unknown> | undefined {
  const type = schema.getType(typeName);
  return isObjectType(type) ? type.getFields()[field] : undefined;
}

/** A field's type written as the schema writes it (`[Indicator!]!`). */
const typeOf = (field: { readonly type: unknown } | undefined): string => String(field?.type);

/** The GraphQL type name of a label's nodes (Field is PolicyField). */
const typeNameOf = (label: NodeLabel): string => (label === 'Field' ? 'PolicyField' : label);

/** The label a declared path reaches, read from its last hop's relationship type. */
function reached(hops: readonly { direction: 'out' | 'in'; types: readonly RelationshipType[] }[]): NodeLabel {
  const last = hops.at(-1);
  const [type] = last?.types ?? [];
  if (last === undefined || type === undefined) throw new Error('a path has a last hop');
  return last.direction === 'out' ? RELATIONSHIP_TYPES[type].to : RELATIONSHIP_TYPES[type].from;
}

describe('a relationship added by the recipe (ReformSheet –TRACKS→ Indicator)', () => {
  it('is a field at both ends, its list typed by the label it reaches, with its description', () => {
    expect(typeOf(fieldOf('ReformSheet', 'indicators'))).toBe('[Indicator!]!');
    expect(fieldOf('ReformSheet', 'indicators')?.description).toBe('Outcome indicators the sheet tracks.');
    expect(typeOf(fieldOf('Indicator', 'reformSheets'))).toBe('[ReformSheet!]!');
    expect(fieldOf('Indicator', 'reformSheets')?.description).toBe('Reform sheets tracking the indicator.');
  });

  it("has a nested connection at both ends, taking the reached kind's filter", () => {
    const sheetSide = fieldOf('ReformSheet', 'indicatorsConnection');
    const indicatorSide = fieldOf('Indicator', 'reformSheetsConnection');
    expect(typeOf(sheetSide)).toBe('IndicatorConnection!');
    expect(typeOf(sheetSide?.args.find((arg) => arg.name === 'filter'))).toBe('IndicatorFilter');
    expect(typeOf(indicatorSide)).toBe('ReformSheetConnection!');
    expect(typeOf(indicatorSide?.args.find((arg) => arg.name === 'filter'))).toBe('ReformSheetFilter');
  });

  it('filters each kind by the other: any, all and none', () => {
    const fields = (name: string) => {
      const type = schema.getType(name);
      return isInputObjectType(type) ? Object.keys(type.getFields()) : [];
    };
    expect(fields('ReformSheetFilter')).toEqual(
      expect.arrayContaining(['indicators', 'indicatorsAll', 'indicatorsNone']),
    );
    expect(fields('IndicatorFilter')).toEqual(
      expect.arrayContaining(['reformSheets', 'reformSheetsAll', 'reformSheetsNone']),
    );
  });

  it('counts a facet at both ends', () => {
    expect(typeOf(fieldOf('ReformSheetFacets', 'trackedSdgs'))).toBe('[SdgCount!]!');
    expect(typeOf(fieldOf('IndicatorFacets', 'trackingSdgs'))).toBe('[SdgCount!]!');
  });

  it('compiles: the filter anchors on the related key, the nested connection and the facets in the statement', async () => {
    const compiled = await compiledSelection(
      '{ reformSheets(first: 2, filter: { indicators: [" indicator:5-1-1 "] }) { facets { trackedSdgs { number } }' +
        ' nodes { indicators { id } indicatorsConnection(first: 1, filter: { reformSheetsNone: ["1-6"] })' +
        ' { totalCount facets { trackingSdgs { number } } } } } }',
    );
    // The sheets' page starts from the indicators' ids (the declared anchor, exact), and counts its facet.
    expect(compiled).toContain('MATCH (a:Indicator)<-[:TRACKS]-(n:ReformSheet)\nWHERE a.id IN $c0');
    expect(compiled).toContain(
      'MATCH (n)-[:TRACKS]->(:Indicator)<-[:MEASURED_BY]-(:PolicyItem)-[:CONTRIBUTES_TO]->(s:Sdg)',
    );
    // The list is prefetched along its hop; the nested connection is scoped by the same hop and filtered by the
    // other end's declared condition, with its facet.
    expect(compiled).toContain('MATCH (n0)-[:TRACKS]->(n1:Indicator)');
    expect(compiled).toContain('MATCH (:Entity {id: parent})-[:TRACKS]->(n:Indicator)');
    expect(compiled).toContain(
      'NOT coalesce((EXISTS { (n)<-[:TRACKS]-(reformSheet:ReformSheet) WHERE reformSheet.code IN $page1_c0 }), false)',
    );
    expect(compiled).toContain(
      'MATCH (n)<-[:TRACKS]-(:ReformSheet)-[:SUPPORTS]->(:Measure)<-[:HAS_MEASURE]-(:PolicyItem)-[:CONTRIBUTES_TO]->(s:Sdg)',
    );
    expect(compiled).toContain('"indicator:5-1-1"');
  });
});

describe('every declared relationship, the added ones among them', () => {
  it('is a field of its type, of the type its path reaches, one node or a list as declared', () => {
    const wrong = KINDS.flatMap(({ type, relationships }) =>
      Object.entries(relationships).flatMap(([name, declaration]) => {
        if (declaration.field === undefined) return [];
        const reachedType = typeNameOf(reached(declaration.along));
        const expected = declaration.field.cardinality === 'one' ? `${reachedType}!` : `[${reachedType}!]!`;
        const actual = typeOf(fieldOf(type, name));
        const described = fieldOf(type, name)?.description === declaration.field.description;
        return actual === expected && described && relationshipOf(type, name) !== undefined
          ? []
          : [`${type}.${name}: ${actual}`];
      }),
    );
    expect(wrong).toEqual([]);
    expect(KINDS.find((kind) => kind.type === 'ReformSheet')?.relationships).toHaveProperty('indicators');
  });

  it("a list has its connection, a paged one with the reached kind's filter, and `includeDeleted` if deletable", () => {
    const wrong = KINDS.flatMap(({ type, relationships }) =>
      Object.entries(relationships).flatMap(([name, declaration]) => {
        if (declaration.field?.cardinality !== 'many') return [];
        const connection = fieldOf(type, `${name}Connection`);
        const filter = connection?.args.find((arg) => arg.name === 'filter');
        const list = fieldOf(type, name);
        const reachedType = typeNameOf(reached(declaration.along));
        // A listed one pages in code order, unless the type gives it a nested connection of its own scope.
        const pagedRight = declaration.field.paged !== true || typeOf(filter) === `${reachedType}Filter`;
        const deletable = list?.args.some((arg) => arg.name === 'includeDeleted') === (declaration.deletable === true);
        return connection !== undefined && pagedRight && deletable ? [] : [`${type}.${name}Connection`];
      }),
    );
    expect(wrong).toEqual([]);
  });

  it('filters its kind by any, all and none of the related keys where declared with a filter', () => {
    const wrong = KINDS.flatMap(({ type, anchors }) =>
      Object.values(anchors ?? {}).flatMap((anchor) => {
        const field = anchor.condition?.filter?.field;
        if (field === undefined) return [];
        const filter = schema.getType(`${type}Filter`);
        const fields = isInputObjectType(filter) ? filter.getFields() : {};
        const forms = [field, `${field}All`, `${field}None`];
        return forms.every((form) => {
          const input = fields[form]?.type;
          return input !== undefined && isListType(input) && !isNonNullType(input);
        })
          ? []
          : [`${type}Filter.${field}`];
      }),
    );
    expect(wrong).toEqual([]);
  });

  it('counts each described facet in its kind’s facets, per SDG or per value of what it counts', () => {
    const described = KINDS.flatMap(({ facets }) =>
      Object.entries(facets ?? {}).flatMap(([name, facet]) => (facet.description === undefined ? [] : [name])),
    );
    expect(described).toEqual(expect.arrayContaining(['trackedSdgs', 'trackingSdgs', 'statuses', 'areas']));
    const wrong = KINDS.flatMap(({ type, facets }) =>
      Object.entries(facets ?? {}).flatMap(([name, facet]) => {
        if (facet.description === undefined) return [];
        const field = fieldOf(`${type}Facets`, name);
        const count = 'perSdg' in facet ? 'SdgCount' : PER_VALUE_COUNTS[facet.counted].name;
        return getNamedType(field?.type)?.name === count && field?.description === facet.description
          ? []
          : [`${type}Facets.${name}`];
      }),
    );
    expect(wrong).toEqual([]);
  });
});
