import {
  GraphQLID,
  GraphQLString,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLInputField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import { declaredMaxLength } from '../../../../src/core/argument-length';
import { QUOTED_PREFIX_CHARACTERS } from '../../../../src/core/quoted-input';
import type { StatementObserver } from '../../../../src/db/statement-observer';
import { graphSchema } from '../../../../src/schema';
import { openTestDatabase, type TestDatabase } from '../../../helpers/test-database';
import { startTestServer, type GraphQLResponse, type TestServer } from '../../../helpers/test-server';

/**
 * Every String and ID argument and input field of the schema, reached from the root as a client would reach
 * it, is sent a string one character longer than it declares and one of 40,000 characters, as a variable and
 * (the shorter) as a literal. Each is refused with BAD_USER_INPUT naming the argument and its maximum, quoting
 * only the value's beginning, before any database statement runs (the service's statements are counted).
 */
const HOSTILE_LENGTH = 40_000;

/**
 * The service's own reads on a timer, whichever request happens to come when they are due (the data version
 * re-read after its recheck interval, and the list sizes the cost limit reads for a new version): not the work
 * of a request, so not counted.
 */
const HOUSEKEEPING: ReadonlySet<string> = new Set(['load/read-seed-info', 'service/list-size-statistics']);

/** A String or ID argument or input field, and how to reach it: the argument, then input fields below it. */
interface StringPosition {
  /** `Query.department(ref:)` or `MeasureFilter.department`. */
  readonly coordinate: string;
  readonly definition: GraphQLArgument | GraphQLInputField;
  readonly root: 'query' | 'mutation';
  /** The selection around the field: `node(id: "x") { ... on Department { ⟨field⟩ } }`. */
  readonly around: (field: string) => string;
  readonly fieldName: string;
  readonly field: { readonly args: readonly GraphQLArgument[]; readonly type: GraphQLOutputType };
  readonly argument: GraphQLArgument;
  /** Input fields from the argument down to the position (empty when the argument is the position). */
  readonly fields: readonly GraphQLInputField[];
}

describe('argument lengths', () => {
  let db: TestDatabase;
  let server: TestServer;
  let schema: GraphQLSchema;
  let positions: StringPosition[];
  let statements = 0;
  const counting: StatementObserver = {
    started: ({ name }) => {
      if (!HOUSEKEEPING.has(name)) statements += 1;
      return () => undefined;
    },
  };

  beforeAll(async () => {
    db = openTestDatabase();
    server = await startTestServer(db.gateway.observing(counting));
    schema = await graphSchema();
    positions = stringPositions(schema);
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    await db.close();
  });

  it('finds the String and ID arguments of queries and mutations, root and nested', () => {
    const coordinates = positions.map((p) => p.coordinate);
    expect(coordinates).toEqual(
      expect.arrayContaining([
        'Query.department(ref:)',
        'Query.indicators(after:)',
        'Department.measuresConnection(after:)',
        'MeasureFilter.department',
        'RecordSheetEvaluationInput.summary',
        'Mutation.retractRecord(reason:)',
      ]),
    );
  });

  it('declares a maximum for every String and ID argument and input field', () => {
    const undeclared = positions.filter((p) => declaredMaxLength(p.definition) === null).map((p) => p.coordinate);
    expect(undeclared).toEqual([]);
  });

  it('refuses a value one longer than the maximum and one of 40,000 characters, before any statement', async () => {
    const before = statements;
    const refusals: { coordinate: string; how: string; code: unknown; maxLength: unknown; bytes: number }[] = [];
    for (const position of positions) {
      const max = declaredMaxLength(position.definition) ?? 0;
      for (const length of [max + 1, HOSTILE_LENGTH]) {
        const text = 'あ'.repeat(length);
        const asVariable = await send(server, position, text, 'variable');
        refusals.push(summary(position, `variable of ${length}`, asVariable));
        if (length === max + 1)
          refusals.push(summary(position, `literal of ${length}`, await send(server, position, text, 'literal')));
      }
    }
    expect(refusals.filter((r) => r.code !== 'BAD_USER_INPUT' || r.maxLength !== declaredMax(r.coordinate))).toEqual(
      [],
    );
    // The answer quotes a short prefix only: a 40,000-character value makes no long answer.
    expect(refusals.filter((r) => r.bytes > 1_000)).toEqual([]);
    expect(statements - before).toBe(0);
  });

  it('names the argument and its maximum, and quotes only the beginning of the value', async () => {
    const response = await server.query('query ($s: String!) { department(ref: $s) { id } }', {
      s: 'x'.repeat(HOSTILE_LENGTH),
    });
    expect(response.status).toBe(400);
    const error = response.errors?.[0];
    expect(error?.message).toBe(
      `ref (variable $s) takes at most 100 characters; got ${HOSTILE_LENGTH}: "${'x'.repeat(QUOTED_PREFIX_CHARACTERS)}…".`,
    );
    expect(error?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'ref',
      variable: 's',
      maxLength: 100,
      length: HOSTILE_LENGTH,
    });
  });

  it('takes a value of exactly the maximum', async () => {
    const response = await server.query<{ department: { id: string } }>(
      'query ($s: String!) { department(ref: $s) { id } }',
      { s: `citizen activity division${' '.repeat(75)}` },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.department.id).toBe('department:citizen-activity-promotion');
  });

  it('checks a variable given by its default, and strings nested in lists of filters', async () => {
    const byDefault = await server.query(`query ($s: String = "${'y'.repeat(101)}") { department(ref: $s) { id } }`);
    expect(byDefault.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'ref',
      maxLength: 100,
    });
    const nested = await server.query('query ($f: MeasureFilter) { measures(filter: $f) { totalCount } }', {
      f: { or: [{ sdg: 1 }, { departments: ['x', 'z'.repeat(101)] }] },
    });
    expect(nested.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'filter.or.departments',
      maxLength: 100,
    });
  });

  function declaredMax(coordinate: string): number | null {
    const position = positions.find((p) => p.coordinate === coordinate);
    return position === undefined ? null : declaredMaxLength(position.definition);
  }
});

