import {
  DirectiveLocation,
  GraphQLDirective,
  GraphQLInt,
  GraphQLNonNull,
  Kind,
  getNullableType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLInputField,
  type GraphQLSchema,
} from 'graphql';
import { Directive } from 'type-graphql';

/**
 * The longest string each class of argument may be, in characters (UTF-16 code units, as GraphQL strings
 * are measured). Every String and ID argument and input field declares one of these (`@MaxChars`), and
 * the validation rule refuses a longer value before anything runs (src/platform/graphql/limits/).
 */
export const ARGUMENT_LENGTH = {
  /** Readable ids (`department:agricultural-committee-secretariat`, 45, is the longest of the graph). */
  id: 100,
  /** Codes (`5-2-d12`), grades (`A`), relationship types (`HAS_RELATED_PLAN`) and other short keys. */
  code: 20,
  /** A department by id, Japanese or English name, or English words (the longest English name has 47). */
  departmentRef: 100,
  /** Opaque page cursors: base64 of the order and up to four sort values (a name has at most 135 bytes). */
  cursor: 1000,
  /** A token's subject (`sub`): OpenID Connect allows 255 characters. */
  subject: 255,
  /** An ISO 8601 time (`2025-04-01T00:00:00.000+09:00` has 29). */
  time: 40,
  /** What to look for: search text and text filters. */
  searchText: 100,
  /** A recorded note or summary: a paragraph or two. */
  note: 2000,
  /** Why a record is retracted: a sentence or two. */
  reason: 500,
} as const;

/** The directive that carries an argument's or input field's maximum in the schema. */
export const MAX_LENGTH_DIRECTIVE = new GraphQLDirective({
  name: 'maxLength',
  description:
    'The longest string this argument or input field takes, in characters (each item of a list). A longer value is refused with BAD_USER_INPUT before the request runs.',
  locations: [DirectiveLocation.ARGUMENT_DEFINITION, DirectiveLocation.INPUT_FIELD_DEFINITION],
  args: { max: { type: new GraphQLNonNull(GraphQLInt), description: 'The most characters.' } },
});

/**
 * Declares the longest string a String or ID argument (`@Arg`, a field of an `@ArgsType`) or input field
 * takes; for a list, each item.
 */
export function MaxChars(max: number): PropertyDecorator & ParameterDecorator {
  return Directive(`@${MAX_LENGTH_DIRECTIVE.name}(max: ${max})`);
}

const declared = new WeakMap<GraphQLArgument | GraphQLInputField, number | null>();

/** The maximum an argument or input field declares with `@MaxChars`, or null when it declares none. */
export function declaredMaxLength(definition: GraphQLArgument | GraphQLInputField): number | null {
  let max = declared.get(definition);
  if (max === undefined) {
    max = readMaxLength(definition);
    declared.set(definition, max);
  }
  return max;
}

function readMaxLength(definition: GraphQLArgument | GraphQLInputField): number | null {
  const directive = definition.astNode?.directives?.find((d) => d.name.value === MAX_LENGTH_DIRECTIVE.name);
  const value = directive?.arguments?.find((a) => a.name.value === 'max')?.value;
  return value?.kind === Kind.INT ? Number(value.value) : null;
}

/**
 * Adds "At most N characters." to the description of every argument and input field that declares a maximum
 * (the printed schema does not show a directive where it is used, so the description says it). A description
 * that already states the maximum is left as written.
 */
export function describeMaxLengths(schema: GraphQLSchema): void {
  // An interface's field and its implementations' may share argument objects: each is described once.
  const described = new WeakSet<GraphQLArgument | GraphQLInputField>();
  const describe = (definition: GraphQLArgument | GraphQLInputField) => {
    const max = declaredMaxLength(definition);
    if (max === null || described.has(definition) || definition.description?.includes(`${max} characters`)) return;
    described.add(definition);
    const sentence = `At most ${max} characters${isListType(getNullableType(definition.type)) ? ' each' : ''}.`;
    definition.description = definition.description ? `${definition.description} ${sentence}` : sentence;
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) field.args.forEach(describe);
    } else if (isInputObjectType(type)) {
      Object.values(type.getFields()).forEach(describe);
    }
  }
}
