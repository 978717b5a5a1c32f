import { visit, type ASTNode, type GraphQLResolveInfo } from 'graphql';

/** Stored only for search statements (folded copies of a node's texts): no mapper reads them. */
const SEARCH_ONLY = ['searchText', 'visionText'];

/**
 * Optional properties and lists (read back as null or [] when absent), each with the only GraphQL fields
 * whose values are built from it: the field of the same name, a field assembled from several properties
 * (PolicyItem.survey, ReformSheet.yearlyTargets, ReformSheet.collectiveTerms, RelatedPlan.periodStart…), or a
 * field resolver reading the mapped object (Indicator.progress compares current and target). Long texts were
 * most of a node's bytes; the rest, and every property's name, are most of what the driver decodes for each
 * related node a compiled statement sends. Properties required on some label (`summary`, `number`) are not
 * here: the mappers refuse them absent.
 */
const OPTIONAL_READERS: Readonly<Record<string, readonly string[]>> = {
  description: ['description'],
  currentSituation: ['currentSituation'],
  actions: ['actions'],
  effects: ['effects'],
  notes: ['notes'],
  yearlyTargetTexts: ['yearlyTargets'],
  yearlyTargetLabels: ['yearlyTargets'],
  yearlyTargetYears: ['yearlyTargets'],
  previousName: ['previousName'],
  deletionReason: ['deletionReason'],
  responsibleTerms: ['responsibleTerms'],
  slogan: ['slogan'],
  visions: ['visions'],
  collaboration: ['collaboration'],
  surveyQuestion: ['survey'],
  surveyYearLabels: ['survey'],
  surveyYears: ['survey'],
  surveySatisfaction: ['survey'],
  surveyImportance: ['survey'],
  satisfactionRank: ['survey'],
  importanceRank: ['survey'],
  rankOutOf: ['survey'],
  satisfactionRateQuestion: ['satisfactionRate'],
  satisfactionRatePercent: ['satisfactionRate'],
  definition: ['definition'],
  current: ['current', 'progress'],
  currentText: ['currentText'],
  target: ['target', 'progress'],
  targetText: ['targetText'],
  unit: ['unit'],
  targetBound: ['targetBound', 'progress'],
  targetNote: ['targetNote'],
  period: ['period'],
  periodStartLabel: ['periodStart'],
  periodStartYear: ['periodStart'],
  executingTerms: ['collectiveTerms'],
  partnerTerms: ['collectiveTerms'],
  partnerGroups: ['partnerGroups'],
  unresolvedMeasureNames: ['unresolvedMeasureNames'],
  evaluation: ['evaluation'],
  page: ['page'],
  targets: ['targets'],
};

/** Every property the compiler may leave out of projected nodes (a unit test holds them all optional). */
export const OMITTABLE_PROPERTIES: readonly string[] = [...SEARCH_ONLY, ...Object.keys(OPTIONAL_READERS)];

/**
 * The properties a compiled statement leaves out of the nodes it primes the loaders with (as null, which the
 * mappers read as absent): the search-only ones always, an optional one when no field anywhere in the operation
 * or its fragments, on any type, is one that reads it. Judged on the whole document, not one root field's
 * selection, because the primed loaders serve every field of the request that asks for the same
 * relationship of the same node.
 */
export function omittedProperties(document: Pick<GraphQLResolveInfo, 'operation' | 'fragments'>): string[] {
  const named = new Set<string>();
  const collect = (node: ASTNode): void => {
    visit(node, {
      Field(field) {
        named.add(field.name.value);
      },
    });
  };
  collect(document.operation);
  for (const fragment of Object.values(document.fragments)) collect(fragment);
  const unread = Object.entries(OPTIONAL_READERS)
    .filter(([, fields]) => !fields.some((field) => named.has(field)))
    .map(([property]) => property);
  return [...SEARCH_ONLY, ...unread];
}
