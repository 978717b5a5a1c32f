import fc from 'fast-check';
import {
  getNamedType,
  isAbstractType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLAbstractType,
  type GraphQLArgument,
  type GraphQLCompositeType,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';

/** fast-check's imperative generator (`fc.gen()`): draws values inside a property, with shrinking. */
type Draw = fc.GeneratorValue;

/** A request body for POST /graphql: a random operation, its variables, and whether it is well-formed text. */
export interface FuzzRequest {
  readonly query: string;
  readonly variables: Record<string, unknown>;
}

/** Strings that mean something to this graph, so random operations reach real data as well as misses. */
const MEANINGFUL_STRINGS = [
  'measure:5-1-1',
  'department:crisis-management',
  'sdg:17',
  'policy-item:5-3',
  'reform-sheet:1-8',
  'linkage-plan:3',
  '5-1-3',
  '5-3',
  '1-8',
  '危機管理課',
  '市民活動推進課',
  'citizen activity division',
  'division',
  '防災',
  'ICT',
  'ＩＣＴ',
  '',
  '   ',
  'x'.repeat(300),
  "'; MATCH (n) DETACH DELETE n //",
  '") { id } } mutation { x(',
  '$(type)',
];

/** Literals of some other type than expected (and an undeclared variable). */
const WRONG_VALUES = ['"text"', '42', '-1', '3.5', 'true', 'null', 'BOGUS', '[1, 2]', '{ x: 1 }', '$undefined'];

/**
 * Random operations built from the schema: random root fields and sub-fields, arguments of the right type
 * and (one time in eight) of a wrong one, aliases, named and inline fragments, variables with values of any
 * type, and nesting up to 12 levels (past the depth limit on purpose).
 */
export function schemaOperation(schema: GraphQLSchema): fc.Arbitrary<FuzzRequest> {
  return fc.gen().map((draw) => new OperationBuilder(schema, draw).build());
}

/** Garbage: arbitrary text, valid operations cut or spliced with noise, and oddly shaped bodies. */
export function garbageBody(schema: GraphQLSchema): fc.Arbitrary<unknown> {
  const text = fc.string({ unit: 'grapheme', maxLength: 200 });
  const cut = fc.tuple(schemaOperation(schema), fc.nat(), text).map(([request, at, noise]) => ({
    query: request.query.slice(0, at % (request.query.length + 1)) + noise,
    variables: request.variables,
  }));
  const shapes = fc.constantFrom<unknown>(
    { query: 5 },
    { query: null },
    { query: '{ sdg(number: 17) { number } }', variables: 'not an object' },
    { query: '{ sdg(number: 17) { number } }', operationName: 7 },
    { query: '{ sdg(number: 17) { number } }', extensions: { persistedQuery: { version: 1, sha256Hash: 'x' } } },
    { extensions: { persistedQuery: { version: 9 } } },
    [{ query: '{ sdgs { number } }' }, { query: '{ fields { number } }' }],
    {},
    'plain text body',
  );
  return fc.oneof(
    text.map((query) => ({ query })),
    cut,
    shapes,
  );
}

/**
 * Requests whose mistake is in choosing the operation, each once a 500 (issue 40): a random operation beside
 * another with no operationName, or an operationName naming none of them; and subscriptions whose root field
 * depends on a variable (`@include`/`@skip` with `$v`), with the variable sent, missing or of a wrong type.
 */
export function operationChoiceBody(schema: GraphQLSchema): fc.Arbitrary<Record<string, unknown>> {
  const several = fc
    .tuple(schemaOperation(schema), fc.constantFrom<string | undefined>(undefined, 'Nowhere', 'Fuzz', 'Other', ''))
    .map(([request, operationName]) => ({
      query: `${request.query}\nquery Other { __typename }`,
      variables: request.variables,
      ...(operationName === undefined ? {} : { operationName }),
    }));
  const misnamed = fc
    .tuple(schemaOperation(schema), fc.constantFrom('Fuzzy', 'fuzz', 'Other'))
    .map(([request, operationName]) => ({ ...request, operationName }));
  const rootVariable = fc
    .record({
      directive: fc.constantFrom('include', 'skip'),
      variables: fc.constantFrom<unknown>(undefined, { v: true }, { v: false }, { v: 'yes' }, {}),
      beside: fc.constantFrom('', ' query Q { __typename }', ' subscription Other { dataVersionChanged { version } }'),
      operationName: fc.constantFrom<string | undefined>(undefined, 'Live', 'Q'),
    })
    .map(({ directive, variables, beside, operationName }) => ({
      query: `subscription Live($v: Boolean!) { dataVersionChanged @${directive}(if: $v) { version } }${beside}`,
      ...(variables === undefined ? {} : { variables }),
      ...(operationName === undefined ? {} : { operationName }),
    }));
  return fc.oneof(several, misnamed, rootVariable);
}

class OperationBuilder {
  private readonly fragments: string[] = [];
  private readonly variableDefinitions: string[] = [];
  private readonly variables: Record<string, unknown> = {};
  private readonly maxDepth: number;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly draw: Draw,
  ) {
    this.maxDepth = draw(fc.integer, { min: 1, max: 12 });
  }

  build(): FuzzRequest {
    const root = this.schema.getQueryType();
    if (!root) throw new Error('the schema has no Query type');
    const selection = this.selection(root, 1);
    const variables = this.variableDefinitions.length ? `(${this.variableDefinitions.join(', ')})` : '';
    return { query: [`query Fuzz${variables} ${selection}`, ...this.fragments].join('\n'), variables: this.variables };
  }

  private selection(type: GraphQLCompositeType, depth: number): string {
    if (depth > this.maxDepth) return '{ __typename }';
    const parts: string[] = [];
    const count = this.draw(fc.integer, { min: 1, max: depth === 1 ? 3 : 4 });
    for (let i = 0; i < count; i++) {
      const kind = this.draw(fc.nat, { max: 11 });
      if (kind === 0) parts.push(this.namedFragment(type, depth));
      else if (kind === 1 && isAbstractType(type)) parts.push(this.inlineFragment(type, depth));
      else parts.push(this.field(type, depth, i));
    }
    return `{ ${parts.join(' ')} }`;
  }

  private field(type: GraphQLCompositeType, depth: number, index: number): string {
    if (!('getFields' in type)) return '__typename';
    const fields = Object.values(type.getFields());
    const field = fields[this.draw(fc.nat, { max: fields.length - 1 })];
    if (!field) return '__typename';
    const alias = this.draw(fc.nat, { max: 4 }) === 0 ? `a${depth}_${index}: ` : '';
    const args = field.args
      .filter((arg) => isNonNullType(arg.type) || this.draw(fc.boolean))
      .map((arg) => `${arg.name}: ${this.argument(arg)}`);
    const argumentText = args.length ? `(${args.join(', ')})` : '';
    const named = getNamedType(field.type);
    const selection = isCompositeType(named) ? ` ${this.selection(named, depth + 1)}` : '';
    return `${alias}${field.name}${argumentText}${selection}`;
  }

  private namedFragment(type: GraphQLCompositeType, depth: number): string {
    const name = `F${this.fragments.length}`;
    this.fragments.push(''); // reserve the name before the body (which may add fragments of its own)
    const index = this.fragments.length - 1;
    this.fragments[index] = `fragment ${name} on ${type.name} ${this.selection(type, depth)}`;
    const times = this.draw(fc.integer, { min: 1, max: 2 });
    return Array.from({ length: times }, () => `...${name}`).join(' ');
  }

  private inlineFragment(type: GraphQLAbstractType, depth: number): string {
    const possible = this.schema.getPossibleTypes(type);
    const target = possible[this.draw(fc.nat, { max: Math.max(0, possible.length - 1) })] ?? type;
    return `... on ${target.name} ${this.selection(target, depth)}`;
  }

  private argument(arg: GraphQLArgument): string {
    const named = getNamedType(arg.type);
    if (isScalarType(named) && named.name === 'Int' && this.draw(fc.nat, { max: 5 }) === 0) {
      const name = `v${this.variableDefinitions.length}`;
      this.variableDefinitions.push(`$${name}: Int`);
      this.variables[name] = this.draw(() =>
        fc.oneof(fc.integer({ min: -10, max: 300 }), fc.constantFrom<unknown>('12', null, 1.5, 2 ** 40, [1], {})),
      );
      return `$${name}`;
    }
    return this.value(arg.type, 0);
  }

  /** A literal of `type`; one time in eight (and always past nesting 3) something of another type. */
  private value(type: GraphQLInputType, nesting: number): string {
    if (this.draw(fc.nat, { max: 7 }) === 0 || nesting > 3) return this.wrongValue();
    if (isNonNullType(type)) return this.value(type.ofType, nesting);
    if (isListType(type)) {
      const items = this.draw(fc.integer, { min: 0, max: 3 });
      return `[${Array.from({ length: items }, () => this.value(type.ofType, nesting + 1)).join(', ')}]`;
    }
    if (isEnumType(type)) {
      const values = type.getValues();
      return values[this.draw(fc.nat, { max: values.length - 1 })]?.name ?? 'NONE';
    }
    if (isInputObjectType(type)) {
      const fields = Object.values(type.getFields()).filter(() => this.draw(fc.boolean));
      return `{ ${fields.map((f) => `${f.name}: ${this.value(f.type, nesting + 1)}`).join(', ')} }`;
    }
    if (isLeafType(type)) return this.scalar(type.name);
    return this.wrongValue();
  }

  private scalar(name: string): string {
    switch (name) {
      case 'Int':
        return String(this.draw(fc.integer, { min: -3, max: 120 }));
      case 'Float':
        return String(this.draw(fc.double, { noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }));
      case 'Boolean':
        return String(this.draw(fc.boolean));
      default: {
        const meaningful = this.draw(fc.boolean);
        const text = meaningful
          ? (MEANINGFUL_STRINGS[this.draw(fc.nat, { max: MEANINGFUL_STRINGS.length - 1 })] ?? '')
          : this.draw(fc.string, { maxLength: 40 });
        return JSON.stringify(text);
      }
    }
  }

  private wrongValue(): string {
    return this.draw(() => fc.constantFrom(...WRONG_VALUES));
  }
}

