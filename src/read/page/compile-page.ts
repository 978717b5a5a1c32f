import { cypher, joined, param, type Cypher, type Piece, type Slot } from '../../db/cypher';
import type { CompiledStatement } from '../../db/graph-gateway';
import { all, requiredConditions, type Condition } from './condition';
import type { CypherSource } from '../../db/cypher-registry';
import { composed, composedWithParameter, partName, type CypherPart } from './cypher-part';
import type { PageSpec } from './page-spec';
import type { AggregateRequest } from './selected-aggregates';
import type { OrderKey } from './sort-order';

/** A page statement and the parameters of its conditions (the slice parameters are added by fetchPage). */
export interface CompiledPage {
  readonly statement: CompiledStatement & { readonly cypher: Cypher };
  readonly params: Readonly<Record<string, unknown>>;
}

/**
 * Assembles one page statement from cypher/fragments/ (never from user text; every user value becomes a
 * parameter `$c0`, `$c1` …), as parts whose parameters stay slots (src/db/cypher.ts) so a root statement can
 * fold it in under its own names. Shape, for every connection:
 *
 *   anchor (index-backed match of a condition that must hold) or scan of the label
 *   WITH DISTINCT n; context (e.g. the measure's policy item `i`) when the condition or the order names it
 *   WHERE the condition tree, but the anchored condition when the anchor is exact (its match is that
 *         condition: testing it again cost Q1 a fifth of its database time)
 *   sort by the order's keys (nulls last), then sortKey; collect as `matched`
 *   `page`: the items after the cursor's position (params $afterKey, $afterValues), at most $limit
 *   one subquery per facet asked for, over `matched`, and one per number `aggregate` asks for (min, max,
 *   average, sum of a Quantity fragment over the matched nodes that have it)
 *   RETURN totalCount, pageNodes (only the `properties` the operation reads: src/read/prefetch/property-demand.ts),
 *          pagePositions (each node's sort values, for its cursor), facets, aggregates (by figure, each a
 *          figureList; empty maps when none asked)
 *
 * The total, the page, the facets and the aggregates come from the same match, so they cannot disagree.
 * A page read only for its total and figures (no items, no facets) is compiled by compileCountsPage instead,
 * from the same first lines (matchedNodes).
 *
 * With a `scope` (a fragment binding `parent` and `n` from `$parents`, e.g. a department's
 * measures: a file of cypher/fragments/ or a relationship's hop, see fragments.ts `relationshipScope`) the
 * statement answers one page per parent, for many parents at once (a nested connection, batched): the
 * scope replaces the anchor, every step keeps `parent`, and each row of the result is one parent's page.
 */
export function compilePage<F extends string, Facet extends string>(
  source: CypherSource,
  spec: PageSpec<F, Facet>,
  condition: Condition,
  order: readonly OrderKey<F>[],
  facets: readonly Facet[],
  properties: readonly string[],
  scope?: Cypher,
  aggregates: readonly AggregateRequest[] = [],
): CompiledPage {
  const { params, parameter } = parameters();
  const group = scope === undefined ? '' : 'parent, ';
  const sortExpressions = order.map((key) => sortExpression(source, spec, key.field));
  const lines = matchedNodes(source, spec, condition, parameter, scope, scope !== undefined, sortExpressions);

  lines.push(
    cypher`WITH ${group}n, [${joined(sortExpressions, ', ')}] AS position`,
    `ORDER BY ${[...order.flatMap((key, at) => [`position[${at}] IS NULL`, `position[${at}] ${key.direction}`]), 'n.sortKey'].join(', ')}`,
    `WITH ${group}collect({node: n, position: position}) AS matched`,
    cypher`WITH ${group}matched, [x IN matched WHERE ${param('afterKey')} IS NULL OR ${afterPosition(order)}][0..${param('limit')}] AS page`,
  );

  // Facets and aggregates: one subquery each over `matched`, every earlier column carried past it.
  const carriedColumns = [...(scope === undefined ? [] : ['parent']), 'matched', 'page'];
  const facetColumns = facets.map((facet, at) => {
    const column = `facet${at}`;
    const value = spec.facetValues?.[facet];
    lines.push(
      'CALL (matched) {',
      value === undefined
        ? composed(source, spec.facets[facet])
        : composedWithParameter(source, spec.facets[facet], parameter(value())),
      '}',
      `WITH ${carriedColumns.join(', ')}, facet AS ${column}`,
    );
    carriedColumns.push(column);
    return `${facet}: ${column}`;
  });
  const aggregateColumns = aggregates.map(({ key, quantity, fiscalYear }, at) => {
    const column = `aggregate${at}`;
    const value = quantityOf(source, { quantity, fiscalYear }, parameter);
    lines.push(
      'CALL (matched) {',
      'UNWIND matched AS x',
      'WITH x.node AS n',
      cypher`WITH (${value}) AS v`,
      'WHERE v IS NOT NULL',
      `RETURN ${figureList('v')} AS aggregate`,
      '}',
      `WITH ${carriedColumns.join(', ')}, aggregate AS ${column}`,
    );
    carriedColumns.push(column);
    // Keys are field names and fiscal years (`achievementRate:2024`), quoted as map keys.
    return `\`${key}\`: ${column}`;
  });
  lines.push(
    `RETURN ${scope === undefined ? '' : 'parent, '}size(matched) AS totalCount, [node IN [x IN page | x.node] | ${projection('node', properties)}] AS pageNodes, [x IN page | x.position] AS pagePositions,`,
    // Always the same columns, so a root statement can fold this one in by name (src/read/prefetch/nested-pages.ts).
    `{${facetColumns.join(', ')}} AS facets, {${aggregateColumns.join(', ')}} AS aggregates`,
  );
  const asked = [
    ...(facets.length > 0 ? [`facets: ${facets.join(' ')}`] : []),
    ...(aggregates.length > 0 ? [`aggregate: ${aggregates.map((a) => a.key).join(' ')}`] : []),
  ];
  const origin = `${spec.name}(filter, orderBy${asked.map((part) => `, ${part}`).join('')})`;
  const statement = joined(lines, '\n');
  return { statement: { text: statement.render(), origin, cypher: statement }, params };
}

