import type { GraphQLError } from 'graphql';
import { buildSchema, parse, validate, type GraphQLSchema } from 'graphql';
import { loadConfig } from '../../../../src/core/config';
import { GraphStatistics, UNMEASURED_SIZE } from '../../../../src/platform/graphql/limits/graph-statistics';
import type { GraphSizes } from '../../../../src/read/graph-sizes';
import { nestingDepth } from '../../../../src/platform/plugins/nesting-limit.plugin';
import { knownOperationTypesRule } from '../../../../src/platform/graphql/known-operation-types.rule';
import { largestListSize } from '../../../../src/platform/graphql/limits/list-sizes';
import { queryLimitRules, queryParseOptions, type QueryLimits } from '../../../../src/platform/graphql/query-limits';
import { graphSchema } from '../../../../src/schema';
import { seedGraphSizes } from '../../../helpers/seed-graph-sizes';

/** The cost rule and the counted limits on the real schema, with the seeded graph's list sizes; no database. */
let schema: GraphQLSchema;
const sizes = seedGraphSizes();
const defaults: QueryLimits = loadConfig({}).queryLimits;
const unlimited: QueryLimits = {
  maxDepth: 1_000,
  maxCost: Number.MAX_SAFE_INTEGER,
  maxAliases: 100_000,
  maxDirectives: 100_000,
  maxRootFields: 100_000,
  maxTokens: 1_000_000,
  maxNesting: 200,
};

beforeAll(async () => {
  schema = await graphSchema();
});

function errorsOf(query: string, limits: QueryLimits = defaults, graph: GraphSizes = sizes): readonly GraphQLError[] {
  return validate(schema, parse(query, queryParseOptions(limits)), queryLimitRules(limits, graph));
}

/** The estimated cost of `query`: the value the cost limit reports when every limit but cost is lifted. */
function costOf(query: string, graph: GraphSizes = sizes): number {
  const refusal = errorsOf(query, { ...unlimited, maxCost: 0 }, graph).find(
    (e) => e.extensions.limit === 'QUERY_MAX_COST',
  );
  if (!refusal) throw new Error('expected a cost refusal');
  return refusal.extensions.value as number;
}

function refusal(query: string, limit: string, limits: QueryLimits = defaults): GraphQLError {
  const found = errorsOf(query, limits).find((e) => e.extensions.limit === limit);
  if (!found)
    throw new Error(
      `expected a ${limit} refusal, got ${errorsOf(query, limits)
        .map((e) => e.message)
        .join('; ')}`,
    );
  return found;
}

/** Fragment n spreads fragment n-1 twice (907 bytes for 22 fragments blocked the old rule for seconds). */
function fragmentChain(n: number): string {
  const lines = [`query Chain { ...F${n - 1} }`, 'fragment F0 on Query { serviceInfo { name } }'];
  for (let i = 1; i < n; i++) lines.push(`fragment F${i} on Query { ...F${i - 1} ...F${i - 1} }`);
  return lines.join('\n');
}

/** Fragment n spreads fragment n-1 under two different fields: 2^n department lists, not mergeable. */
function branchingChain(n: number): string {
  const lines = [`query Branching { departments { ...D${n - 1} } }`, 'fragment D0 on Department { name }'];
  for (let i = 1; i < n; i++) {
    lines.push(
      `fragment D${i} on Department { measures { departments { ...D${i - 1} } } sdgs { departments { ...D${i - 1} } } }`,
    );
  }
  return lines.join('\n');
}

function timed<T>(work: () => T): { result: T; ms: number } {
  const started = performance.now();
  const result = work();
  return { result, ms: performance.now() - started };
}

/**
 * The bound of a check that must be linear in the chain's length: 500 ms on an idle machine, or, where this
 * run is slower, many times what the same check took on a chain of 3 here and now (the slowest of three). A
 * check that doubled at every fragment takes 2^27 times as long on a chain of 30, so it fails either way.
 */
function linearBound(check: (chain: number) => unknown): number {
  const reference = Math.max(...[0, 1, 2].map(() => timed(() => check(3)).ms));
  return Math.max(500, 200 * reference);
}

describe('the seeded graph list sizes the cost is computed from', () => {
  it('has the counts the documents give: 46 departments, 17 SDGs, 50 measures, 13 measures at most per department', () => {
    expect(sizes.label('Department')).toBe(46);
    expect(sizes.label('Sdg')).toBe(17);
    expect(sizes.label('Measure')).toBe(50);
    expect(sizes.out('RESPONSIBLE_FOR')).toBe(13);
  });
});

