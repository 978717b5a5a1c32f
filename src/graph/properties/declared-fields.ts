import { Field, Float, Int } from 'type-graphql';
import { FiscalYear } from '../fiscal-year.type';
import type { Node } from '../node.interface';
import { isNullableField, labelPropertyOf, type Declaration, type DeclaredProperty } from './declared-property';

/**
 * The GraphQL fields of a node type's declared properties (declared-property.ts): the object type's class
 * takes the decorator `@DeclaredFields(DECLARATION)`, and its `from` takes the values over with `storedAsIs`
 * (plain numbers) and `assembledFields` (fiscal years). Fields are added to the class's prototype as
 * type-graphql's decorators would add them, so the schema cannot tell them from written ones.
 */

/** The values of the declared fields on a node type's object, for the TypeScript side of the class. */
export type DeclaredFieldValues<D extends Declaration> = {
  -readonly [K in keyof D & string]: D[K]['type'] extends 'FiscalYear'
    ? FiscalYear | (IsNullable<D[K]> extends true ? null : never)
    : number | (IsNullable<D[K]> extends true ? null : never);
};
type IsNullable<P extends DeclaredProperty> = P['optional'] extends true
  ? true
  : P extends { readonly nullableField: true }
    ? true
    : false;

function graphqlTypeOf(property: DeclaredProperty): typeof Int | typeof FiscalYear {
  if (property.type === 'FiscalYear') return FiscalYear;
  return property.type === 'Int' ? Int : Float;
}

/** A class decorator giving the object type one field per declared property, with its description. */
export function DeclaredFields(declaration: Declaration): ClassDecorator {
  return (target) => {
    const prototype = target.prototype as object;
    for (const [name, property] of Object.entries(declaration)) {
      const type = graphqlTypeOf(property);
      Field(() => type, { description: property.description, nullable: isNullableField(property) })(prototype, name);
    }
  };
}

/** The declared plain numbers, which the object takes over from the stored node as they are (`storedAsIs`). */
export function storedAsIsOf<const D extends Declaration>(
  declaration: D,
): readonly { [K in keyof D & string]: D[K]['type'] extends 'FiscalYear' ? never : K }[keyof D & string][] {
  return Object.keys(declaration).filter((name) => declaration[name]?.type !== 'FiscalYear') as never[];
}

/** The declared fiscal years as FiscalYear objects, assembled from the stored label and year. */
export function assembledFields(declaration: Declaration, stored: Readonly<Record<string, unknown>>): object {
  const fields: Record<string, FiscalYear | null> = {};
  for (const [name, property] of Object.entries(declaration)) {
    if (property.type !== 'FiscalYear') continue;
    const label = stored[labelPropertyOf(name)];
    const year = stored[name];
    fields[name] = typeof label === 'string' && typeof year === 'number' ? { label, year } : null;
  }
  return fields;
}

/**
 * `Node` as the base of a node type whose class carries the declared fields, typed with them: the class
 * `extends declaredNode(DECLARATION)` and takes `@DeclaredFields(DECLARATION)`. The same class at run time, so
 * type-graphql sees the prototype chain it always saw.
 */
export function declaredNode<D extends Declaration>(base: typeof Node, declaration: D): DeclaredNodeClass<D> {
  void declaration;
  return base as DeclaredNodeClass<D>;
}
type DeclaredNodeClass<D extends Declaration> = abstract new () => Node & DeclaredFieldValues<D>;
