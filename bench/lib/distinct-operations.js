'use strict';
/**
 * Distinct valid operations built from the schema, for measuring what the service keeps per operation
 * (issue: memory bounded by design). Every operation is new text, so each one is parsed, validated and compiled
 * anew: its root fields carry aliases of its own, its fields are a random subset of what the types offer, and
 * its list arguments vary. `wide` ones select every field the limits let them, several levels deep, which is
 * what makes a compiled executor large. The builder takes a random source (`pick(n)`: a whole number from 0
 * to n - 1) so a property test draws through fast-check and a benchmark through a seeded generator.
 */
// graphql-js from the project, not bench/'s own copy (installed for @neo4j/graphql): the schemas walked here are
// the service's, and graphql-js refuses to mix the types of two copies.
const {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  parse,
  print,
} = require(require.resolve('graphql', { paths: [require('node:path').join(__dirname, '..', '..')] }));

/** Values for the root fields' required arguments: ids the seed graph has, so the reads reach real data. */
const ROOT_ARGUMENTS = {
  policyItem: ['code: "6-1"', 'code: "5-1"', 'code: "5-3"', 'code: "1-2"'],
  measure: ['code: "5-1-1"', 'code: "5-1-3"', 'code: "1-2-1"'],
  sdg: ['number: 11', 'number: 17', 'number: 3'],
  department: ['ref: "危機管理課"', 'ref: "市民活動推進課"', 'ref: "department:crisis-management"'],
  reformSheet: ['code: "1-8"', 'code: "2-1"'],
  linkagePlan: ['number: 3', 'number: 1'],
  node: ['id: "measure:5-1-1"', 'id: "sdg:17"', 'id: "policy-item:5-3"'],
  progressSummary: ['fiscalYear: 2024', 'fiscalYear: 2025'],
  sdgCoverage: ['', 'field: 5', 'field: 1'],
};

/**
 * Root fields the operations are drawn from: the reads anyone may ask (`changes` and `orphanedRecords` are for
 * editors; `paths` and `neighbours` cost more than the cost limit lets a wide operation add).
 */
const ROOTS = [
  'policyItem',
  'policyItems',
  'measure',
  'measures',
  'indicators',
  'sdg',
  'sdgs',
  'department',
  'departments',
  'fields',
  'reformSheet',
  'reformSheets',
  'linkagePlan',
  'linkagePlans',
  'progressSummary',
  'sdgCoverage',
  'planFiscalYears',
  'progressGrades',
  'reformAreas',
];

/** The service's default limits an operation stays within (QUERY_MAX_TOKENS, _ALIASES, _DEPTH, _ROOT_FIELDS). */
const LIMITS = { tokens: 2000, aliases: 15, depth: 8, rootFields: 20 };
/** Lists under lists multiply the cost; nested lists ask for at most this many items, root lists this many. */
const NESTED_FIRST = 3;
const ROOT_FIRST = 5;

/** A whole number from 0 to n - 1 from a seeded generator (mulberry32), for benchmarks that rerun the same corpus. */
function seededPick(seed) {
  let state = seed >>> 0;
  return (n) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

/**
 * Arguments a field can be asked with: none required but `first`, which lists get small. What is measured is
 * what the service keeps per operation, not the database's work, so pages stay short: a wide operation with
 * pages of 20 kept the benchmark's Neo4j busy far longer than the service.
 */
function argumentsOf(field, pick, nested) {
  if (field.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined)) return undefined;
  const first = field.args.find((arg) => arg.name === 'first');
  if (!first) return '';
  return `(first: ${1 + pick(nested ? NESTED_FIRST : ROOT_FIRST)})`;
}

/**
 * The selection of `type`: leaves kept with probability `keep`/8 (at least one), object fields followed to
 * `depth`. Each field is an object `{ text, tokens }` so the caller can stop at the token limit.
 */
function selectionOf(type, depth, pick, { keep, listDepth }) {
  const parts = [];
  for (const field of Object.values(type.getFields())) {
    if (pick(8) >= keep) continue;
    const named = getNamedType(field.type);
    if (isEnumType(named) || isLeafType(named)) {
      if (field.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined)) continue;
      parts.push(field.name);
      continue;
    }
    if (!isObjectType(named) || depth <= 1 || isInputObjectType(named)) continue;
    const isList = isListType(isNonNullType(field.type) ? field.type.ofType : field.type);
    // A list under a list multiplies the cost past what the cost limit lets a wide operation have.
    if (isList && listDepth >= 1) continue;
    const args = argumentsOf(field, pick, listDepth > 0);
    if (args === undefined) continue;
    const inner = selectionOf(named, depth - 1, pick, { keep, listDepth: listDepth + (isList ? 1 : 0) });
    if (inner) parts.push(`${field.name}${args} { ${inner} }`);
  }
  if (parts.length === 0) {
    const leaf = Object.values(type.getFields()).find((field) => isLeafType(getNamedType(field.type)));
    return leaf ? leaf.name : '__typename';
  }
  return parts.join(' ');
}