describe('cost of a request', () => {
  it('counts a plain list at its real size: 46 departments, not an assumed 10', () => {
    // departments (1) + 46 × name (1)
    expect(costOf('{ departments { name } }')).toBe(47);
  });

  it('caps a nested list by the largest fan-out of its relationship', () => {
    // departments 1 + 46 × (measures 1 + 13 × code 1)
    expect(costOf('{ departments { measures { code } } }')).toBe(1 + 46 * (1 + 13));
  });

  it('takes first as the page size, capped by the label count', () => {
    expect(costOf('{ measures(first: 5) { nodes { code } } }')).toBe(1 + 5 * (1 + 1));
    expect(costOf('{ measures(first: 100) { nodes { code } } }')).toBe(1 + 50 * (1 + 1));
    // a variable: its largest allowed value (100), capped by the 50 measures
    expect(costOf('query ($n: Int!) { measures(first: $n) { nodes { code } } }')).toBe(1 + 50 * 2);
  });

  it('multiplies nested pages level by level: first × the pages above, each capped by its relationship', () => {
    const fanOut = (type: string, field: string) => largestListSize(type, field, 'X', sizes);
    // sdgs 1 + 17 × (policyItemsConnection 1 + 3 × (nodes 1 + measuresConnection 1 + 2 × (nodes 1 + code 1)))
    expect(Math.min(3, fanOut('Sdg', 'policyItemsConnection'))).toBe(3);
    expect(Math.min(2, fanOut('PolicyItem', 'measuresConnection'))).toBe(2);
    expect(
      costOf(
        '{ sdgs { policyItemsConnection(first: 3) { nodes { measuresConnection(first: 2) { nodes { code } } } } } }',
      ),
    ).toBe(1 + 17 * (1 + 3 * (1 + 1 + 2 * 2)));
    // A new nested connection is bounded by its list's fan-out, not by every department of the graph.
    const departments = largestListSize('Sdg', 'departments', 'Department', sizes);
    expect(largestListSize('Sdg', 'departmentsConnection', 'DepartmentConnection', sizes)).toBe(departments);
    expect(departments).toBeLessThanOrEqual(46);
    expect(departments).toBe(
      Math.min(46, sizes.in('CONTRIBUTES_TO') * sizes.out('HAS_MEASURE') * sizes.in('RESPONSIBLE_FOR')),
    );
    // aggregate is one object per page: its figures cost their fields, not a page of nodes.
    expect(costOf('{ measures(first: 5) { aggregate { count number { min } } } }')).toBe(1 + 5 * (1 + 1 + (1 + 1)));
  });

  it('weights expensive fields by what they cost the database', () => {
    // sdgCoverage 600 + 1 × (sdgs 1 + 17 × number 1)
    expect(costOf('{ sdgCoverage { sdgs { number } } }')).toBe(600 + 18);
    expect(costOf('{ department(ref: "危機管理課") { collaborators { sharedMeasures } } }')).toBe(1 + (100 + 46 * 1));
  });

  it('bounds the progress summary by the fields, the departments and the five grades', () => {
    // progressSummary 130 + 1 × (departments 1 + 46 × (grades 1 + 5 × count 1) + fields 1 + 6 × noResult 1)
    expect(sizes.label('Field')).toBe(6);
    expect(
      costOf('{ progressSummary(fiscalYear: 2024) { departments { grades { count } } fields { noResult } } }'),
    ).toBe(130 + (1 + 46 * (1 + 5)) + (1 + 6));
    expect(costOf('{ progressGrades { grade } }')).toBe(1 + 5);
    // Each count's indicators: at most every indicator. fields 1 + 6 × (grades 1 + 5 × (count 1 + indicators
    // 1 + 27 × id 1) + noResultIndicators 1 + 27 × id 1)
    expect(sizes.label('Indicator')).toBe(27);
    expect(
      costOf(
        '{ progressSummary(fiscalYear: 2024) { fields { grades { count indicators { id } } noResultIndicators { id } } } }',
      ),
    ).toBe(130 + (1 + 6 * (1 + 5 * (1 + 1 + 27) + (1 + 27))));
    // The plan period's five years, R5–R9.
    expect(costOf('{ planFiscalYears { year label } }')).toBe(1 + 5 * 2);
  });

  it('assumes large lists while the graph has not been measured', () => {
    const unmeasured = new GraphStatistics();
    expect(unmeasured.measured).toBe(false);
    expect(costOf('{ departments { name } }', unmeasured)).toBe(1 + UNMEASURED_SIZE);
  });

  it('leaves introspection free, so the IDE can load the schema', () => {
    expect(errorsOf('{ __schema { types { name fields { name type { name ofType { name } } } } } }')).toEqual([]);
  });

  it('lets every example of schema/examples through with the default limits', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const dir = 'schema/examples';
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.graphql'))) {
      expect({ file, errors: errorsOf(readFileSync(`${dir}/${file}`, 'utf8')).map((e) => e.message) }).toEqual({
        file,
        errors: [],
      });
    }
  });
});

describe('fragment chains are checked in linear time', () => {
  it.each([22, 30])('costs %p fragments each spreading the previous twice once, in milliseconds', (n) => {
    const bound = linearBound((chain) => errorsOf(fragmentChain(chain)));
    const { result, ms } = timed(() => errorsOf(fragmentChain(n)));
    expect(result).toEqual([]);
    expect(ms).toBeLessThan(bound);
    // executed once per selection set however often spread: serviceInfo 1 + name 1
    expect(costOf(fragmentChain(n))).toBe(2);
  });

  it('refuses a chain that really doubles at every fragment, computing its astronomic cost fast', () => {
    const refused = (chain: number) =>
      refusal(branchingChain(chain), 'QUERY_MAX_COST', { ...defaults, maxDepth: 1_000 });
    const bound = linearBound((chain) => errorsOf(branchingChain(chain), { ...defaults, maxDepth: 1_000 }));
    const { result, ms } = timed(() => refused(30));
    expect(ms).toBeLessThan(bound);
    expect(result.extensions.value as number).toBeGreaterThan(2 ** 30);
    expect(result.message).toMatch(/may resolve about \d\.\de\+\d+ values; the limit is 100000 \(QUERY_MAX_COST\)/);
  });
});

