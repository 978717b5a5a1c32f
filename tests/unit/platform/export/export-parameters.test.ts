import { buildSchema } from 'graphql';
import { connectionArguments } from '../../../../src/platform/export/connection-arguments';
import { ExportError } from '../../../../src/platform/export/export-error';
import { exportDocument } from '../../../../src/platform/export/export-operation';
import { readExportParameters } from '../../../../src/platform/export/export-parameters';
import { MEASURE_EXPORT } from '../../../../src/platform/export/kinds/measure-export';

/**
 * The export's parameters come from the schema's types, not from a list of our own: a connection with an
 * `orderBy` argument and list, enum and object filter keys (as the richer filters add them) gets them as
 * parameters, checked by graphql-js's coercion. The schemas here are small stand-ins of the real one.
 */
const WITH_ORDER = buildSchema(`
  enum ChangeStatus { NEW CHANGED }
  enum MeasureOrderField { CODE NAME }
  enum Direction { ASC DESC }
  input MeasureOrder { field: MeasureOrderField!, direction: Direction = ASC }
  input NumberComparison { gt: Float, lt: Float }
  input MeasureFilter {
    sdg: Int
    sdgs: [Int!]
    department: String
    status: [ChangeStatus!]
    includeDeleted: Boolean
    current: NumberComparison
    not: MeasureFilter
  }
  type Measure { code: String! }
  type MeasureConnection { totalCount: Int! }
  type Query {
    measures(filter: MeasureFilter, orderBy: [MeasureOrder!], first: Int! = 50, after: String): MeasureConnection!
  }
`);

const WITHOUT_ORDER = buildSchema(`
  input MeasureFilter { sdg: Int }
  type MeasureConnection { totalCount: Int! }
  type Query { measures(filter: MeasureFilter, first: Int! = 50, after: String): MeasureConnection! }
`);

const withOrder = connectionArguments(WITH_ORDER, 'measures');
const read = (query: string) => readExportParameters(new URLSearchParams(query), withOrder);

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ExportError);
    expect((error as ExportError).code).toBe('BAD_USER_INPUT');
    return (error as ExportError).message;
  }
  throw new Error('expected a refusal');
}

describe('export parameters', () => {
  it('turns flat parameters into the filter, typed by the schema (repeats for lists)', () => {
    expect(read('sdg=11&sdgs=11&sdgs=13&department=危機管理課&status=NEW&includeDeleted=true&header=en')).toEqual({
      variables: {
        filter: { sdg: 11, sdgs: [11, 13], department: '危機管理課', status: ['NEW'], includeDeleted: true },
      },
      header: 'en',
    });
    expect(read('')).toEqual({ variables: {}, header: 'ja' });
  });

  it('merges the JSON filter with flat keys and passes orderBy when the connection has it', () => {
    const filter = encodeURIComponent(JSON.stringify({ not: { sdg: 3 }, current: { gt: 10 } }));
    const orderBy = encodeURIComponent(JSON.stringify([{ field: 'NAME', direction: 'DESC' }]));
    expect(read(`filter=${filter}&sdg=11&orderBy=${orderBy}`).variables).toEqual({
      filter: { not: { sdg: 3 }, current: { gt: 10 }, sdg: 11 },
      orderBy: [{ field: 'NAME', direction: 'DESC' }],
    });
    expect(exportDocument(MEASURE_EXPORT, withOrder)).toContain(
      'query Export($filter: MeasureFilter, $orderBy: [MeasureOrder!], $first: Int!, $after: String)',
    );
    expect(exportDocument(MEASURE_EXPORT, withOrder)).toContain(
      'measures(filter: $filter, orderBy: $orderBy, first: $first, after: $after)',
    );
  });

  it('leaves orderBy out where the connection has none, and refuses it there as unknown', () => {
    const withoutOrder = connectionArguments(WITHOUT_ORDER, 'measures');
    expect(exportDocument(MEASURE_EXPORT, withoutOrder)).not.toContain('orderBy');
    expect(refusal(() => readExportParameters(new URLSearchParams('orderBy=[]'), withoutOrder))).toBe(
      'unknown parameter "orderBy"; /export/… takes filter, header, sdg',
    );
  });

  it('names each wrong value by its path', () => {
    expect(refusal(() => read('sdgs=11&sdgs=x'))).toBe('filter.sdgs[1]: Int cannot represent non-integer value: "x"');
    expect(refusal(() => read(`orderBy=${encodeURIComponent('[{"field":"COST"}]')}`))).toMatch(
      /^orderBy\[0\]\.field: Value "COST" does not exist in "MeasureOrderField" enum/,
    );
    expect(refusal(() => read(`filter=${encodeURIComponent('{"not":{"sdg":"x"}}')}`))).toBe(
      'filter.not.sdg: Int cannot represent non-integer value: "x"',
    );
  });

  it('refuses what a flat parameter cannot say, saying how to say it', () => {
    expect(refusal(() => read('sdg=1&sdg=2'))).toBe('sdg: given 2 times; it takes one value');
    expect(refusal(() => read('current=5'))).toBe(
      'current: takes an object; give it inside filter, e.g. filter={"current": {…}}',
    );
    expect(refusal(() => read('filter=[1]'))).toMatch(/^filter: must be a JSON object/);
    expect(refusal(() => read('header=fr'))).toBe('header: must be ja or en, got "fr"');
    expect(refusal(() => read('sdg=1&limit=5&offset=2'))).toMatch(/^unknown parameters "limit", "offset"; /);
  });
});
