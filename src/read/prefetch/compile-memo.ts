import type { FieldNode, GraphQLResolveInfo } from 'graphql';
import type { GraphLoaders } from '../graph-loaders';
import type { RequestContext } from '../request-context';

/**
 * A root field's compiled read, kept for the next request asking the same question, instead of parsing the
 * selection and compiling the statement again: on the benchmark's nested page and nested aggregate that was
 * a sixth and a quarter of the service's CPU per request (docs/benchmarks.md, Findings).
 *
 * The same question is the same field nodes (objects of the parsed document: Apollo keeps a parsed and
 * validated document per query text and hands it to every request sending that text), the same variables,
 * and the same data version, since a compile resolves department names against that version's directory.
 * Nothing else of a request goes into a compile (its viewer, budget and loaders do not) but what its caller
 * names in `subject` (the node a lookup reads, the label a list reads): the same field nodes always reach the
 * same resolver, so that is belt and braces, but cheap.
 *
 * A compile also leaves marks in its request's loaders for the resolvers that run after it: the nested
 * connections it compiled (`oncePerSelection`) and the keys under which its answer primes their pages
 * (`rememberPlanned`). They are recorded as the compile makes them and made again in every request that
 * reuses it, so a reused compile leaves the same marks.
 *
 * A compile is kept only when all it compiled succeeded and the data version did not change under it: a
 * nested connection refused by a database that was away must be compiled again, not answered refused.
 */
export async function reusedCompile<T>(
  ctx: RequestContext,
  info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'variableValues'>,
  subject: string,
  compile: (planning: RequestContext) => Promise<T>,
): Promise<T> {
  const first = info.fieldNodes[0];
  if (!first) return compile(ctx);
  const question: Question = {
    fieldNodes: info.fieldNodes,
    subject,
    variables: JSON.stringify(info.variableValues),
    version: ctx.departments.version(),
  };
  const kept = KEPT.get(first)?.find((entry) => sameQuestion(entry, question));
  if (kept) {
    replay(ctx.loaders, kept.marks);
    return kept.compiled as T;
  }
  const marks: Mark[] = [];
  const compiled = await compile(recording(ctx, marks));
  if (ctx.departments.version() === question.version && (await allSucceeded(marks)))
    keep(first, Object.assign(question, { compiled, marks }));
  return compiled;
}

/** A mark a compile left in its request's loaders. */
type Mark =
  | { readonly fieldNodes: readonly object[]; readonly nested: unknown }
  | { readonly fieldNodes: readonly object[]; readonly plannedKey: string };

interface Question {
  readonly fieldNodes: readonly FieldNode[];
  readonly subject: string;
  readonly variables: string;
  readonly version: string;
}

interface Kept extends Question {
  readonly compiled: unknown;
  readonly marks: readonly Mark[];
}

/**
 * Questions kept per field node, the newest last. Another version or other variables of the same field make
 * another entry; past this many the oldest goes. A document Apollo no longer keeps takes its entries along.
 */
const KEPT_PER_FIELD = 8;
const KEPT = new WeakMap<FieldNode, Kept[]>();

function sameQuestion(kept: Question, asked: Question): boolean {
  return (
    kept.version === asked.version &&
    kept.subject === asked.subject &&
    kept.variables === asked.variables &&
    kept.fieldNodes.length === asked.fieldNodes.length &&
    kept.fieldNodes.every((node, index) => node === asked.fieldNodes[index])
  );
}

function keep(first: FieldNode, entry: Kept): void {
  const entries = KEPT.get(first) ?? [];
  entries.push(entry);
  if (entries.length > KEPT_PER_FIELD) entries.shift();
  KEPT.set(first, entries);
}

/**
 * The request's context with loaders that note the marks a compile leaves. A view of the request's own
 * loaders (they get every mark as before), made per compile: the root fields of one request compile side by
 * side, so one shared note would mix their marks.
 */
function recording(ctx: RequestContext, marks: Mark[]): RequestContext {
  const loaders = Object.create(ctx.loaders) as GraphLoaders;
  loaders.oncePerSelection = <V>(fieldNodes: readonly object[], make: () => V): V => {
    const nested = ctx.loaders.oncePerSelection(fieldNodes, make);
    marks.push({ fieldNodes, nested });
    return nested;
  };
  loaders.rememberPlanned = (fieldNodes: readonly object[], plannedKey: string): void => {
    marks.push({ fieldNodes, plannedKey });
    ctx.loaders.rememberPlanned(fieldNodes, plannedKey);
  };
  return Object.assign(Object.create(Object.getPrototypeOf(ctx) as object) as RequestContext, ctx, { loaders });
}

function replay(loaders: GraphLoaders, marks: readonly Mark[]): void {
  for (const mark of marks) {
    if ('plannedKey' in mark) loaders.rememberPlanned(mark.fieldNodes, mark.plannedKey);
    else loaders.oncePerSelection(mark.fieldNodes, () => mark.nested);
  }
}

/** Whether every nested compile the marks hold (each a promise, settled once its root's compile is) succeeded. */
async function allSucceeded(marks: readonly Mark[]): Promise<boolean> {
  const outcomes = await Promise.allSettled(marks.map((mark) => ('nested' in mark ? mark.nested : undefined)));
  return outcomes.every((outcome) => outcome.status === 'fulfilled');
}
