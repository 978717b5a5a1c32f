import {
  getNullableType,
  isEnumType,
  isInputObjectType,
  isNonNullType,
  isObjectType,
  type GraphQLSchema,
} from 'graphql';
import { propertySpecs } from '../../../src/graph/node-properties';
import { DECLARED_PROPERTIES } from '../../../src/graph/kinds/declared-properties';
import { isNullableField, labelPropertyOf } from '../../../src/graph/kinds/declared-property';
import { EXPORT_KINDS } from '../../../src/platform/export/export-kinds';
import { ROOT_PAGES } from '../../../src/model/node/root-pages';
import { typeNameOf } from '../../../src/read/prefetch/property-demand';
import { graphSchema } from '../../../src/schema';

/**
 * Every declared number (src/graph/kinds/) is, by its declaration alone, a stored property of its label,
 * a field of its type, a filter, a sort order, an aggregate figure and an export column exactly where its
 * declaration says so, with the declared descriptions and headers. (The worked example's values, read from
 * the document, are checked against the running API in tests/integration/model/declared-properties.int.test.ts.)
 */
// The kinds with a connection of their own (filter, order, aggregate, export); every label declares its
// numbers, but only these offer the numbers' uses.
const labels = ROOT_PAGES.map((page) => page.label);

it('covers every kind with numbers of its own: indicators, measures, policy items and reform sheets', () => {
  expect(labels).toEqual(expect.arrayContaining(['Indicator', 'Measure', 'PolicyItem', 'ReformSheet']));
});
const declared = labels.flatMap((label) =>
  Object.entries(DECLARED_PROPERTIES[label]).map(([name, property]) => ({ label, name, property })),
);
const cases = declared.filter(({ property }) => property.field !== false);

it('keeps a number declared `field: false` stored, and off its type (assembled into another field)', async () => {
  const storedOnly = declared.filter(({ property }) => property.field === false);
  expect(storedOnly.map(({ label, name }) => `${label}.${name}`)).toEqual(
    expect.arrayContaining(['PolicyItem.satisfactionRank', 'ReformSheet.areaNumber']),
  );
  const built = await graphSchema();
  for (const { label, name } of storedOnly) {
    expect(propertySpecs(label)[name]).toBeDefined();
    const type = built.getType(typeNameOf(label));
    expect(isObjectType(type) ? Object.keys(type.getFields()) : []).not.toContain(name);
  }
});

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

/**
 * The export kind of a type: one row per node of the connection that lists it, named like that connection
 * (`reform-sheets` for `reformSheets`); other kinds of the same connection (`indicator-results`) have rows of
 * their own.
 */
function exportKindOf(typeName: string) {
  const connection = `${typeName.charAt(0).toLowerCase()}${typeName.slice(1)}s`;
  const name = connection.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
  return [...EXPORT_KINDS.values()].find((kind) => kind.connection === connection && kind.name === name);
}

/** How a spreadsheet types the column of a declared number: a fiscal year as its Gregorian year. */
const COLUMN_TYPES = { Int: 'integer', Float: 'decimal', FiscalYear: 'year' } as const;

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

  it('is one export column when declared exported, typed as its number, and asked for', () => {
    const kind = exportKindOf(type);
    expect(kind).toBeDefined();
    if (property.export === undefined) return;
    const { ja, en } = property.export;
    const columns = kind?.columns.filter((column) => column.ja === ja && column.en === en) ?? [];
    const columnType = COLUMN_TYPES[property.type];
    if (columnType === 'year') {
      // A year reads as its era label (令和5年度) under the header, the Gregorian year beside it (…（西暦）).
      expect(columns.map((column) => column.type)).toEqual(['text']);
      const gregorian = kind?.columns.filter(
        (column) => column.ja === `${ja}（西暦）` && column.en === `${en} (Gregorian)`,
      );
      expect(gregorian?.map((column) => column.type)).toEqual(['year']);
    } else {
      expect(columns.map((column) => column.type)).toEqual([columnType]);
    }
    expect(kind?.selection).toMatch(new RegExp(`\\b${name}\\b`));
  });
});