describe('refusals name the limit, the value and how to ask less', () => {
  it('refuses 500 aliases of sdgCoverage by the alias limit and by cost', () => {
    const aliases = Array.from({ length: 500 }, (_, i) => `a${i}: sdgCoverage { cells { measureCount } }`).join(' ');
    const byAliases = refusal(`{ ${aliases} }`, 'QUERY_MAX_ALIASES', { ...defaults, maxTokens: 100_000 });
    expect(byAliases.message).toBe(
      'The operation uses 500 aliases; the limit is 15 (QUERY_MAX_ALIASES). Ask for each field once and filter or page instead of repeating it under aliases; or split the request.',
    );
    expect(byAliases.extensions).toEqual({
      code: 'QUERY_TOO_COMPLEX',
      limit: 'QUERY_MAX_ALIASES',
      value: 500,
      max: 15,
    });
    const byCost = refusal(`{ ${aliases} }`, 'QUERY_MAX_COST', { ...defaults, maxTokens: 100_000 });
    expect(byCost.extensions.value as number).toBeGreaterThan(500 * 600);
  });

  it('refuses the nested plain lists that answered 13 MB by cost, suggesting first and fewer lists', () => {
    const chain = `departments { id name collaborators { sharedMeasures department { id name
      collaborators { sharedMeasures department { id name collaborators { sharedMeasures department { id } } } } } } }`;
    const error = refusal(`{ a: ${chain} b: ${chain} }`, 'QUERY_MAX_COST');
    expect(error.extensions.value as number).toBeGreaterThan(1_000_000);
    expect(error.message).toMatch(
      /\(QUERY_MAX_COST\)\. Ask for fewer items \(`first` on connections\), fewer nested lists/,
    );
  });

  it('refuses depth past QUERY_MAX_DEPTH, fragments flattened', () => {
    const deep =
      'query Deep { ...Q } fragment Q on Query { fields { policyItems { measures { departments { measures { departments { measures { departments { name } } } } } } } } }';
    const error = refusal(deep, 'QUERY_MAX_DEPTH');
    expect(error.message).toMatch(
      /^Operation Deep is nested 9 levels deep; the limit is 8 \(QUERY_MAX_DEPTH\)\. Nest fewer/,
    );
  });

  it('refuses directives and root fields past their limits', () => {
    const directives = Array.from({ length: 51 }, () => '@include(if: true)').join(' ');
    expect(refusal(`{ serviceInfo ${directives} { name } }`, 'QUERY_MAX_DIRECTIVES').extensions.value).toBe(51);
    const roots = Array.from({ length: 21 }, (_, i) => `s${i}: sdg(number: ${(i % 17) + 1}) { name }`).join(' ');
    const error = refusal(`{ ${roots} }`, 'QUERY_MAX_ROOT_FIELDS', { ...defaults, maxAliases: 100 });
    expect(error.message).toMatch(/asks for 21 top-level fields; the limit is 20 \(QUERY_MAX_ROOT_FIELDS\)/);
  });

  it('refuses an operation type the schema has no root for', () => {
    // The service's schema has all three since live updates (subscriptions); a schema of queries alone shows the rule.
    const queriesOnly = buildSchema('type Query { a: Int }');
    const [error] = validate(queriesOnly, parse('subscription { a }'), [knownOperationTypesRule]);
    expect(error?.message).toMatch(/has no subscription operations/);
    expect(errorsOf('subscription { dataVersionChanged { version } }')).toEqual([]);
  });
});

describe('limits on the document text', () => {
  it('measures 5,000 nested list brackets without recursing, so they are refused before parsing', () => {
    const brackets = `{ search(text: "a", types: ${'['.repeat(5000)}${']'.repeat(5000)}) { score } }`;
    expect(nestingDepth(brackets, 10_000)).toBe(5002); // the operation's braces, the arguments, 5,000 brackets
    expect(nestingDepth(brackets, defaults.maxNesting)).toBe(defaults.maxNesting + 1); // stops once over
    expect(nestingDepth('{ a { b(x: [1, [2]]) } }', 64)).toBe(5);
    expect(nestingDepth('{ a(x: "[[[[") }', 2)).toBe(2); // brackets inside strings are text
  });

  it('stops parsing a long flat document past the token limit with a syntax error', () => {
    const long = `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: serviceInfo { name }`).join(' ')} }`;
    expect(() => parse(long, queryParseOptions(defaults))).toThrow(/Document contains more tha[nt] 2000 tokens/);
  });
});
