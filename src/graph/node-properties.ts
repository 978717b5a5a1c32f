import type { RowReader } from '../db/row-reader';
import type { NodeLabel } from './graph-model';
import { Direction } from './enums';
import { LABEL_ATTRIBUTES as A } from './kinds/label-attributes';
import { attributeSpecsOf } from './kinds/stored-specs';

/**
 * The stored properties of each node label: the one contract between the merge (which writes them, see
 * GraphBuilder.node), the loader (which refuses a graph breaking it, see node-property-rules.ts) and the
 * GraphQL mappers (which read them through readNode). Renaming or retyping a property here makes every
 * writer and reader that disagrees fail to compile.
 *
 * Besides these, every node stores `id` (set by the loader), `sortKey` (display order), `searchText` (the
 * searchable texts folded, see searchable-fields.ts) and `sourceDocument`/`sourceLine` (provenance).
 * Absent values are not stored: optional scalars read back as null, lists as [].
 */

type Spec =
  | { readonly type: 'string'; readonly optional: boolean; readonly values?: readonly string[] }
  | { readonly type: 'number'; readonly optional: boolean }
  | { readonly type: 'boolean'; readonly optional: false }
  | { readonly type: 'string[]' }
  | { readonly type: 'number[]' };

const text = { type: 'string', optional: false } as const;
const num = { type: 'number', optional: false } as const;
const optionalNum = { type: 'number', optional: true } as const;

/** Which way an indicator should move; the values of the GraphQL enum Direction. */
export const DIRECTIONS = Object.values(Direction);

/** Each label's stored properties, as its attributes' declaration (src/graph/kinds/) gives them. */
export const NODE_PROPERTIES = {
  Field: attributeSpecsOf(A.Field),
  PolicyItem: attributeSpecsOf(A.PolicyItem),
  Measure: attributeSpecsOf(A.Measure),
  Department: attributeSpecsOf(A.Department),
  Sdg: attributeSpecsOf(A.Sdg),
  Indicator: attributeSpecsOf(A.Indicator),
  Project: attributeSpecsOf(A.Project),
  RelatedPlan: attributeSpecsOf(A.RelatedPlan),
  ReformArea: attributeSpecsOf(A.ReformArea),
  ReformSheet: attributeSpecsOf(A.ReformSheet),
  LinkagePlan: attributeSpecsOf(A.LinkagePlan),
  Initiative: attributeSpecsOf(A.Initiative),
} as const satisfies Record<NodeLabel, Record<string, Spec>>;

type Specs<L extends NodeLabel> = (typeof NODE_PROPERTIES)[L];

type ValueOf<S> = S extends { type: 'string'; values: readonly (infer V)[] }
  ? V
  : S extends { type: 'string' }
    ? string
    : S extends { type: 'number' }
      ? number
      : S extends { type: 'boolean' }
        ? boolean
        : S extends { type: 'string[]' }
          ? readonly string[]
          : S extends { type: 'number[]' }
            ? readonly number[]
            : never;

/** Keys the merge must always give: non-optional scalars. */
type RequiredKey<L extends NodeLabel> = {
  [K in keyof Specs<L>]: Specs<L>[K] extends { optional: false } ? K : never;
}[keyof Specs<L>];
type OptionalKey<L extends NodeLabel> = Exclude<keyof Specs<L>, RequiredKey<L>>;

/** Properties every node has besides its label's own, as the merge gives them. */
interface CommonBag {
  /** Display order within the label: lower-case, digits and hyphens. */
  readonly sortKey: string;
}

/**
 * What the merge hands GraphBuilder.node for a node of label L: required values present, optional ones may
 * be null or undefined (not stored), lists may be empty or missing (not stored). An unknown or misspelled
 * key is a compile error.
 */
export type NodeBag<L extends NodeLabel> = CommonBag & { readonly [K in RequiredKey<L>]: ValueOf<Specs<L>[K]> } & {
  readonly [K in OptionalKey<L>]?: ValueOf<Specs<L>[K]> | null;
};

/** A label's properties as the API reads them back: optional scalars are null when absent, lists []. */
export type StoredNode<L extends NodeLabel> = {
  readonly id: string;
  readonly sortKey: string;
  readonly sourceDocument: string;
  readonly sourcePage: number | null;
  readonly sourceLine: number;
} & {
  readonly [K in keyof Specs<L>]: Specs<L>[K] extends { optional: true }
    ? ValueOf<Specs<L>[K]> | null
    : ValueOf<Specs<L>[K]>;
};

/**
 * The stored properties of label L, typed by the contract: a column of the wrong type fails naming it.
 *
 * A row that is a compiled statement's projection (`RowReader.projected`) may leave out properties no field
 * of the operation reads (src/read/prefetch/property-demand.ts). A required scalar left out stays undefined, which
 * nothing reads; left-out optional scalars and lists read as absent (null, []), as the mappers expect.
 */
export function readNode<L extends NodeLabel>(label: L, row: RowReader): StoredNode<L> {
  const out: Record<string, unknown> = {};
  for (const [key, spec, required] of entriesOf(label)) {
    if (required && row.leftOut(key)) continue;
    out[key] = readValue(row, key, spec, label);
  }
  return out as StoredNode<L>;
}

/** Every property a node of the label has (the common ones first), with its spec and whether it is a required scalar. */
type Entry = readonly [key: string, spec: Spec, required: boolean];
// sourcePage only on what was read from a PDF (sourceLine then counts the lines of that page).
const COMMON_SPECS: Readonly<Record<string, Spec>> = {
  id: text,
  sortKey: text,
  sourceDocument: text,
  sourcePage: optionalNum,
  sourceLine: num,
};
const ENTRIES = new Map<NodeLabel, readonly Entry[]>();

function entriesOf(label: NodeLabel): readonly Entry[] {
  let entries = ENTRIES.get(label);
  if (!entries) {
    const specs: Readonly<Record<string, Spec>> = Object.assign({}, COMMON_SPECS, NODE_PROPERTIES[label]);
    entries = Object.entries(specs).map(([key, spec]): Entry => [key, spec, isRequiredScalar(spec)]);
    ENTRIES.set(label, entries);
  }
  return entries;
}

function isRequiredScalar(spec: Spec): boolean {
  return 'optional' in spec && !spec.optional;
}

function readValue(row: RowReader, key: string, spec: Spec, label: NodeLabel): unknown {
  switch (spec.type) {
    case 'string': {
      const value = spec.optional ? row.optionalString(key) : row.string(key);
      if (value !== null && spec.values && !spec.values.includes(value))
        throw new TypeError(`${label}.${key}: expected one of ${spec.values.join(', ')}, got ${JSON.stringify(value)}`);
      return value;
    }
    case 'number':
      return spec.optional ? row.optionalNumber(key) : row.number(key);
    case 'boolean':
      return row.boolean(key);
    case 'string[]':
      return row.strings(key);
    case 'number[]':
      return row.numbers(key);
  }
}

/** The contract's entries of one label, for code that checks stored properties generically (the loader). */
export function propertySpecs(label: NodeLabel): Readonly<Record<string, Spec>> {
  return NODE_PROPERTIES[label];
}

export type { Spec as PropertySpec };