/** How many tokens graphql-js counts in `text` (undefined when over `max`). */
function fitsTokens(text, max) {
  try {
    parse(text, { maxTokens: max });
    return true;
  } catch {
    return false;
  }
}

/**
 * One operation: `count` aliased root fields (distinct aliases made from `tag`), each selecting a random subset
 * of its type's fields to `depth` levels, added while the document stays within the token limit. `wide`
 * selects nearly every field (keep 7 in 8) four levels deep; otherwise half the fields, two or three deep.
 * `accepts(text)` says whether the service's limits let a candidate through (its validation rules, run by the
 * caller); a root field that would take the document past them is left out.
 */
function distinctOperation(schema, pick, tag, { wide = false, accepts = () => true } = {}) {
  const query = schema.getQueryType();
  const fields = query.getFields();
  const count = 1 + pick(wide ? 6 : 4);
  const roots = [];
  let text = '';
  for (let i = 0; i < count && roots.length < LIMITS.aliases; i++) {
    const name = ROOTS[pick(ROOTS.length)];
    const field = fields[name];
    if (!field) continue;
    const choices = ROOT_ARGUMENTS[name];
    const given = choices ? choices[pick(choices.length)] : argumentsOf(field, pick, false);
    if (given === undefined) continue;
    const args = given === '' ? '' : given.startsWith('(') ? given : `(${given})`;
    const named = getNamedType(field.type);
    const isList = isListType(isNonNullType(field.type) ? field.type.ofType : field.type);
    const selection = isLeafType(named)
      ? ''
      : ` { ${selectionOf(named, wide ? 4 : 2 + pick(2), pick, { keep: wide ? 7 : 4, listDepth: isList ? 1 : 0 })} }`;
    const root = `${tag}_${i}: ${name}${args}${selection}`;
    const candidate = `query Q${tag} { ${[...roots, root].join(' ')} }`;
    if (!fitsTokens(candidate, LIMITS.tokens) || !accepts(candidate)) continue;
    roots.push(root);
    text = candidate;
  }
  return text || `query Q${tag} { ${tag}: __typename }`;
}

/**
 * The kinds of hostile operation, each new text every time (`make()`): what a client trying to make the service
 * keep or spend more sends. All but one are refused by a limit or by validation (`refused`: aliases past the limit,
 * nesting past the depth, tokens past the limit, unknown fields, broken syntax, lists asked past the cost limit, an
 * argument past its length); a fragment chain that doubles at each step is valid and answered, its spreads merged
 * to one field, so what it could cost is never paid. The property measured is that they leave nothing behind.
 */
function hostileKinds(pick, tag) {
  const refused = (make) => ({ refused: true, make });
  return [
    refused(() => `{ ${Array.from({ length: 16 + pick(40) }, (_, i) => `${tag}_${i}: sdgs { number }`).join(' ')} }`),
    refused(() => {
      const depth = 9 + pick(6);
      let selection = 'nameEn';
      for (let level = 0; level < depth; level++) selection = `${level % 2 ? 'departments' : 'sdgs'} { ${selection} }`;
      return `query ${tag} { departments { ${selection} } }`;
    }),
    {
      refused: false,
      make: () => {
        const n = 10 + pick(13);
        const fragments = [`fragment ${tag}F0 on Department { name }`];
        for (let i = 1; i < n; i++)
          fragments.push(`fragment ${tag}F${i} on Department { ...${tag}F${i - 1} ...${tag}F${i - 1} }`);
        return `{ departments { ...${tag}F${n - 1} } }\n${fragments.join('\n')}`;
      },
    },
    refused(() => `{ ${tag}: sdgs { ${Array.from({ length: 1200 + pick(800) }, () => 'number').join(' ')} } }`),
    refused(() => `query ${tag} { sdgs { number ${tag}_unknown } }`),
    refused(() => `query ${tag} { sdgs { number { } }`),
    refused(
      () =>
        `query ${tag} { measures(first: ${100 + pick(100_000)}) { nodes { departments { sdgs { measures { code } } } } } }`,
    ),
    refused(
      () =>
        `query ${tag} { departments { name } ${tag}_x: policyItem(code: "${'9'.repeat(200 + pick(4000))}") { name } }`,
    ),
  ];
}

/** One hostile operation of hostileKinds', drawn by `pick`. */
function hostileOperation(pick, tag) {
  const kinds = hostileKinds(pick, tag);
  return kinds[pick(kinds.length)].make();
}