function summary(position: StringPosition, how: string, response: GraphQLResponse) {
  return {
    coordinate: position.coordinate,
    how,
    code: response.errors?.[0]?.extensions?.code,
    maxLength: response.errors?.[0]?.extensions?.maxLength,
    bytes: JSON.stringify(response.errors ?? []).length,
  };
}

/** Sends `text` at the position, as a variable for the argument (nested in JSON) or written in the document. */
function send(server: TestServer, position: StringPosition, text: string, how: 'variable' | 'literal') {
  const { argument, field, fieldName, fields } = position;
  const others = field.args
    .filter((a) => a !== argument && isRequired(a))
    .map((a) => `${a.name}: ${placeholder(a.type)}`);
  const value = how === 'variable' ? '$v' : literalAt(argument.type, fields, text);
  const args = [...others, `${argument.name}: ${value}`].join(', ');
  const variables = how === 'variable' ? `($v: ${String(argument.type)})` : '';
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  const query = `${position.root} ${variables} { ${position.around(`${fieldName}(${args})${selection}`)} }`;
  return server.query(query, how === 'variable' ? { v: jsonAt(argument.type, fields, text) } : {});
}

/** The JSON value of a variable of `type` holding `text` at the end of `fields`. */
function jsonAt(type: GraphQLInputType, fields: readonly GraphQLInputField[], text: string): unknown {
  const nullable = getNullableType(type);
  if (isListType(nullable)) return [jsonAt(nullable.ofType, fields, text)];
  const [next, ...rest] = fields;
  return next === undefined ? text : { [next.name]: jsonAt(next.type, rest, text) };
}

/** The same as a literal, with the input objects' other required fields given placeholders. */
function literalAt(type: GraphQLInputType, fields: readonly GraphQLInputField[], text: string): string {
  const nullable = getNullableType(type);
  if (isListType(nullable)) return `[${literalAt(nullable.ofType, fields, text)}]`;
  const [next, ...rest] = fields;
  if (next === undefined) return JSON.stringify(text);
  const object = getNamedType(type);
  const siblings = isInputObjectType(object)
    ? Object.values(object.getFields()).filter((f) => f !== next && isRequired(f))
    : [];
  return `{ ${[...siblings.map((f) => `${f.name}: ${placeholder(f.type)}`), `${next.name}: ${literalAt(next.type, rest, text)}`].join(', ')} }`;
}

