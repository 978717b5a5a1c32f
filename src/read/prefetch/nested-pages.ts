import {
  getArgumentValues,
  isObjectType,
  type FieldNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { Extensions } from 'type-graphql';
import type { CompileContext } from '../compile-context';
import { isComposed } from './compiled-read';
import { batchKey } from './compile-read';
import type { CompiledRead, PlannedPage } from './compiled-read';
import type { ParsedSelection } from './parse-selection';
import { rootNodeSelection, subfields, type PlannedProjection, type RootField } from './selection-plan';

/**
 * A nested connection's first two steps for given arguments (parse its selection, compile its page
 * statement for every parent): exactly what its resolver does before it runs, so both arrive at the same
 * statement and parameters, the key under which the root's answer primes the resolver's loader.
 */
export type NestedPageCompiler = (
  args: Readonly<Record<string, unknown>>,
  info: RootField,
  ctx: CompileContext,
) => Promise<CompiledRead>;

/** The extension of a nested connection field's definition that carries its compile. */
const NESTED_PAGE = 'compileNestedPage';

/**
 * Put on the `@FieldResolver` of every nested connection field (src/read/nested-connection.ts), with the same
 * compile its resolver runs: the schema carries it on the field's definition, where the root's compile finds
 * it (no registry beside the schema fills as resolvers load).
 */
export function NestedPage(compile: NestedPageCompiler): MethodDecorator {
  return Extensions({ [NESTED_PAGE]: compile });
}

function compilerOf(field: GraphQLField<unknown, unknown> | undefined): NestedPageCompiler | undefined {
  const compile = field?.extensions[NESTED_PAGE];
  return typeof compile === 'function' ? (compile as NestedPageCompiler) : undefined;
}

/** Every nested connection field of `schema`, by its type's name and its own (for src/read/primed-pages.ts). */
export function nestedPageFields(schema: GraphQLSchema): { readonly typeName: string; readonly field: string }[] {
  return Object.values(schema.getTypeMap())
    .filter(isObjectType)
    .flatMap((type) =>
      Object.values(type.getFields())
        .filter((field) => compilerOf(field) !== undefined)
        .map((field) => ({ typeName: type.name, field: field.name })),
    );
}

/**
 * The selection with the nested connections selected directly below the root's nodes, and below the nodes of
 * every relationship field planned under them, planned, so the root's statement answers their pages too
 * (compile-prefetch.ts folds them in): `sdgs { measuresConnection { … } }` and `measure(code:) { policyItem
 * { measuresConnection { … } } }` are one statement each. Each is compiled by its own resolver's steps
 * (NestedPage) with the arguments graphql-js will give it, and a page plans the pages below its own
 * nodes the same way; the same question asked twice (two aliases) is planned once. A page whose arguments
 * its resolver would refuse (a bad cursor, an unknown department) is left out here: its resolver meets the
 * error at its own path and answers it there, as it did before anything was folded.
 */
export async function withNestedPages(selection: ParsedSelection, ctx: CompileContext): Promise<ParsedSelection> {
  const { info } = selection;
  const root = rootNodeSelection(info);
  if (!root) return selection;
  const pages = await pagesBelow(info, root.type, root.fieldNodes, ctx);
  const projections = await withProjectionPages(info, selection.projections, ctx);
  return Object.assign({}, selection, { pages, projections });
}

/** The projections with the pages right below their nodes planned, at every level. */
async function withProjectionPages(
  info: RootField,
  projections: readonly PlannedProjection[],
  ctx: CompileContext,
): Promise<PlannedProjection[]> {
  return Promise.all(
    projections.map(async (projection) =>
      Object.assign({}, projection, {
        pages: projection.selecting
          ? await pagesBelow(info, projection.selecting.type, projection.selecting.fieldNodes, ctx)
          : [],
        children: await withProjectionPages(info, projection.children, ctx),
      }),
    ),
  );
}

/** The nested connections selected on `type` by `fieldNodes`, each planned once (see withNestedPages). */
async function pagesBelow(
  info: RootField,
  type: GraphQLObjectType,
  fieldNodes: readonly FieldNode[],
  ctx: CompileContext,
): Promise<PlannedPage[]> {
  const pages = new Map<string, PlannedPage>();
  for (const nodes of subfields(info, type, fieldNodes).values()) {
    const first = nodes[0];
    const definition = first && type.getFields()[first.name.value];
    const compile = compilerOf(definition);
    if (!first || !compile || !definition) continue;
    let compiled: CompiledRead;
    try {
      const args = getArgumentValues(definition, first, info.variableValues);
      compiled = await compile(args, Object.assign({}, info, { fieldNodes: nodes, returnType: definition.type }), ctx);
    } catch {
      continue; // refused by its resolver at its own path (see withNestedPages)
    }
    const { statement } = compiled;
    if (!isComposed(statement)) continue;
    const key = batchKey(compiled);
    if (!pages.has(key)) pages.set(key, { key, compiled: Object.assign({}, compiled, { statement }) });
    // Its resolver's fast path looks for its pages under this key (src/read/primed-pages.ts).
    ctx.loaders.rememberPlanned(nodes, key);
  }
  return [...pages.values()];
}