/**
 * One hostile request with variables, new text every time: variables of the wrong type, past Int's range, missing,
 * with fields their input type lacks, nested far deeper than any filter, a variable of a type the schema lacks, and
 * variables that are not an object. Each is refused before anything runs (a 400 naming the variable), so a client
 * cannot make the service keep or spend more through its variables either. Returns `{ query, variables }`.
 */
function badVariablesRequest(pick, tag) {
  const page = `query ${tag}($n: Int!) { measures(first: $n) { nodes { code } } }`;
  const filtered = `query ${tag}($f: MeasureFilter) { measures(filter: $f) { nodes { code } } }`;
  const kinds = [
    () => ({ query: page, variables: { n: `many-${tag}` } }),
    () => ({ query: page, variables: { n: 2 ** 31 + pick(2 ** 20) } }),
    () => ({ query: `query ${tag}($code: String!) { measure(code: $code) { code } }`, variables: {} }),
    () => ({ query: filtered, variables: { f: { [`${tag}_unknown`]: 1 } } }),
    () => {
      let f = { field: 1 };
      for (let level = 0; level < 200 + pick(800); level++) f = { and: [f] };
      return { query: filtered, variables: { f } };
    },
    () => ({ query: `query ${tag}($x: ${tag}Missing) { sdgs { number } }`, variables: { x: 1 } }),
    () => ({ query: page, variables: [tag] }),
  ];
  return kinds[pick(kinds.length)]();
}

/**
 * One hostile request (`{ query, variables?, refused }`): one in four with bad variables (badVariablesRequest),
 * the others an operation of hostileKinds'; `refused` says whether the service must turn it away (with a 4xx).
 */
function hostileRequest(pick, tag) {
  if (pick(4) === 0) return { ...badVariablesRequest(pick, tag), refused: true };
  const kinds = hostileKinds(pick, tag);
  const kind = kinds[pick(kinds.length)];
  return { query: kind.make(), refused: kind.refused };
}

/**
 * A new text of `shape` (an operation of distinctOperation's) that asks the database exactly what `shape` asks:
 * only what the GraphQL layer keeps and a statement does not differs. The operation's name and its root fields'
 * aliases are made from `tag` and the root fields come in another order; with `extras`, a root `__typename` with
 * an alias of its own may be added (answered without the database) and the root fields moved into a named
 * fragment spread at the root. Whether the limits leave room for the extras (tokens, cost) is the shape's, not
 * the names': roomForExtras says it once per shape. Each variant is parsed, validated and compiled anew by the
 * service, as a new operation is, while its statements are the shape's, which Neo4j has planned once: thousands
 * of distinct documents in minutes.
 */
function sameStatementsVariant(shape, pick, tag, { extras = true } = {}) {
  const [operation] = parse(shape).definitions;
  const roots = operation.selectionSet.selections.map((field, i) => ({
    ...field,
    alias: { kind: Kind.NAME, value: `${tag}_${i}` },
  }));
  for (let i = roots.length - 1; i > 0; i--) {
    const j = pick(i + 1);
    [roots[i], roots[j]] = [roots[j], roots[i]];
  }
  const named = (selections, definitions = []) =>
    print({
      kind: Kind.DOCUMENT,
      definitions: [
        {
          ...operation,
          name: { kind: Kind.NAME, value: `V${tag}` },
          selectionSet: { ...operation.selectionSet, selections },
        },
        ...definitions,
      ],
    });
  if (!extras) return named(roots);
  const typename = {
    kind: Kind.FIELD,
    alias: { kind: Kind.NAME, value: `${tag}_t` },
    name: { kind: Kind.NAME, value: '__typename' },
  };
  const withTypename = pick(2) ? [...roots.slice(0, 1), typename, ...roots.slice(1)] : roots;
  const fragment = `${tag}_F`;
  return pick(2)
    ? named(
        [{ kind: Kind.FRAGMENT_SPREAD, name: { kind: Kind.NAME, value: fragment } }],
        [
          {
            kind: Kind.FRAGMENT_DEFINITION,
            name: { kind: Kind.NAME, value: fragment },
            typeCondition: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: 'Query' } },
            selectionSet: { kind: Kind.SELECTION_SET, selections: withTypename },
          },
        ],
      )
    : named(withTypename);
}

/** Whether `shape`'s variants may have the extras within the token limit and what `accepts` lets through. */
function roomForExtras(shape, { accepts = () => true } = {}) {
  const all = sameStatementsVariant(shape, () => 1, 'x', { extras: true });
  return fitsTokens(all, LIMITS.tokens) && accepts(all);
}

module.exports = {
  LIMITS,
  badVariablesRequest,
  distinctOperation,
  hostileOperation,
  hostileRequest,
  roomForExtras,
  sameStatementsVariant,
  seededPick,
};
