import {
  getNullableType,
  isEnumType,
  isInputObjectType,
  isNonNullType,
  isObjectType,
  type GraphQLSchema,
} from 'graphql';
import type { NodeLabel } from '../../../src/graph/graph-model';
import { propertySpecs } from '../../../src/graph/node-properties';
import { DECLARED_PROPERTIES } from '../../../src/graph/properties/declared-properties';
import { isNullableField, labelPropertyOf } from '../../../src/graph/properties/declared-property';
import { EXPORT_KINDS } from '../../../src/platform/export/export-kinds';
import { typeNameOf } from '../../../src/read/prefetch/property-demand';
import { graphSchema } from '../../../src/schema';

/**
 * Every declared number (src/graph/properties/) is, by its declaration alone, a stored property of its label,
 * a field of its type, a filter, a sort order, an aggregate figure and an export column exactly where its
 * declaration says so, with the declared descriptions and headers. (The worked example's values, read from
 * the document, are checked against the running API in tests/integration/model/declared-properties.int.test.ts.)
 */
const labels = Object.keys(DECLARED_PROPERTIES) as NodeLabel[];
const cases = labels.flatMap((label) =>
  Object.entries(DECLARED_PROPERTIES[label] ?? {}).map(([name, property]) => ({ label, name, property })),
);

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await graphSchema();
});

function objectFields(name: string) {
  const type = schema.getType(name);
  if (!isObjectType(type)) throw new Error(`${name} is not an object type`);
  return type.getFields();
}

function inputFields(name: string) {
  const type = schema.getType(name);
  if (!isInputObjectType(type)) throw new Error(`${name} is not an input type`);
  return type.getFields();
}

function enumValue(name: string, value: string) {
  const type = schema.getType(name);
  if (!isEnumType(type)) throw new Error(`${name} is not an enum`);
  return type.getValue(value);
}

/** The export kind of a type: the one whose connection lists it (`reformSheets` for ReformSheet). */
function exportKindOf(typeName: string) {
  const connection = `${typeName.charAt(0).toLowerCase()}${typeName.slice(1)}s`;
  return [...EXPORT_KINDS.values()].find((kind) => kind.connection === connection);
}

describe.each(cases)('the declared number $name of $label', ({ label, name, property }) => {
  const type = typeNameOf(label);

  it('is stored: the contract has it (a fiscal year with its era label)', () => {
    expect(propertySpecs(label)[name]).toEqual({ type: 'number', optional: property.optional });
    if (property.type === 'FiscalYear') {
      expect(propertySpecs(label)[labelPropertyOf(name)]).toEqual({ type: 'string', optional: property.optional });
    }
  });

  it('is a field of the type, typed and described as declared', () => {
    const field = objectFields(type)[name];
    expect(field?.description).toBe(property.description);
    expect(isNonNullType(field?.type)).toBe(!isNullableField(property));
    expect(String(field ? getNullableType(field.type) : null)).toBe(property.type);
  });

  it('is a filter when declared filterable', () => {
    const filter = inputFields(`${type}Filter`)[name];
    expect(filter?.description).toBe(property.filter);
    if (property.filter !== undefined) expect(String(filter?.type)).toBe('NumberComparison');
  });

  it('is a sort order when declared orderable', () => {
    if (property.order === undefined) return;
    expect(enumValue(`${type}OrderField`, property.order.value)?.description).toBe(property.order.description);
  });

  it('is an aggregate figure when declared aggregatable', () => {
    const figure = objectFields(`${type}Aggregate`)[name];
    expect(figure?.description).toBe(property.aggregate);
    if (property.aggregate !== undefined) expect(String(figure?.type)).toBe('NumberAggregate!');
  });

  it('is an export column when declared exported, and asked for', () => {
    const kind = exportKindOf(type);
    const headers = kind?.columns.map((column) => ({ ja: column.ja, en: column.en })) ?? [];
    if (property.export === undefined) return;
    expect(headers).toContainEqual(property.export);
    expect(kind?.selection).toMatch(new RegExp(`\\b${name}\\b`));
  });
});
