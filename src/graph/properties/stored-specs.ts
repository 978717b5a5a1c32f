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
