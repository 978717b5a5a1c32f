import { getArgumentValues } from 'graphql';
import type { ClassType } from 'type-graphql';
import type { RequestContext } from '../request-context';
import { batchKey, type CompiledRead, type ParsedSelection, type PlannedPage } from './read-root';
import { rootNodeSelection, subfields, type RootField } from './selection-plan';

/**
 * A nested connection's first two steps for given arguments (parse its selection, compile its page
 * statement for every parent): exactly what its resolver does before it runs, so both arrive at the same
 * statement and parameters, the key under which the root's answer primes the resolver's loader.
 */
export type NestedPageCompiler = (
  args: Readonly<Record<string, unknown>>,
  info: RootField,
  ctx: RequestContext,
) => Promise<CompiledRead>;

interface RegisteredPage {
  readonly parent: () => ClassType;
  readonly field: string;
  readonly compile: NestedPageCompiler;
}

const registered: RegisteredPage[] = [];
/** By `<Type>.<field>`, built on first use: the parent classes are named lazily (they import each other). */
let byField: Map<string, NestedPageCompiler> | undefined;

/** Called by the factory of every nested connection field (src/read/nested-connection.ts). */
export function registerNestedPage(parent: () => ClassType, field: string, compile: NestedPageCompiler): void {
  registered.push({ parent, field, compile });
  byField = undefined;
}

function compilerOf(typeName: string, field: string): NestedPageCompiler | undefined {
  byField ??= new Map(registered.map(({ parent, field: name, compile }) => [`${parent().name}.${name}`, compile]));
  return byField.get(`${typeName}.${field}`);
}

/**
 * The selection with the nested connections selected directly below the root's nodes planned, so the
 * root's statement answers their pages too (compile-prefetch.ts folds them in): `sdgs { measuresConnection
 * { … } }` is one statement, not one for the SDGs and one for their pages. Each is compiled by its own
 * resolver's steps (registerNestedPage) with the arguments graphql-js will give it; the same question asked
 * twice (two aliases) is planned once. A page whose arguments its resolver would refuse (a bad cursor, an
 * unknown department) is left out here: its resolver meets the error at its own path and answers it there,
 * as it did before anything was folded.
 */
export async function withNestedPages(selection: ParsedSelection, ctx: RequestContext): Promise<ParsedSelection> {
  const { info } = selection;
  const root = rootNodeSelection(info);
  if (!root) return selection;
  const pages = new Map<string, PlannedPage>();
  for (const nodes of subfields(info, root.type, root.fieldNodes).values()) {
    const first = nodes[0];
    const compile = first && compilerOf(root.type.name, first.name.value);
    const definition = first && root.type.getFields()[first.name.value];
    if (!first || !compile || !definition) continue;
    let compiled: CompiledRead;
    try {
      const args = getArgumentValues(definition, first, info.variableValues);
      compiled = await compile(args, Object.assign({}, info, { fieldNodes: nodes, returnType: definition.type }), ctx);
    } catch {
      continue; // refused by its resolver at its own path (see above)
    }
    const { statement } = compiled;
    if (typeof statement === 'string') continue;
    const key = batchKey(compiled);
    if (!pages.has(key)) pages.set(key, { key, compiled: Object.assign({}, compiled, { statement }) });
  }
  return pages.size === 0 ? selection : Object.assign({}, selection, { pages: [...pages.values()] });
}
