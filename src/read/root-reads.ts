import { getArgumentValues, type GraphQLField, type GraphQLSchema } from 'graphql';
import { Extensions } from 'type-graphql';
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

/** The extension of a root field's definition that carries its compile. */
const ROOT_READ = 'compileRootRead';

/**
 * Put on the `@Query` of every root field that compiles a read (root connections, lookups by key, short lists,
 * search, a department by name), with the same compile its resolver runs: the schema carries it on the field's
 * definition, so the statement a selection becomes can be seen without running it (the compile tier of the unit
 * tests) and no registry beside the schema fills as resolvers load.
 */
export function RootRead(compile: RootReadCompiler): MethodDecorator {
  return Extensions({ [ROOT_READ]: compile });
}

function compilerOf(field: GraphQLField<unknown, unknown> | undefined): RootReadCompiler | undefined {
  const compile = field?.extensions[ROOT_READ];
  return typeof compile === 'function' ? (compile as RootReadCompiler) : undefined;
}

/** The root fields of `schema` that compile a read, sorted. */
export function rootReadFields(schema: GraphQLSchema): string[] {
  const fields = Object.values(schema.getQueryType()?.getFields() ?? {});
  return fields
    .filter((field) => compilerOf(field) !== undefined)
    .map((field) => field.name)
    .sort();
}

/** The read a root field's selection compiles to, as its resolver would compile it (see RootReadCompiler). */
export function compileRootRead(info: RootField, ctx: CompileContext): Promise<CompiledRead | null> {
  const [node] = info.fieldNodes;
  const field = node?.name.value ?? '';
  const definition = info.schema.getQueryType()?.getFields()[field];
  const compile = compilerOf(definition);
  if (!node || !compile || !definition) throw new Error(`no compiled read is declared for the root field ${field}`);
  return compile(getArgumentValues(definition, node, info.variableValues), info, ctx);
}