function isRequired(definition: GraphQLArgument | GraphQLInputField): boolean {
  return isNonNullType(definition.type) && definition.defaultValue === undefined;
}

/** A valid literal of any input type (the request is refused before it would be used). */
function placeholder(type: GraphQLInputType): string {
  const nullable = getNullableType(type);
  if (isListType(nullable)) return `[${placeholder(nullable.ofType)}]`;
  if (isEnumType(nullable)) return nullable.getValues()[0]?.name ?? '';
  if (isInputObjectType(nullable)) {
    const required = Object.values(nullable.getFields()).filter(isRequired);
    return `{ ${required.map((f) => `${f.name}: ${placeholder(f.type)}`).join(', ')} }`;
  }
  if (nullable === GraphQLString || nullable === GraphQLID) return '"x"';
  return nullable.name === 'Boolean' ? 'true' : '2024';
}

/** Every String and ID argument and input field, each once, with the first way found to reach it. */
function stringPositions(schema: GraphQLSchema): StringPosition[] {
  const found = new Map<string, StringPosition>();
  for (const [root, type] of [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const) {
    if (!type) continue;
    for (const [host, around] of reachable(schema, type)) {
      for (const field of Object.values(host.getFields())) {
        for (const argument of field.args) {
          const base = { root, around, fieldName: field.name, field, argument };
          const named = getNamedType(argument.type);
          if (named === GraphQLString || named === GraphQLID) {
            const coordinate = `${host.name}.${field.name}(${argument.name}:)`;
            if (!found.has(coordinate))
              found.set(coordinate, { ...base, coordinate, definition: argument, fields: [] });
          }
          if (isInputObjectType(named)) {
            for (const [definition, fields] of inputStrings(named, [], new Set())) {
              const parent = fields.at(-2);
              const coordinate = `${parent === undefined ? named.name : getNamedType(parent.type).name}.${definition.name}`;
              if (!found.has(coordinate)) found.set(coordinate, { ...base, coordinate, definition, fields });
            }
          }
        }
      }
    }
  }
  return [...found.values()];
}

/** The String and ID fields below an input object, each with the input fields leading to it. */
function inputStrings(
  type: GraphQLNamedType,
  path: readonly GraphQLInputField[],
  seen: ReadonlySet<string>,
): [GraphQLInputField, GraphQLInputField[]][] {
  if (!isInputObjectType(type) || seen.has(type.name)) return [];
  const inside = new Set([...seen, type.name]);
  return Object.values(type.getFields()).flatMap((field): [GraphQLInputField, GraphQLInputField[]][] => {
    const named = getNamedType(field.type);
    if (named === GraphQLString || named === GraphQLID) return [[field, [...path, field]]];
    return inputStrings(named, [...path, field], inside);
  });
}

/** The object types reachable from a root, each with the selection that reaches it (placeholders for arguments). */
function reachable(schema: GraphQLSchema, root: GraphQLObjectType): Map<GraphQLObjectType, (inner: string) => string> {
  const ways = new Map<GraphQLObjectType, (inner: string) => string>([[root, (inner) => inner]]);
  const queue: GraphQLObjectType[] = [root];
  for (let type = queue.shift(); type !== undefined; type = queue.shift()) {
    const around = ways.get(type) ?? ((inner: string) => inner);
    for (const field of Object.values(type.getFields())) {
      const named = getNamedType(field.type);
      const required = field.args.filter(isRequired).map((a) => `${a.name}: ${placeholder(a.type)}`);
      const call = `${field.name}${required.length > 0 ? `(${required.join(', ')})` : ''}`;
      const targets: GraphQLObjectType[] =
        isInterfaceType(named) || isUnionType(named)
          ? [...schema.getPossibleTypes(named)]
          : isObjectType(named)
            ? [named]
            : [];
      for (const target of targets) {
        if (ways.has(target)) continue;
        const spread =
          target === named ? (inner: string) => inner : (inner: string) => `... on ${target.name} { ${inner} }`;
        ways.set(target, (inner) => around(`${call} { ${spread(inner)} }`));
        queue.push(target);
      }
    }
  }
  return ways;
}
