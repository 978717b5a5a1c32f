import 'reflect-metadata';
import { specifiedDirectives, type GraphQLSchema } from 'graphql';
import { MAX_LENGTH_DIRECTIVE, describeMaxLengths } from './core/argument-length';
import type { NodeLabel } from './graph/graph-model';
import { buildSchema, type NonEmptyArray, type PubSub } from 'type-graphql';
import { roleAuthChecker } from './platform/auth/auth-checker';
import { validateArgument } from './platform/graphql/argument-validation';
import { resolveTypesAtOnce } from './platform/graphql/synchronous-type-resolvers';
import { SdgCoverageResolver } from './model/analytics/sdg-coverage.resolver';
import { DepartmentRelationships, DepartmentResolver } from './model/department/department.resolver';
import { PolicyFieldRelationships, PolicyFieldResolver } from './model/field/policy-field.resolver';
import { nodeTypeName } from './graph/node.interface';
import { NodeResolver } from './model/node/node.resolver';
import { MAPPERS, STORED_AS_IS } from './model/node/to-graphql-node';
import { typeNameOf } from './read/prefetch/property-demand';
import { answerPrimedFields } from './read/primed-fields';
import { answerPrimedPages } from './read/primed-pages';
import { IndicatorRelationships, IndicatorsRootConnection } from './model/indicator/indicator.resolver';
import {
  InitiativeRelationships,
  LinkagePlanRelationships,
  LinkagePlanResolver,
  LinkagePlansResolver,
} from './model/linkage-plan/linkage-plan.resolver';
import { MeasureRelationships, MeasureResolver, MeasuresRootConnection } from './model/measure/measure.resolver';
import {
  PolicyItemRelationships,
  PolicyItemResolver,
  PolicyItemsRootConnection,
} from './model/policy-item/policy-item.resolver';
import { ProjectRelationships } from './model/project/project.resolver';
import {
  ReformAreaRelationships,
  ReformSheetRelationships,
  ReformAreasResolver,
  ReformSheetResolver,
  ReformSheetsRootConnection,
} from './model/reform-sheet/reform-sheet.resolver';
import { ProgressResolver } from './write/progress.resolver';
import { OutlookResolver } from './write/outlook.resolver';
import { IndicatorOwnersResolver } from './model/indicator/indicator-owners.resolver';
import { IndicatorResultsResolver, SheetEvaluationsResolver } from './write/record-fields.resolver';
import { RecordsResolver } from './write/records.resolver';
import { yearRecordTypeName } from './write/record.types';
import { ResultYearProgressResolver } from './write/result-year-progress.resolver';
import { RelatedPlanRelationships } from './model/related-plan/related-plan.resolver';
import { SdgRelationships, SdgResolver, SdgsResolver } from './model/sdg/sdg.resolver';
import { PathsResolver } from './model/paths/paths.resolver';
import { SearchResolver } from './model/search/search.resolver';
import { ServiceInfoResolver } from './platform/service/service-info.resolver';
import { DocumentCoverageResolver } from './platform/service/document-coverage.resolver';
import { OutlookYearsResolver } from './platform/service/outlook-years.resolver';
import { LiveUpdatesResolver } from './platform/live/live-updates.resolver';

/** The one list of resolvers; adding a feature means adding its resolver here. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const RESOLVERS: NonEmptyArray<Function> = [
  NodeResolver,
  PolicyFieldResolver,
  PolicyItemResolver,
  MeasureResolver,
  DepartmentResolver,
  SdgResolver,
  SdgsResolver,
  ReformSheetResolver,
  ReformAreasResolver,
  LinkagePlanResolver,
  LinkagePlansResolver,
  SearchResolver,
  SdgCoverageResolver,
  PathsResolver,
  ServiceInfoResolver,
  DocumentCoverageResolver,
  OutlookYearsResolver,
  RecordsResolver,
  IndicatorResultsResolver,
  SheetEvaluationsResolver,
  IndicatorOwnersResolver,
  ProgressResolver,
  OutlookResolver,
  ResultYearProgressResolver,
  LiveUpdatesResolver,
  // The root connections, one factory call each (src/read/root-connection.ts).
  PolicyItemsRootConnection,
  MeasuresRootConnection,
  IndicatorsRootConnection,
  ReformSheetsRootConnection,
  // Each type's relationship fields without arguments and its nested connections, one table entry each
  // (src/read/relationship-fields.ts).
  ...PolicyFieldRelationships,
  ...PolicyItemRelationships,
  ...MeasureRelationships,
  ...DepartmentRelationships,
  ...SdgRelationships,
  ...IndicatorRelationships,
  ...ProjectRelationships,
  ...RelatedPlanRelationships,
  ...ReformSheetRelationships,
  ...ReformAreaRelationships,
  ...LinkagePlanRelationships,
  ...InitiativeRelationships,
];

/**
 * type-graphql insists on a PubSub once any subscription exists, even when each names its own `subscribe`, as
 * ours do: they read the feed of their WebSocket connection's context (src/platform/live/), since one process may serve
 * several data versions (tests, several instances) through one schema. Topics are never used.
 */
const NO_TOPICS: PubSub = {
  publish: () => {
    throw new Error('subscriptions here have no topics: each reads its connection context (src/platform/live/)');
  },
  subscribe: () => {
    throw new Error('subscriptions here have no topics: each reads its connection context (src/platform/live/)');
  },
};

let built: Promise<GraphQLSchema> | undefined;

/**
 * Builds the schema once per process (type-graphql's metadata is global; building twice is wasted work).
 * No global middlewares: the fast paths of relationship fields and nested connections (src/read/primed-fields.ts,
 * primed-pages.ts) rely on it.
 */
export function graphSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers: RESOLVERS,
    validate: true,
    validateFn: validateArgument,
    authChecker: roleAuthChecker,
    pubSub: NO_TOPICS,
    directives: [...specifiedDirectives, MAX_LENGTH_DIRECTIVE],
  }).then((schema) => {
    // Every string argument's maximum, in its description, where clients and the IDE read it.
    describeMaxLengths(schema);
    // What a compiled statement answered, relationship fields return at once (same objects, no promise).
    answerPrimedFields(
      schema,
      Object.fromEntries(
        Object.entries(MAPPERS).map(([label, from]) => [
          typeNameOf(label as NodeLabel),
          { from, storedAsIs: STORED_AS_IS[label as NodeLabel] },
        ]),
      ),
    );
    // So do nested connections, for every parent after the first of a selection.
    answerPrimedPages(schema);
    // The Node and YearRecord interfaces name their values' types at once, not through type-graphql's promise.
    resolveTypesAtOnce(schema, { Node: nodeTypeName, YearRecord: yearRecordTypeName });
    // type-graphql has no option for the root types' descriptions; the IDE shows them first.
    const query = schema.getQueryType();
    if (query) {
      query.description =
        "Entry points into Honjo City's policy graph: fields, policy items, measures, departments, SDGs, indicators, reform sheets and linkage plans.";
    }
    const mutation = schema.getMutationType();
    if (mutation) {
      mutation.description =
        'Changes to the yearly records (results, evaluations, retractions); each needs a bearer token and is audited.';
    }
    const subscription = schema.getSubscriptionType();
    if (subscription) {
      subscription.description =
        'Live updates over WebSocket (graphql-transport-ws at /graphql): the data version, so open views know when to ask again.';
    }
    return schema;
  });
  return built;
}
