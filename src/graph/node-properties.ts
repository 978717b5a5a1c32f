import type { RowReader } from '../db/row-reader';
import type { NodeLabel } from './graph-model';
import { INDICATOR_PROPERTIES } from './properties/indicator.properties';
import { MEASURE_PROPERTIES } from './properties/measure.properties';
import { POLICY_ITEM_PROPERTIES } from './properties/policy-item.properties';
import { REFORM_SHEET_PROPERTIES } from './properties/reform-sheet.properties';
import { storedSpecsOf } from './properties/stored-specs';

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
const optionalText = { type: 'string', optional: true } as const;
const num = { type: 'number', optional: false } as const;
const optionalNum = { type: 'number', optional: true } as const;
const flag = { type: 'boolean', optional: false } as const;
const texts = { type: 'string[]' } as const;
const nums = { type: 'number[]' } as const;

/** A string out of a closed set (a GraphQL enum's values). */
function oneOf<const V extends string>(
  values: readonly V[],
): { type: 'string'; optional: false; values: readonly V[] } {
  return { type: 'string', optional: false, values };
}

/** Change marks of the draft revision sheets; the values of the GraphQL enum ChangeStatus. */
export const CHANGE_STATUSES = ['UNCHANGED', 'CHANGED', 'NEW', 'DELETED'] as const;
/** Which way an indicator should move; the values of the GraphQL enum Direction. */
export const DIRECTIONS = ['INCREASE', 'DECREASE', 'UNKNOWN'] as const;

export const NODE_PROPERTIES = {
  Field: { number: num, name: text, nameEn: text, slogan: optionalText },
  PolicyItem: {
    code: text,
    fieldNumber: num,
    name: text,
    previousName: optionalText,
    detailed: flag,
    visions: texts,
    /** The visions as one text, for search only (the full-text index covers strings, not lists). */
    visionText: optionalText,
    collaboration: texts,
    surveyQuestion: optionalText,
    surveyYearLabels: texts,
    surveyYears: nums,
    surveySatisfaction: nums,
    surveyImportance: nums,
    satisfactionRank: optionalNum,
    importanceRank: optionalNum,
    rankOutOf: optionalNum,
    satisfactionRateQuestion: optionalText,
    satisfactionRatePercent: optionalNum,
    // Its numbers (its number within the field …), declared with their fields and uses.
    ...storedSpecsOf(POLICY_ITEM_PROPERTIES),
  },
  Measure: {
    code: text,
    name: text,
    previousName: optionalText,
    description: optionalText,
    status: oneOf(CHANGE_STATUSES),
    deletionReason: optionalText,
    responsibleTerms: texts,
    // Its numbers (its number within the policy item …), declared with their fields and uses.
    ...storedSpecsOf(MEASURE_PROPERTIES),
  },
  Department: { name: text, nameKana: text, nameEn: text },
  Sdg: { number: num, name: text, nameEn: text, color: text },
  Indicator: {
    code: text,
    name: text,
    definition: optionalText,
    currentText: optionalText,
    targetText: optionalText,
    unit: optionalText,
    targetBound: optionalText,
    targetNote: optionalText,
    direction: oneOf(DIRECTIONS),
    // Its numbers (current value and target …), declared with their fields and uses.
    ...storedSpecsOf(INDICATOR_PROPERTIES),
  },
  Project: {
    code: text,
    number: optionalNum,
    name: text,
    previousName: optionalText,
    summary: optionalText,
    status: oneOf(CHANGE_STATUSES),
    deletionReason: optionalText,
  },
  RelatedPlan: {
    code: text,
    name: text,
    previousName: optionalText,
    period: optionalText,
    periodStartLabel: optionalText,
    periodStartYear: optionalNum,
    summary: optionalText,
    status: oneOf(CHANGE_STATUSES),
  },
  ReformArea: { number: num, name: text },
  ReformSheet: {
    code: text,
    areaNumber: num,
    name: text,
    executingTerms: texts,
    partnerTerms: texts,
    partnerGroups: texts,
    partnersOpenEnded: flag,
    viewpoint: text,
    supportedMeasuresText: text,
    unresolvedMeasureNames: texts,
    currentSituation: optionalText,
    actions: optionalText,
    effects: optionalText,
    yearlyTargetLabels: texts,
    yearlyTargetYears: nums,
    yearlyTargetTexts: texts,
    evaluation: optionalText,
    notes: optionalText,
    planChanged: flag,
    // Its numbers (number, page, start and target years …), declared with their fields and uses.
    ...storedSpecsOf(REFORM_SHEET_PROPERTIES),
  },
  LinkagePlan: { number: num, name: text, summary: text, targets: texts },
  Initiative: { number: num, name: text, text },
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

/** The names of the string properties some label stores (what search can look into). */
export type StringPropertyName = {
  [L in NodeLabel]: { [K in keyof Specs<L>]: Specs<L>[K] extends { type: 'string' } ? K : never }[keyof Specs<L>];
}[NodeLabel];

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
