import type { NodeLabel } from '../../../graph/graph-model';
import { relationshipOf, type SizeOf } from '../../../read/declared-relationships';
import { planPeriod } from '../../../write/plan-period';
import { PROGRESS_GRADES } from '../../../write/progress-grades';
import { IndicatorOutlookStatus } from '../../../graph/outlook-status';
import { HISTORY_LIMIT } from '../../../write/record-year.type';
import { UNMEASURED_SIZE } from './graph-statistics';
import type { GraphSizes } from '../../../read/graph-sizes';
import { MAX_CITED_LINES } from '../../../graph/cited-line.type';

/** The node label behind each GraphQL object type (a connection's items: the type without `Connection`). */
const LABEL_OF_TYPE: Readonly<Record<string, NodeLabel>> = {
  PolicyField: 'Field',
  PolicyItem: 'PolicyItem',
  Measure: 'Measure',
  Department: 'Department',
  Sdg: 'Sdg',
  Indicator: 'Indicator',
  Project: 'Project',
  RelatedPlan: 'RelatedPlan',
  ReformArea: 'ReformArea',
  ReformSheet: 'ReformSheet',
  LinkagePlan: 'LinkagePlan',
  Initiative: 'Initiative',
};

/** The progress summary's group types, each with grade and outlook counts (src/write/progress-summary.ts). */
const PROGRESS_GROUP_TYPES = [
  'OverallProgress',
  'FieldProgress',
  'DepartmentProgress',
  'SdgProgress',
  'PolicyItemProgress',
];
const OUTLOOK_STATUS_COUNT = Object.keys(IndicatorOutlookStatus).length;

/**
 * Lists that are not relationship fields of src/read/declared-relationships.ts (which sizes those, each from its
 * hops' fan-outs): things that are not nodes of one label, and node lists computed otherwise. Node lists
 * named in neither (e.g. `Query.departments`) are bounded by their label's count alone.
 */
const OTHER_LISTS: Readonly<Record<string, SizeOf>> = {
  // A coverage cell's measures: those of one department (touching one SDG).
  'CoverageCell.measures': (g) => g.out('RESPONSIBLE_FOR'),
  'Department.collaborators': (g) => g.label('Department'),
  'SdgCoverage.cells': (g) => g.label('Department') * g.label('Sdg'),
  // What the documents cover: one entry per field.
  'DocumentCoverage.fields': (g) => g.label('Field'),
  // Reform sheets plan the fiscal years R5–R9.
  'ReformSheet.yearlyTargets': () => 5,
  // Records exist only for the plan period's fiscal years; each year shows its newest HISTORY_LIMIT revisions.
  'Indicator.results': planYears,
  'ReformSheet.evaluations': planYears,
  'IndicatorResultYear.history': () => HISTORY_LIMIT,
  'SheetEvaluationYear.history': () => HISTORY_LIMIT,
  // The progress summary: one entry per field, department, SDG or policy item (at most all of them), one bar
  // per grade and one per outlook status.
  'ProgressSummary.fields': (g) => g.label('Field'),
  'ProgressSummary.departments': (g) => g.label('Department'),
  'ProgressSummary.sdgs': (g) => g.label('Sdg'),
  'ProgressSummary.policyItems': (g) => g.label('PolicyItem'),
  ...Object.fromEntries(
    PROGRESS_GROUP_TYPES.flatMap((type) => [
      [`${type}.grades`, () => PROGRESS_GRADES.length],
      [`${type}.outlooks`, () => OUTLOOK_STATUS_COUNT],
    ]),
  ),
  'Query.progressGrades': () => PROGRESS_GRADES.length,
  'Query.planFiscalYears': planYears,
  // Who answers for an indicator: one owner per ANSWERS_FOR link into it, each through measures of the
  // indicator's policy item, citing at most MAX_CITED_LINES lines (as the outlook years do).
  'Indicator.owners': (g) => g.in('ANSWERS_FOR'),
  'IndicatorOwner.measures': (g) => g.out('HAS_MEASURE'),
  'IndicatorOwner.evidence': () => MAX_CITED_LINES,
  'OutlookYears.evidence': () => MAX_CITED_LINES,
  // paths: maxHops ≤ 8 (PathsArgs), so at most 8 steps and 9 nodes per path.
  'GraphPath.steps': () => 8,
  'GraphPath.nodes': () => 9,
};

function planYears(): number {
  const { firstYear, lastYear } = planPeriod();
  return lastYear - firstYear + 1;
}

/**
 * The largest value a `first` argument given as a variable can take (validation runs before variables are
 * known), from the resolvers' @Max: 100 for connections and search unless named here.
 */
const FIRST_MAXIMUM: Readonly<Record<string, number>> = {
  'Query.paths': 10,
  'Query.neighbours': 200,
};
const DEFAULT_FIRST_MAXIMUM = 100;

export function firstMaximum(parentType: string, field: string): number {
  return FIRST_MAXIMUM[`${parentType}.${field}`] ?? DEFAULT_FIRST_MAXIMUM;
}

/**
 * The most items the list field `parentType.field` of items `itemType` can hold in the loaded graph; for a
 * connection (`itemType` ends with `Connection`), the most nodes it can page through.
 */
export function largestListSize(parentType: string, field: string, itemType: string, graph: GraphSizes): number {
  const key = `${parentType}.${field}`;
  const other = OTHER_LISTS[key];
  if (other) return other(graph);
  const label = LABEL_OF_TYPE[itemType.replace(/Connection$/, '')];
  // A nested connection (`Sdg.departmentsConnection`) pages the nodes of its relationship list.
  const byRelationship = (
    relationshipOf(parentType, field) ?? relationshipOf(parentType, field.replace(/Connection$/, ''))
  )?.size;
  if (label === undefined) return byRelationship ? byRelationship(graph) : UNMEASURED_SIZE;
  return byRelationship ? Math.min(byRelationship(graph), graph.label(label)) : graph.label(label);
}
