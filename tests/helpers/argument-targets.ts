import {
  astFromValue,
  getNamedType,
  getNullableType,
  print,
  type GraphQLInputObjectType,
  type ValueNode,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';

/**
 * One place a client can send a variable into, and the operation that sends it: an argument, or a field of an
 * argument's input object (`orderBy: [{ field: CODE, direction: $orderBy_direction }]`), at any depth. The
 * variable is declared with the place's type, nullable where the place has a default (as Relay apps declare
 * `count: Int` for `first: Int! = 50`, valid by GraphQL's rules because of that default). The field's other
 * required arguments get variables of their own, and the input objects' other required fields literals, each
 * a value of its type.
 */
export interface ArgumentTarget {
  /** `Type.field(argument)` or `Type.field(argument.inputField)`, for a failure's message. */
  readonly name: string;
  /** The argument and the input fields down to the place: what an error about the value names. */
  readonly names: readonly string[];
  readonly variable: string;
  /** The variable's declared type, as the operation spells it. */
  readonly variableType: string;
  readonly query: string;
  /** The values of the other required arguments' variables, by the argument's name. */
  readonly others: Readonly<Record<string, unknown>>;
}

/**
 * Every argument of every root Query field and every argument of every connection field below the root, and
 * every field of their input objects, derived from the schema (none listed by hand). A connection is what the
 * Relay specification calls one: an object type with `pageInfo`. Each connection field is reached by the
 * shortest selection from Query through fields a client may select without arguments of its own, through
 * inline fragments below abstract types.
 */
export function argumentTargets(schema: GraphQLSchema): ArgumentTarget[] {
  const query = schema.getQueryType();
  if (!query) throw new Error('the schema has no Query type');
  const targets: ArgumentTarget[] = [];
  for (const field of Object.values(query.getFields())) {
    for (const argument of field.args) targets.push(...targetsOf(query, field, argument, (inner) => inner));
  }
  const reached = shortestSelections(schema, query);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type === query || type.name.startsWith('__')) continue;
    const connections = Object.values(type.getFields()).filter((field) => isConnection(getNamedType(field.type)));
    if (connections.length === 0) continue;
    const wrap = reached.get(type);
    // A connection no selection reaches would go untested without a word: say so instead.
    if (!wrap) throw new Error(`${type.name} has connections but no selection from Query reaches it`);
    for (const field of connections) {
      for (const argument of field.args) targets.push(...targetsOf(type, field, argument, wrap));
    }
  }
  return targets;
}

/** Wraps a selection on a type into the selection from Query that reaches it. */
type Wrap = (inner: string) => string;

/** A place for the variable: its path of names, its type and default, and the literal around it. */
interface Place {
  readonly names: readonly string[];
  readonly type: GraphQLInputType;
  readonly hasDefault: boolean;
  /** The argument's value with `variable` at the place. */
  readonly literal: (variable: string) => string;
  /** The input objects on the way, so a type that contains itself is walked once. */
  readonly through: ReadonlySet<GraphQLInputObjectType>;
}

function targetsOf(
  type: GraphQLObjectType,
  field: GraphQLField<unknown, unknown>,
  argument: GraphQLArgument,
  wrap: Wrap,
): ArgumentTarget[] {
  const others = field.args.filter(
    (other) => other !== argument && isNonNullType(other.type) && other.defaultValue === undefined,
  );
  const targets: ArgumentTarget[] = [];
  const visit = (place: Place): void => {
    const variable = place.names.join('_');
    const variableType = place.hasDefault && isNonNullType(place.type) ? place.type.ofType : place.type;
    const declarations = [
      `$${variable}: ${String(variableType)}`,
      ...others.map((other) => `$${other.name}: ${String(other.type)}`),
    ];
    const argumentsText = [
      `${argument.name}: ${place.literal(`$${variable}`)}`,
      ...others.map((other) => `${other.name}: $${other.name}`),
    ];
    targets.push({
      name: `${type.name}.${field.name}(${place.names.join('.')})`,
      names: place.names,
      variable,
      variableType: String(variableType),
      query: `query Probe(${declarations.join(', ')}) { ${wrap(`${field.name}(${argumentsText.join(', ')}) ${leafSelection(field)}`)} }`,
      others: Object.fromEntries(others.map((other) => [other.name, valueOfType(other.type)])),
    });
    for (const inner of fieldsBelow(place)) visit(inner);
  };
  visit({
    names: [argument.name],
    type: argument.type,
    hasDefault: argument.defaultValue !== undefined,
    literal: (variable) => variable,
    through: new Set(),
  });
  return targets;
}