/**
 * JSON bodies whose variables (or extensions) nest lists and objects 1 to 20,000 levels deep around a value of
 * any type, for operations using the variable where an Int, a list or an input object belongs: shallow ones
 * reach GraphQL's own checks, deep ones (5,000 levels of `[` once overflowed the response cache's key: HTTP
 * 500) must be refused 400 before any work. Built as text: JSON.stringify would overflow on them here too.
 */
export function deepVariablesBody(): fc.Arbitrary<string> {
  const nested = fc
    .tuple(
      fc.integer({ min: 1, max: 20_000 }),
      fc.constantFrom<'list' | 'object' | 'mixed'>('list', 'object', 'mixed'),
      fc.constantFrom('1', '"x"', 'null', 'true', '{}', '[]'),
    )
    .map(([levels, shape, leaf]) => {
      const asList = (level: number) => shape === 'list' || (shape === 'mixed' && level % 2 === 0);
      const levelsList = Array.from({ length: levels }, (_, level) => asList(level));
      const opening = levelsList.map((list) => (list ? '[' : '{"deeper":')).join('');
      const closing = levelsList
        .reverse()
        .map((list) => (list ? ']' : '}'))
        .join('');
      return `${opening}${leaf}${closing}`;
    });
  const operations = [
    'query Deep($v: Int!) { sdg(number: $v) { number } }',
    'query Deep($v: MeasureFilter) { measures(first: 3, filter: $v) { totalCount } }',
    'query Deep($v: [MeasureOrder!]) { measures(first: 3, orderBy: $v) { totalCount } }',
  ];
  return fc
    .tuple(fc.constantFrom(...operations), nested, fc.boolean())
    .map(([query, value, inExtensions]) =>
      inExtensions
        ? `{"query":${JSON.stringify(query)},"variables":{"v":17},"extensions":{"deep":${value}}}`
        : `{"query":${JSON.stringify(query)},"variables":{"v":${value}}}`,
    );
}
