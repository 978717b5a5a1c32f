import {
  getNamedType,
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
 * One argument a client can send a variable into, and the operation that sends it: a variable of the
 * argument's name declared with the argument's type, nullable where the argument has a default (as Relay apps
 * declare `count: Int` for `first: Int! = 50`, valid by GraphQL's rules because of that default), placed in
 * the argument. The field's other required arguments get variables of their own with a value of their type.
 */
export interface ArgumentTarget {
  /** `Type.field(argument)`, for a failure's message. */
  readonly name: string;
  readonly argument: string;
  /** The variable's declared type, as the operation spells it. */
  readonly variableType: string;
  readonly query: string;
  /** The values of the other required arguments' variables, by the argument's name. */
  readonly others: Readonly<Record<string, unknown>>;
}

/**
 * Every argument of every root Query field and every argument of every connection field below the root,
 * derived from the schema (none listed by hand). A connection is what the Relay specification calls one: an
 * object type with `pageInfo`. Each connection field is reached by the shortest selection from Query through
 * fields a client may select without arguments of its own, through inline fragments below abstract types.
 */
export function argumentTargets(schema: GraphQLSchema): ArgumentTarget[] {
  const query = schema.getQueryType();
  if (!query) throw new Error('the schema has no Query type');
  const targets: ArgumentTarget[] = [];
  for (const field of Object.values(query.getFields())) {
    for (const argument of field.args) targets.push(target(query, field, argument, (inner) => inner));
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
      for (const argument of field.args) targets.push(target(type, field, argument, wrap));
    }
  }
  return targets;
}

/** Wraps a selection on a type into the selection from Query that reaches it. */
type Wrap = (inner: string) => string;

function target(
  type: GraphQLObjectType,
  field: GraphQLField<unknown, unknown>,
  argument: GraphQLArgument,
  wrap: Wrap,
): ArgumentTarget {
  const variableType =
    argument.defaultValue !== undefined && isNonNullType(argument.type) ? argument.type.ofType : argument.type;
  const others = field.args.filter(
    (other) => other !== argument && isNonNullType(other.type) && other.defaultValue === undefined,
  );
  const sent = [argument, ...others];
  const declarations = sent.map((each) => `$${each.name}: ${String(each === argument ? variableType : each.type)}`);
  const selection = `${field.name}(${sent.map((each) => `${each.name}: $${each.name}`).join(', ')}) ${leafSelection(field)}`;
  return {
    name: `${type.name}.${field.name}(${argument.name})`,
    argument: argument.name,
    variableType: String(variableType),
    query: `query Probe(${declarations.join(', ')}) { ${wrap(selection)} }`,
    others: Object.fromEntries(others.map((other) => [other.name, valueOfType(other.type)])),
  };
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
