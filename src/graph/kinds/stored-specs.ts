import { isNumberAttribute, type Attributes, type NumbersOf, type PlainAttribute } from './attribute';
import { labelPropertyOf, type Declaration } from './declared-property';

/**
 * What a declaration adds to its label's stored contract (src/graph/node-properties.ts): the number under the
 * property's name and, for a fiscal year, its era label. Typed from the declaration's literal types, so the
 * merge's GraphBuilder.node and the mappers' readNode check a declared property as they check any other.
 */
interface NumberSpec<O extends boolean> {
  readonly type: 'number';
  readonly optional: O;
}
interface TextSpec<O extends boolean> {
  readonly type: 'string';
  readonly optional: O;
}

export type StoredSpecsOf<D extends Declaration> = {
  readonly [K in keyof D & string]: NumberSpec<D[K]['optional']>;
} & {
  readonly [K in keyof D & string as D[K]['type'] extends 'FiscalYear' ? `${K}Label` : never]: TextSpec<
    D[K]['optional']
  >;
};

export function storedSpecsOf<D extends Declaration>(declaration: D): StoredSpecsOf<D> {
  const specs: Record<string, NumberSpec<boolean> | TextSpec<boolean>> = {};
  for (const [name, property] of Object.entries(declaration)) {
    if (property.type === 'FiscalYear') specs[labelPropertyOf(name)] = { type: 'string', optional: property.optional };
    specs[name] = { type: 'number', optional: property.optional };
  }
  return specs as StoredSpecsOf<D>;
}

/**
 * The figures a parser's record carries for the declared properties marked `figure`, which the merge stores
 * as they are: a new figure is declared, then read by the parser, and the compiler asks for nothing else.
 */
export type FiguresOf<D extends Declaration> = {
  readonly [K in keyof D & string as D[K] extends { readonly figure: true } ? K : never]: D[K]['optional'] extends true
    ? number | null
    : number;
};

/** What a text, flag, enum or list attribute adds to its label's stored contract. */
type PlainSpecOf<P extends PlainAttribute> = P['type'] extends 'String'
  ? TextSpec<P extends { readonly optional: true } ? true : false>
  : P['type'] extends { readonly enum: infer E extends Readonly<Record<string, string>> }
    ? { readonly type: 'string'; readonly optional: false; readonly values: readonly E[keyof E][] }
    : P['type'] extends 'Boolean'
      ? { readonly type: 'boolean'; readonly optional: false }
      : P['type'] extends 'String[]'
        ? { readonly type: 'string[]' }
        : { readonly type: 'number[]' };

/** Every attribute's share of its label's stored contract (numbers as storedSpecsOf gives them). */
export type AttributeSpecsOf<A extends Attributes> = StoredSpecsOf<NumbersOf<A>> & {
  readonly [K in keyof A & string as A[K] extends PlainAttribute ? K : never]: PlainSpecOf<
    Extract<A[K], PlainAttribute>
  >;
};

type PlainSpec =
  | TextSpec<boolean>
  | { readonly type: 'string'; readonly optional: false; readonly values: readonly string[] }
  | { readonly type: 'boolean'; readonly optional: false }
  | { readonly type: 'string[]' | 'number[]' };

function plainSpecOf(attribute: PlainAttribute): PlainSpec {
  const { type } = attribute;
  if (typeof type === 'object') return { type: 'string', optional: false, values: Object.values(type.enum) };
  switch (type) {
    case 'String':
      return { type: 'string', optional: attribute.optional === true };
    case 'Boolean':
      return { type: 'boolean', optional: false };
    case 'String[]':
      return { type: 'string[]' };
    case 'Int[]':
    case 'Float[]':
      return { type: 'number[]' };
  }
}

/** A label's stored contract, in declaration order: what its attributes store. */
export function attributeSpecsOf<const A extends Attributes>(attributes: A): AttributeSpecsOf<A> {
  const specs: Record<string, unknown> = {};
  for (const [name, attribute] of Object.entries(attributes)) {
    if (isNumberAttribute(attribute)) Object.assign(specs, storedSpecsOf({ [name]: attribute }));
    else specs[name] = plainSpecOf(attribute);
  }
  return specs as AttributeSpecsOf<A>;
}
