import 'reflect-metadata';
import { getNamedType, isObjectType, type GraphQLSchema } from 'graphql';
import { CypherRegistry } from '../../../src/db/cypher-registry';
import { SheetRole } from '../../../src/graph/enums';
import { NODE_LABELS, type NodeLabel } from '../../../src/graph/graph-model';
import { typeNameOf } from '../../../src/read/prefetch/property-demand';
import {
  fragmentOf,
  RELATIONSHIPS,
  relationshipOf,
  type Hop,
  type Relationship,
} from '../../../src/read/declared-relationships';
import { graphSchema } from '../../../src/schema';

/**
 * Fields whose type is an entity (or a list of entities) but that are not relationships of a node: they
 * belong to objects the service computes (analytics, progress summaries, collaborations, document coverage), each loaded by its
 * own statement. Root fields and the pages of connections (`nodes`, `edges.node`) are not listed: they are
 * left out by rule.
 */
const NOT_RELATIONSHIPS: ReadonlySet<string> = new Set([
  'Collaboration.department',
  'CoverageCell.department',
  'CoverageCell.measures',
  'CoverageCell.sdg',
  'DepartmentProgress.department',
  'DocumentCoverage.uncoveredSdgs',
  'DepartmentProgress.noResultIndicators',
  'DepartmentProgress.notGradableIndicators',
  'FieldCoverage.field',
  'FieldCoverage.sdgs',
  'FieldProgress.field',
  'FieldProgress.noResultIndicators',
  'FieldProgress.notGradableIndicators',
  'GradeCount.indicators',
  'IndicatorOwner.department',
  'IndicatorOwner.measures',
  'OverallProgress.noResultIndicators',
  'OverallProgress.notGradableIndicators',
  'OutlookCount.indicators',
  'PolicyItemProgress.noResultIndicators',
  'PolicyItemProgress.notGradableIndicators',
  'PolicyItemProgress.policyItem',
  'SdgProgress.noResultIndicators',
  'SdgProgress.notGradableIndicators',
  'SdgProgress.sdg',
  'SdgCoverage.departments',
  'SdgCoverage.sdgs',
]);

/** The page types of connections (`MeasureConnection`, `MeasureEdge`): their nodes are a page, not a relationship. */
const PAGE_TYPE = /(Connection|Edge)$/;

const ENTITY_TYPES: ReadonlySet<string> = new Set(Object.keys(NODE_LABELS).map((l) => typeNameOf(l as NodeLabel)));

/** Every `Type.field` of the schema whose type is an entity or a list of entities, but the root types'. */
function entityFields(schema: GraphQLSchema): string[] {
  const roots = new Set([schema.getQueryType()?.name, schema.getMutationType()?.name]);
  return Object.values(schema.getTypeMap())
    .filter((type) => !type.name.startsWith('__') && !roots.has(type.name) && !PAGE_TYPE.test(type.name))
    .flatMap((type) => (isObjectType(type) ? Object.values(type.getFields()).map((field) => ({ type, field })) : []))
    .filter(({ field }) => ENTITY_TYPES.has(getNamedType(field.type).name))
    .map(({ type, field }) => `${type.name}.${field.name}`);
}

/** Every hop the table can choose, each field asked with no arguments, with deleted nodes and with each sheet role. */
function hops(): Hop[] {
  const relationships: Relationship[] = Object.values(RELATIONSHIPS).flatMap((fields) => Object.values(fields));
  return relationships.flatMap((relationship) =>
    [{}, { includeDeleted: true }, ...Object.values(SheetRole).map((role) => ({ role }))].map((args) =>
      relationship.hop(args),
    ),
  );
}

describe('the relationship table', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await graphSchema();
  });

  it('has every relationship field of the schema (a new one fails here until it gets its entry)', () => {
    const missing = entityFields(schema).filter(
      (name) => !NOT_RELATIONSHIPS.has(name) && !relationshipOf(...(name.split('.') as [string, string])),
    );
    expect(missing).toEqual([]);
    // The exceptions are real fields of the schema, so the list cannot go stale unnoticed.
    expect([...NOT_RELATIONSHIPS].filter((name) => !entityFields(schema).includes(name))).toEqual([]);
  });

  it('knows only fields the schema has, and each returns the entity its hop reaches', () => {
    const wrong = Object.entries(RELATIONSHIPS).flatMap(([typeName, fields]) =>
      Object.keys(fields).filter((field) => {
        const type = schema.getType(typeName);
        const definition = isObjectType(type) ? type.getFields()[field] : undefined;
        return !definition || !ENTITY_TYPES.has(getNamedType(definition.type).name);
      }),
    );
    expect(wrong).toEqual([]);
  });

  it('names path fragments that exist, and every fragment of cypher/projection/ is used', () => {
    const cypher = CypherRegistry.load();
    const used = new Set(
      hops().map((hop) =>
        hop.kind === 'path'
          ? `projection/${hop.file}`
          : hop.kind === 'out'
            ? 'projection/outgoing'
            : 'projection/incoming',
      ),
    );
    // Every path also runs wrapped for its loader and scopes its list's connection; a single hop scopes it as
    // one pattern.
    used.add('projection/path-by-ids');
    // A nested connection named in a resolver's table scopes its nodes along the field's path (scopeOf).
    used.add('projection/scope-by-path');
    if (hops().some((hop) => hop.kind === 'path')) used.add('projection/scope-by-relationship');
    if (hops().some((hop) => hop.kind === 'out')) used.add('projection/scope-by-outgoing');
    if (hops().some((hop) => hop.kind === 'in')) used.add('projection/scope-by-incoming');
    const files: readonly string[] = cypher.names();
    expect([...used].filter((name) => !files.includes(name))).toEqual([]);
    expect(cypher.namesUnder('projection').filter((name) => !used.has(name))).toEqual([]);
  });

  it("writes a single hop's type and far label into the template", () => {
    const source = CypherRegistry.load();
    const code = (hop: Hop) =>
      fragmentOf(source, hop)
        .render()
        .split('\n')
        .filter((line) => line !== '' && !line.startsWith('//'));
    expect(code({ kind: 'in', type: 'RESPONSIBLE_FOR' })).toEqual([
      'MATCH (parent)<-[:RESPONSIBLE_FOR]-(node:Department)',
      'RETURN node',
    ]);
    expect(code({ kind: 'out', type: 'HAS_ITEM' })).toEqual([
      'MATCH (parent)-[:HAS_ITEM]->(node:PolicyItem)',
      'RETURN node',
    ]);
  });
});