/** The places one input object further down: each field of the place's input object (in a list, its item's). */
function fieldsBelow(place: Place): Place[] {
  const unwrapped = isNonNullType(place.type) ? place.type.ofType : place.type;
  const inList = isListType(unwrapped);
  const item = inList ? getNullableType(unwrapped.ofType) : unwrapped;
  if (!isInputObjectType(item) || place.through.has(item)) return [];
  const fields = Object.values(item.getFields());
  return fields.map((inputField) => ({
    names: [...place.names, inputField.name],
    type: inputField.type,
    hasDefault: inputField.defaultValue !== undefined,
    through: new Set([...place.through, item]),
    literal: (variable: string) => {
      const siblings = fields
        .filter((f) => f !== inputField && isNonNullType(f.type) && f.defaultValue === undefined)
        .map((f) => `${f.name}: ${print(astFromValueOrThrow(valueOfType(f.type), f.type))}`);
      const object = `{ ${[`${inputField.name}: ${variable}`, ...siblings].join(', ')} }`;
      return place.literal(inList ? `[${object}]` : object);
    },
  }));
}

function astFromValueOrThrow(value: unknown, type: GraphQLInputType): ValueNode {
  const ast = astFromValue(value, type);
  if (!ast) throw new Error(`no literal of ${String(type)} for ${JSON.stringify(value)}`);
  return ast;
}

/** A value of an input type as a variable holds it: the first enum value, an empty list, 1, true or "1". */
function valueOfType(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return valueOfType(type.ofType);
  if (isListType(type)) return [];
  if (isEnumType(type)) return type.getValues()[0]?.name;
  if (isInputObjectType(type)) {
    const required = Object.values(type.getFields()).filter(
      (f) => isNonNullType(f.type) && f.defaultValue === undefined,
    );
    return Object.fromEntries(required.map((f) => [f.name, valueOfType(f.type)]));
  }
  if (type.name === 'Int' || type.name === 'Float') return 1;
  if (type.name === 'Boolean') return true;
  return '1';
}

/** The smallest valid selection below a field: none on a leaf, `__typename` on anything composite. */
function leafSelection(field: GraphQLField<unknown, unknown>): string {
  return isObjectType(getNamedType(field.type)) || isAbstractType(getNamedType(field.type)) ? '{ __typename }' : '';
}

function isConnection(type: unknown): boolean {
  return isObjectType(type) && 'pageInfo' in type.getFields();
}

/**
 * Breadth first from Query: each object type and the selection reaching it by the fewest fields, each field
 * selectable without arguments (none required, or every required one has a default).
 */
function shortestSelections(schema: GraphQLSchema, query: GraphQLObjectType): Map<GraphQLObjectType, Wrap> {
  const reached = new Map<GraphQLObjectType, Wrap>([[query, (inner) => inner]]);
  const queue: GraphQLObjectType[] = [query];
  for (let type = queue.shift(); type; type = queue.shift()) {
    const wrapType = reached.get(type) ?? ((inner: string) => inner);
    for (const field of Object.values(type.getFields())) {
      if (field.args.some((argument) => isNonNullType(argument.type) && argument.defaultValue === undefined)) continue;
      const named = getNamedType(field.type);
      const below: [GraphQLObjectType, Wrap][] = isObjectType(named)
        ? [[named, (inner) => wrapType(`${field.name} { ${inner} }`)]]
        : isAbstractType(named)
          ? schema
              .getPossibleTypes(named)
              .map((possible) => [
                possible,
                (inner) => wrapType(`${field.name} { ... on ${possible.name} { ${inner} } }`),
              ])
          : [];
      for (const [next, wrap] of below) {
        if (reached.has(next)) continue;
        reached.set(next, wrap);
        queue.push(next);
      }
    }
  }
  return reached;
}
