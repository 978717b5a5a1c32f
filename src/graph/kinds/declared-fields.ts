import { Field, Float, Int } from 'type-graphql';
import { FiscalYear } from '../fiscal-year.type';
import type { Node } from '../node.interface';
import { hasField, isNumberAttribute, type Attribute, type Attributes, type PlainType } from './attribute';
import { isNullableField, labelPropertyOf } from './declared-property';

/**
 * The GraphQL fields of a node type's declared attributes (attribute.ts): the object type's class takes the
 * decorator `@DeclaredFields(ATTRIBUTES)` and extends `declaredNode(Node, ATTRIBUTES)`, and its `from` takes
 * the values over with `storedAsIsOf` (plain texts, numbers and flags) and `assembledFields` (fiscal years,
 * enums, lists). Fields are added to the class's prototype as type-graphql's decorators would add them, so
 * the schema cannot tell them from written ones. An attribute declared `field: false` is stored only.
 */

/** The TypeScript value of an attribute's field, before nullability. */
type ValueOfType<T> = T extends 'FiscalYear'
  ? FiscalYear
  : T extends 'Int' | 'Float'
    ? number
    : T extends 'String'
      ? string
      : T extends 'Boolean'
        ? boolean
        : T extends 'String[]'
          ? string[]
          : T extends 'Int[]' | 'Float[]'
            ? number[]
            : T extends { readonly enum: infer E extends Readonly<Record<string, string>> }
              ? E[keyof E]
              : never;

type IsNullable<P extends Attribute> = P extends { readonly optional: true }
  ? true
  : P extends { readonly nullableField: true }
    ? true
    : false;

/** Whether the attribute is a field of its object type (not declared `field: false`). */
type IsField<P> = P extends { readonly field: false } ? false : true;

/** The values of the declared fields on a node type's object, for the TypeScript side of the class. */
export type DeclaredFieldValues<A extends Attributes> = {
  -readonly [K in keyof A & string as IsField<A[K]> extends true ? K : never]:
    ValueOfType<A[K]['type']> | (IsNullable<A[K]> extends true ? null : never);
};

/** What a field decorator is given as its type: a scalar, an enum object, or a list of either. */
type ReturnTypeFunc = () => object;

const PLAIN_GRAPHQL_TYPES: Readonly<Record<Exclude<PlainType, object>, ReturnTypeFunc>> = {
  String: () => String,
  Boolean: () => Boolean,
  'String[]': () => [String],
  'Int[]': () => [Int],
  'Float[]': () => [Float],
};

function graphqlTypeOf(attribute: Attribute): ReturnTypeFunc {
  const { type } = attribute;
  if (typeof type === 'object') return () => type.enum;
  if (type === 'FiscalYear') return () => FiscalYear;
  if (type === 'Int') return () => Int;
  if (type === 'Float') return () => Float;
  return PLAIN_GRAPHQL_TYPES[type];
}

function isNullable(attribute: Attribute): boolean {
  return isNumberAttribute(attribute) ? isNullableField(attribute) : attribute.optional === true;
}

/** A class decorator giving the object type one field per declared attribute that has one, with its description. */
export function DeclaredFields(attributes: Attributes): ClassDecorator {
  return (target) => {
    const prototype = target.prototype as object;
    for (const [name, attribute] of Object.entries(attributes)) {
      if (!hasField(attribute)) continue;
      Field(graphqlTypeOf(attribute), { description: attribute.description, nullable: isNullable(attribute) })(
        prototype,
        name,
      );
    }
  };
}

/** Whether a field's value is the stored value as it is: a text, number or flag (not a list, enum or fiscal year). */
function isStoredAsIs(attribute: Attribute): boolean {
  return hasField(attribute) && ['String', 'Boolean', 'Int', 'Float'].includes(attribute.type as string);
}

type AsIsType = 'String' | 'Boolean' | 'Int' | 'Float';

/** The declared fields the object takes over from the stored node as they are (`storedAsIs`). */
export function storedAsIsOf<const A extends Attributes>(
  attributes: A,
): readonly {
  [K in keyof A & string]: IsField<A[K]> extends true ? (A[K]['type'] extends AsIsType ? K : never) : never;
}[keyof A & string][] {
  return Object.keys(attributes).filter((name) => {
    const attribute = attributes[name];
    return attribute !== undefined && isStoredAsIs(attribute);
  }) as never[];
}

/**
 * The declared fields assembled from what is stored: a fiscal year as a FiscalYear object from its stored
 * label and year, an enum's value as the enum object names it, a list copied (GraphQL objects hold mutable
 * arrays).
 */
export function assembledFields(attributes: Attributes, stored: Readonly<Record<string, unknown>>): object {
  const fields: Record<string, unknown> = {};
  for (const [name, attribute] of Object.entries(attributes)) {
    if (!hasField(attribute) || isStoredAsIs(attribute)) continue;
    const { type } = attribute;
    const value = stored[name];
    if (type === 'FiscalYear') {
      const label = stored[labelPropertyOf(name)];
      fields[name] = typeof label === 'string' && typeof value === 'number' ? { label, year: value } : null;
    } else if (typeof type === 'object') {
      fields[name] = typeof value === 'string' ? type.enum[value] : null;
    } else if (Array.isArray(value)) {
      fields[name] = [...(value as unknown[])];
    }
  }
  return fields;
}

/**
 * `Node` as the base of a node type whose class carries the declared fields, typed with them: the class
 * `extends declaredNode(Node, ATTRIBUTES)` and takes `@DeclaredFields(ATTRIBUTES)`. The same class at run time,
 * so type-graphql sees the prototype chain it always saw.
 */
export function declaredNode<A extends Attributes>(base: typeof Node, attributes: A): DeclaredNodeClass<A> {
  void attributes;
  return base as DeclaredNodeClass<A>;
}
type DeclaredNodeClass<A extends Attributes> = abstract new () => Node & DeclaredFieldValues<A>;
