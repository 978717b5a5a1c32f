import type DataLoader from 'dataloader';
import { SheetRole } from '../common/enums';
import type { GraphLoaders, NodeProperties } from '../graph/graph-loaders';
import type { RelationshipType } from '../graph/graph-model';

/**
 * One relationship field the selection compiler can fetch inside the root field's statement: the fragment
 * of cypher/projection/ that finds the related nodes, and the per-request DataLoader whose answer it
 * stands in for. The compiled statement's rows prime that loader, so the field resolver itself runs
 * unchanged and finds its answer already loaded (same rows, same order: the fragment mirrors the loader's
 * batch statement).
 */
export interface Projection {
  /** Identifies the loader (and so the data); two selections with the same key are fetched once. */
  readonly key: string;
  /** The fragment's name in the Cypher registry, e.g. `projection/incoming/RESPONSIBLE_FOR`. */
  readonly fragment: string;
  readonly loader: (loaders: GraphLoaders) => DataLoader<string, NodeProperties[]>;
}

function outgoing(type: RelationshipType): Projection {
  return { key: `out:${type}`, fragment: `projection/outgoing/${type}`, loader: (l) => l.outgoing(type) };
}

function incoming(type: RelationshipType): Projection {
  return { key: `in:${type}`, fragment: `projection/incoming/${type}`, loader: (l) => l.incoming(type) };
}

/** A multi-hop path: `statement` is the loader's `*-by-ids` batch file, the fragment drops that suffix. */
function path(statement: `${string}-by-ids`): Projection {
  return {
    key: `path:${statement}`,
    fragment: `projection/${statement.replace(/-by-ids$/, '')}`,
    loader: (l) => l.path(statement),
  };
}

/** Chooses the projection from the field's arguments (already coerced, defaults applied); none = not compiled. */
type ProjectionFor = (args: Readonly<Record<string, unknown>>) => Projection | undefined;

const always =
  (projection: Projection): ProjectionFor =>
  () =>
    projection;

/**
 * The relationship fields known to the compiler, by GraphQL type and field name, each mirroring what its
 * field resolver loads (src/<feature>/*.resolver.ts). Arguments that only filter the loaded list in the
 * resolver (`includeDeleted`) need no entry: the resolver still applies them. A field missing here is
 * simply resolved the usual way, through its loader.
 */
export const PROJECTIONS: Readonly<Record<string, Readonly<Record<string, ProjectionFor>>>> = {
  PolicyField: { policyItems: always(outgoing('HAS_ITEM')) },
  PolicyItem: {
    field: always(incoming('HAS_ITEM')),
    sdgs: always(outgoing('CONTRIBUTES_TO')),
    measures: always(outgoing('HAS_MEASURE')),
    indicators: always(outgoing('MEASURED_BY')),
    projects: always(outgoing('HAS_PROJECT')),
    relatedPlans: always(outgoing('HAS_RELATED_PLAN')),
    departments: always(path('policy-item/departments-by-ids')),
    reformSheets: always(path('policy-item/reform-sheets-by-ids')),
    linkagePlans: always(path('policy-item/linkage-plans-by-ids')),
    initiatives: always(incoming('TARGETS')),
  },
  Measure: {
    policyItem: always(incoming('HAS_MEASURE')),
    departments: always(incoming('RESPONSIBLE_FOR')),
    sdgs: always(path('measure/sdgs-by-ids')),
    reformSheets: always(incoming('SUPPORTS')),
  },
  Department: {
    measures: always(outgoing('RESPONSIBLE_FOR')),
    policyItems: always(path('department/policy-items-by-ids')),
    sdgs: always(path('department/sdgs-by-ids')),
    reformSheets: ({ role }) =>
      role === SheetRole.EXECUTING
        ? outgoing('EXECUTES')
        : role === SheetRole.PARTNER
          ? outgoing('PARTNERS_ON')
          : path('department/reform-sheets-by-ids'),
  },
  Sdg: {
    policyItems: always(incoming('CONTRIBUTES_TO')),
    measures: always(path('sdg/measures-by-ids')),
    departments: always(path('sdg/departments-by-ids')),
    reformSheets: always(path('sdg/reform-sheets-by-ids')),
  },
  ReformSheet: {
    area: always(outgoing('IN_AREA')),
    departments: always(incoming('EXECUTES')),
    partners: always(incoming('PARTNERS_ON')),
    measures: always(outgoing('SUPPORTS')),
    sdgs: always(path('reform-sheet/sdgs-by-ids')),
  },
  ReformArea: { sheets: always(incoming('IN_AREA')) },
  Indicator: { policyItem: always(incoming('MEASURED_BY')) },
  LinkagePlan: {
    initiatives: always(outgoing('HAS_INITIATIVE')),
    policyItems: always(path('linkage-plan/policy-items-by-ids')),
  },
  Initiative: { plan: always(incoming('HAS_INITIATIVE')), policyItems: always(outgoing('TARGETS')) },
  Project: { policyItem: always(incoming('HAS_PROJECT')) },
  RelatedPlan: { policyItem: always(incoming('HAS_RELATED_PLAN')) },
};
