import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import type { NodeLabel } from './graph/graph-model';
import { buildSchema, type NonEmptyArray, type PubSub } from 'type-graphql';
import { roleAuthChecker } from './auth/auth-checker';
import { SdgCoverageResolver } from './analytics/sdg-coverage.resolver';
import {
  DepartmentMeasuresConnection,
  DepartmentReformSheetsConnection,
  DepartmentResolver,
} from './department/department.resolver';
import { PolicyFieldResolver } from './field/policy-field.resolver';
import { NodeResolver } from './node/node.resolver';
import { MAPPERS } from './node/to-graphql-node';
import { typeNameOf } from './read/prefetch/property-demand';
import { answerPrimedFields } from './read/primed-fields';
import { IndicatorResolver } from './indicator/indicator.resolver';
import {
  InitiativeResolver,
  LinkagePlanPolicyItemsConnection,
  LinkagePlanResolver,
} from './linkage-plan/linkage-plan.resolver';
import { MeasureResolver } from './measure/measure.resolver';
import { PolicyItemMeasuresConnection, PolicyItemResolver } from './policy-item/policy-item.resolver';
import { ProjectResolver } from './project/project.resolver';
import {
  ReformAreaResolver,
  ReformAreaSheetsConnection,
  ReformSheetResolver,
} from './reform-sheet/reform-sheet.resolver';
import { ProgressResolver } from './records/progress.resolver';
import { IndicatorResultsResolver, SheetEvaluationsResolver } from './records/record-fields.resolver';
import { RecordsResolver } from './records/records.resolver';
import { ResultYearProgressResolver } from './records/result-year-progress.resolver';
import { RelatedPlanResolver } from './related-plan/related-plan.resolver';
import { SdgMeasuresConnection, SdgPolicyItemsConnection, SdgResolver } from './sdg/sdg.resolver';
import { PathsResolver } from './paths/paths.resolver';
import { SearchResolver } from './search/search.resolver';
import { ServiceInfoResolver } from './service/service-info.resolver';
import { LiveUpdatesResolver } from './live/live-updates.resolver';

/** The one list of resolvers; adding a feature means adding its resolver here. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const RESOLVERS: NonEmptyArray<Function> = [
  NodeResolver,
  PolicyFieldResolver,
  PolicyItemResolver,
  MeasureResolver,
  DepartmentResolver,
  SdgResolver,
  IndicatorResolver,
  ProjectResolver,
  RelatedPlanResolver,
  ReformSheetResolver,
  ReformAreaResolver,
  LinkagePlanResolver,
  InitiativeResolver,
  SearchResolver,
  SdgCoverageResolver,
  PathsResolver,
  ServiceInfoResolver,
  RecordsResolver,
  IndicatorResultsResolver,
  SheetEvaluationsResolver,
  ProgressResolver,
  ResultYearProgressResolver,
  LiveUpdatesResolver,
  // The nested connections, one factory call each (src/read/nested-connection.ts).
  DepartmentMeasuresConnection,
  DepartmentReformSheetsConnection,
  SdgPolicyItemsConnection,
  SdgMeasuresConnection,
  PolicyItemMeasuresConnection,
  ReformAreaSheetsConnection,
  LinkagePlanPolicyItemsConnection,
];

/**
 * type-graphql insists on a PubSub once any subscription exists, even when each names its own `subscribe`, as
 * ours do: they read the feed of their WebSocket connection's context (src/live/), since one process may serve
 * several data versions (tests, several instances) through one schema. Topics are never used.
 */
const NO_TOPICS: PubSub = {
  publish: () => {
    throw new Error('subscriptions here have no topics: each reads its connection context (src/live/)');
  },
  subscribe: () => {
    throw new Error('subscriptions here have no topics: each reads its connection context (src/live/)');
  },
};

let built: Promise<GraphQLSchema> | undefined;

/**
 * Builds the schema once per process (type-graphql's metadata is global; building twice is wasted work).
 * No global middlewares: the relationship fields' fast path (src/read/primed-fields.ts) relies on it.
 */
export function graphSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({ resolvers: RESOLVERS, validate: true, authChecker: roleAuthChecker, pubSub: NO_TOPICS }).then(
    (schema) => {
      // What a compiled statement answered, relationship fields return at once (same objects, no promise).
      answerPrimedFields(
        schema,
        Object.fromEntries(Object.entries(MAPPERS).map(([label, from]) => [typeNameOf(label as NodeLabel), from])),
      );
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
    },
  );
  return built;
}
