import type { NodeLabel } from '../../graph/graph-model';
import { planPeriod } from '../../records/plan-period';
import { PROGRESS_GRADES } from '../../records/progress-grades';
import { HISTORY_LIMIT } from '../../records/record-year.type';
import type { GraphSizes } from './graph-statistics';
import { UNMEASURED_SIZE } from './graph-statistics';

type SizeOf = (graph: GraphSizes) => number;

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

/**
 * Lists that follow relationships, as their resolvers do (`Type.field` → the largest list in the loaded
 * graph). A multi-hop list is bounded by the product of its hops' fan-outs; every node list is also bounded
 * by its label's node count, so a loose product costs nothing. Node lists not named here (e.g.
 * `Query.departments`) are bounded by their label's count alone.
 */
const RELATIONSHIP_LISTS: Readonly<Record<string, SizeOf>> = {
  'PolicyField.policyItems': (g) => g.out('HAS_ITEM'),
  'PolicyItem.sdgs': (g) => g.out('CONTRIBUTES_TO'),
  'PolicyItem.measures': (g) => g.out('HAS_MEASURE'),
  'PolicyItem.indicators': (g) => g.out('MEASURED_BY'),
  'PolicyItem.projects': (g) => g.out('HAS_PROJECT'),
  'PolicyItem.relatedPlans': (g) => g.out('HAS_RELATED_PLAN'),
  'PolicyItem.departments': (g) => g.out('HAS_MEASURE') * g.in('RESPONSIBLE_FOR'),
  'PolicyItem.reformSheets': (g) => g.out('HAS_MEASURE') * g.in('SUPPORTS'),
  'PolicyItem.initiatives': (g) => g.in('TARGETS'),
  'PolicyItem.linkagePlans': (g) => g.in('TARGETS') * g.in('HAS_INITIATIVE'),
  'Measure.departments': (g) => g.in('RESPONSIBLE_FOR'),
  'Measure.sdgs': (g) => g.in('HAS_MEASURE') * g.out('CONTRIBUTES_TO'),
  'Measure.reformSheets': (g) => g.in('SUPPORTS'),
  'Department.measures': (g) => g.out('RESPONSIBLE_FOR'),
  'Department.policyItems': (g) => g.out('RESPONSIBLE_FOR') * g.in('HAS_MEASURE'),
  'Department.sdgs': (g) => g.out('RESPONSIBLE_FOR') * g.in('HAS_MEASURE') * g.out('CONTRIBUTES_TO'),
  // role ANY is the union of both roles; EXECUTING or PARTNER alone is smaller.
  'Department.reformSheets': (g) => g.out('EXECUTES') + g.out('PARTNERS_ON'),
  'Sdg.policyItems': (g) => g.in('CONTRIBUTES_TO'),
  'Sdg.measures': (g) => g.in('CONTRIBUTES_TO') * g.out('HAS_MEASURE'),
  'Sdg.departments': (g) => g.in('CONTRIBUTES_TO') * g.out('HAS_MEASURE') * g.in('RESPONSIBLE_FOR'),
  'Sdg.reformSheets': (g) => g.in('CONTRIBUTES_TO') * g.out('HAS_MEASURE') * g.in('SUPPORTS'),
  'ReformSheet.departments': (g) => g.in('EXECUTES'),
  'ReformSheet.partners': (g) => g.in('PARTNERS_ON'),
  'ReformSheet.measures': (g) => g.out('SUPPORTS'),
  'ReformSheet.sdgs': (g) => g.out('SUPPORTS') * g.in('HAS_MEASURE') * g.out('CONTRIBUTES_TO'),
  'ReformArea.sheets': (g) => g.in('IN_AREA'),
  'LinkagePlan.initiatives': (g) => g.out('HAS_INITIATIVE'),
  'LinkagePlan.policyItems': (g) => g.out('HAS_INITIATIVE') * g.out('TARGETS'),
  'Initiative.policyItems': (g) => g.out('TARGETS'),
  'CoverageCell.measures': (g) => g.out('RESPONSIBLE_FOR'),
};

/** Lists of things that are not nodes of one label. */
const OTHER_LISTS: Readonly<Record<string, SizeOf>> = {
  'Department.collaborators': (g) => g.label('Department'),
  'SdgCoverage.cells': (g) => g.label('Department') * g.label('Sdg'),
  // Reform sheets plan the fiscal years R5–R9.
  'ReformSheet.yearlyTargets': () => 5,
  // Records exist only for the plan period's fiscal years; each year shows its newest HISTORY_LIMIT revisions.
  'Indicator.results': planYears,
  'ReformSheet.evaluations': planYears,
  'IndicatorResultYear.history': () => HISTORY_LIMIT,
  'SheetEvaluationYear.history': () => HISTORY_LIMIT,
  // The progress summary: one entry per field or department (at most all of them), one bar per grade.
  'ProgressSummary.fields': (g) => g.label('Field'),
  'ProgressSummary.departments': (g) => g.label('Department'),
  'OverallProgress.grades': () => PROGRESS_GRADES.length,
  'FieldProgress.grades': () => PROGRESS_GRADES.length,
  'DepartmentProgress.grades': () => PROGRESS_GRADES.length,
  'Query.progressGrades': () => PROGRESS_GRADES.length,
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
  const byRelationship = RELATIONSHIP_LISTS[key];
  if (label === undefined) return byRelationship ? byRelationship(graph) : UNMEASURED_SIZE;
  return byRelationship ? Math.min(byRelationship(graph), graph.label(label)) : graph.label(label);
}