/** The figures of an aggregated number by their GraphQL names, each with its Cypher aggregating function. */
export const FIGURES = { count: 'count', min: 'min', max: 'max', average: 'avg', sum: 'sum' } as const;

/**
 * The figures of one aggregated number `v` as a list, in the order of FIGURES (src/read/page/fetch-page.ts
 * reads it back): a map would repeat its five keys for every figure of every parent, and the driver unpacks
 * each key as a string of its own.
 */
export function figureList(v: string): string {
  return `[${Object.values(FIGURES)
    .map((aggregating) => `${aggregating}(${v})`)
    .join(', ')}]`;
}

/** The parameters of a compiled statement, named `c0`, `c1` … in the order its text asks for them. */
export function parameters(): { params: Record<string, unknown>; parameter: (value: unknown) => Slot } {
  const params: Record<string, unknown> = {};
  const parameter = (value: unknown): Slot => {
    const name = `c${Object.keys(params).length}`;
    params[name] = value;
    return param(name);
  };
  return { params, parameter };
}

/**
 * The lines binding `n` to each node of the filtered set (and `parent` with a scope when `byParent`): the
 * scope, the anchor or the scan; `WITH DISTINCT`; the context; the condition tree (see compilePage).
 *
 * The context (the measure's or indicator's policy item `i`) is expanded only when the condition or one of
 * `laterExpressions` (the sort keys) names one of its variables: a count of the indicators below each policy
 * item spent an expansion per indicator on an `i` nothing read, and the statement, sent whole with every
 * request, went past the driver's 1,400-byte chunk into a second socket write. Every measure and indicator
 * hangs from exactly one policy item, so the context never changed which nodes match. A condition that is
 * always true (no filter) is left out with its `WITH`.
 */
export function matchedNodes(
  source: CypherSource,
  spec: PageSpec,
  condition: Condition,
  parameter: (value: unknown) => Slot,
  scope: Cypher | undefined,
  byParent: boolean,
  laterExpressions: readonly Cypher[] = [],
): Piece[] {
  const anchor = scope === undefined ? anchorOf(spec, condition) : null;
  const lines: Piece[] = [];
  if (scope !== undefined) lines.push(scope, `WITH DISTINCT ${byParent ? 'parent, ' : ''}n`);
  else if (anchor === null) lines.push(composed(source, scanOf(spec)));
  else lines.push(composedWithParameter(source, anchor.anchor, parameter(anchor.value)), 'WITH DISTINCT n');
  const residual = anchor?.exact === true ? without(condition, anchor.condition) : condition;
  const where = predicate(source, residual, parameter);
  const context =
    spec.context !== undefined && namesAny([where, ...laterExpressions], spec.context.variables)
      ? spec.context
      : undefined;
  if (context) lines.push(composed(source, context.fragment));
  if (!isTrue(where)) {
    const carried = [...(byParent ? ['parent'] : []), 'n', ...(context?.variables ?? [])];
    lines.push(`WITH ${carried.join(', ')}`, cypher`WHERE ${where}`);
  }
  return lines;
}

/**
 * Whether Cypher text names one of the variables: the name standing alone, not part of a longer name, a
 * property key (`x.i`) or a parameter (`$i`). A name inside a string literal counts too, which only keeps
 * a context that was not needed.
 */
function namesAny(parts: readonly Cypher[], variables: readonly string[]): boolean {
  const texts = parts.map((part) => part.render());
  return variables.some((variable) => {
    const standalone = new RegExp(`(?<![\\w.$\`])${variable}(?![\\w\`])`);
    return texts.some((text) => standalone.test(text));
  });
}

