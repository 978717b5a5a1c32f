import { defaultFieldResolver, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { NOT_PRIMED } from './graph-loaders';
import type { PreparedPage } from './nested-connection';
import { pageOfRow } from './page/fetch-page';
import { batchKey } from './prefetch/compile-read';
import { nestedPageFields } from './prefetch/nested-pages';
import { guardedFieldNames, idOf } from './primed-fields';
import type { RequestContext } from './request-context';

/**
 * Gives every nested connection field (`Sdg.policyItemsConnection` …) a fast path for the pages the root's
 * statement answered, as src/read/primed-fields.ts does for relationship lists.
 *
 * The field's resolver runs type-graphql's steps for every parent: it converts the filter, order and
 * slice into their classes and validates them, then awaits the loader the root's answer primed. Every
 * parent of one selection has the same arguments, so once the first parent's resolver has run (its
 * arguments checked, its page compiled: GraphLoaders `rememberResolved`), the others' pages are read from
 * what the root's statement answered (GraphLoaders `primedPage`) and made by the same pageOfRow: at once
 * when the first had finished, else as soon as it does (graphql-js calls every parent's resolver before
 * any settles, GraphLoaders `firstOfSelection`). On the benchmark's nested aggregate (10 policy items, each
 * with its indicators' figures) the converting and validating was a twentieth of the service's time.
 *
 * A page nothing primed (a connection below a field the root did not fold, a parent the root did not list),
 * the first parent, and a guarded field (roles or middlewares in type-graphql's metadata) go to the resolver
 * as before, so the fast path can only skip work, never change an answer or skip a check.
 */
export function answerPrimedPages(schema: GraphQLSchema): void {
  const guarded = guardedFieldNames();
  for (const { typeName, field: fieldName } of nestedPageFields(schema)) {
    const type = schema.getType(typeName);
    const field = isObjectType(type) ? type.getFields()[fieldName] : undefined;
    if (!field) throw new Error(`nested connection ${typeName}.${fieldName} is not in the schema`);
    if (guarded.has(fieldName)) continue;
    field.resolve = primedPageOr(field.resolve ?? defaultFieldResolver);
  }
}

function primedPageOr(
  resolver: GraphQLFieldResolver<unknown, RequestContext>,
): GraphQLFieldResolver<unknown, RequestContext> {
  return (parent, args, ctx, info) => {
    const id = idOf(parent);
    const key = ctx.loaders.plannedKey(info.fieldNodes);
    const row = id === undefined || key === undefined ? NOT_PRIMED : ctx.loaders.primedPage(key, id);
    // Nothing primed: the resolver, at once, so the parents' loads still batch into one statement.
    if (id === undefined || key === undefined || row === NOT_PRIMED) return resolver(parent, args, ctx, info);
    const read = (): unknown => {
      const prepared = ctx.loaders.resolved<PreparedPage<{ sortKey: string }, string, string>>(info.fieldNodes);
      return prepared !== undefined && batchKey(prepared.compiled) === key
        ? pageOfRow(row, prepared.selection, prepared.map, id)
        : resolver(parent, args, ctx, info);
    };
    if (ctx.loaders.resolved(info.fieldNodes) !== undefined) return read();
    // The first parent's resolver checks the arguments; the others wait for it, then read their own page,
    // or (it failed) run their own resolver, which meets the same error at its own path as before.
    const { first, answer } = ctx.loaders.firstOfSelection(info.fieldNodes, () => resolver(parent, args, ctx, info));
    return first ? answer : answer.then(read, () => resolver(parent, args, ctx, info));
  };
}
