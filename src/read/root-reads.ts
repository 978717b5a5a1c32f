import { getArgumentValues } from 'graphql';
import type { CompileContext } from './compile-context';
import type { CompiledRead } from './prefetch/compiled-read';
import type { RootField } from './prefetch/selection-plan';

/**
 * A root field's first two steps (parse its selection, compile its statement) for the arguments graphql-js
 * coerced: what its resolver does before anything runs. Null when the resolver reads without a statement of
 * its own (a lookup with nothing selected below the node goes to the node loader).
 */
export type RootReadCompiler = (
  args: Readonly<Record<string, unknown>>,
  info: RootField,
  ctx: CompileContext,
) => Promise<CompiledRead | null>;

const registered = new Map<string, RootReadCompiler>();

/**
 * Called by the factory of every root field that compiles a read (root connections, lookups by key, short
 * lists, search, a department by name), with the same compile its resolver runs, so the statement a
 * selection becomes can be seen without running it (the compile tier of the unit tests).
 */
export function registerRootRead(field: string, compile: RootReadCompiler): void {
  registered.set(field, compile);
}

/** The root fields registered, sorted. */
export function rootReadFields(): string[] {
  return [...registered.keys()].sort();
}

/** The read a root field's selection compiles to, as its resolver would compile it (see RootReadCompiler). */
export function compileRootRead(info: RootField, ctx: CompileContext): Promise<CompiledRead | null> {
  const [node] = info.fieldNodes;
  const field = node?.name.value ?? '';
  const compile = registered.get(field);
  const definition = info.schema.getQueryType()?.getFields()[field];
  if (!node || !compile || !definition) throw new Error(`no compiled read is registered for the root field ${field}`);
  return compile(getArgumentValues(definition, node, info.variableValues), info, ctx);
}