/** The expression of an asked figure over `n`: its Quantity fragment, the fiscal year a parameter when it takes one. */
export function quantityOf(
  source: CypherSource,
  { quantity, fiscalYear }: Pick<AggregateRequest, 'quantity' | 'fiscalYear'>,
  parameter: (value: unknown) => Slot,
): Cypher {
  return fiscalYear === undefined
    ? composed(source, quantity)
    : composedWithParameter(source, quantity, parameter(fiscalYear));
}

/**
 * A node variable as the map of the named properties (names from the node-property contract, never user
 * text). Map projection needs a variable, hence the comprehension around it.
 */
function projection(node: string, properties: readonly string[]): string {
  return `${node} {${properties.map((property) => `.${property}`).join(', ')}}`;
}

/** The first anchor (narrowest first) whose condition must hold; never one inside `or` or `not`. */
function anchorOf(
  spec: PageSpec,
  condition: Condition,
): { anchor: CypherPart; value: unknown; exact: boolean; condition: Condition } | null {
  const required = requiredConditions(condition);
  for (const { condition: name, anchor, exact } of spec.anchors) {
    const found = required.find((c) => c.kind === 'match' && partName(c.fragment) === partName(name));
    if (found?.kind === 'match') return { anchor, value: found.value, exact, condition: found };
  }
  return null;
}

/** The tree without `met`, one of its required conditions (see requiredConditions): the rest of the AND. */
function without(condition: Condition, met: Condition): Condition {
  if (condition === met) return all([]);
  if (condition.kind !== 'all') return condition;
  return all(condition.of.filter((c) => c !== met).map((c) => without(c, met)));
}

/** The always-true predicate: a page without a filter tests nothing. */
const TRUE = cypher`true`;

function isTrue(predicate: Cypher): boolean {
  return predicate === TRUE;
}

function predicate(source: CypherSource, condition: Condition, parameter: (value: unknown) => Slot): Cypher {
  switch (condition.kind) {
    case 'all':
      return condition.of.length === 0
        ? TRUE
        : joined(
            condition.of.map((c) => cypher`(${predicate(source, c, parameter)})`),
            ' AND ',
          );
    case 'any':
      return condition.of.length === 0
        ? cypher`false`
        : joined(
            condition.of.map((c) => cypher`(${predicate(source, c, parameter)})`),
            ' OR ',
          );
    case 'not':
      return cypher`NOT (${predicate(source, condition.of, parameter)})`;
    case 'holds':
      return composed(source, condition.fragment);
    case 'match':
      return composedWithParameter(source, condition.fragment, parameter(condition.value));
    case 'none':
      return cypher`NOT coalesce((${composedWithParameter(source, condition.fragment, parameter(condition.value))}), false)`;
    case 'compare':
      // A missing quantity (null) compares as null, which WHERE treats as false, also under NOT: `coalesce`
      // keeps "not above 10 %" from listing indicators that have no number at all.
      return cypher`coalesce((${composed(source, condition.quantity)}) ${condition.operator} ${parameter(condition.value)}, false)`;
  }
}

function scanOf(spec: PageSpec): CypherPart {
  if (spec.scan === undefined)
    throw new Error(`${spec.name} is listed only below a parent: a page of it needs a scope`);
  return spec.scan;
}

function sortExpression(source: CypherSource, spec: PageSpec, field: string): Cypher {
  const part = spec.orderFields[field];
  return part === null || part === undefined ? cypher`n.sortKey` : composed(source, part);
}

/**
 * "This row comes after the cursor" for a lexicographic order with nulls last in every direction: some key
 * is strictly after the cursor's value and every key before it is equal, or all keys are equal and the
 * sortKey (the tiebreak) is greater.
 */
function afterPosition(order: readonly OrderKey[]): Cypher {
  const value = (at: number) => `x.position[${at}]`;
  const cursor = (at: number) => cypher`${param('afterValues')}[${at}]`;
  const equal = (at: number) =>
    cypher`((${value(at)} IS NULL) = (${cursor(at)} IS NULL) AND (${value(at)} IS NULL OR ${value(at)} = ${cursor(at)}))`;
  const after = (at: number, direction: string) =>
    cypher`(${cursor(at)} IS NOT NULL AND (${value(at)} IS NULL OR ${value(at)} ${direction === 'ASC' ? '>' : '<'} ${cursor(at)}))`;
  const alternatives = order.map((key, at) =>
    joined([...order.slice(0, at).map((_, j) => equal(j)), after(at, key.direction)], ' AND '),
  );
  alternatives.push(joined([...order.map((_, j) => equal(j)), cypher`x.node.sortKey > ${param('afterKey')}`], ' AND '));
  return cypher`(${joined(
    alternatives.map((a) => cypher`(${a})`),
    ' OR ',
  )})`;
}
