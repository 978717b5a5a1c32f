import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, type NonEmptyArray } from 'type-graphql';
import { roleAuthChecker } from './auth/auth-checker';
import { SdgCoverageResolver } from './analytics/sdg-coverage.resolver';
import { DepartmentRelationships, DepartmentResolver } from './department/department.resolver';
import { PolicyFieldRelationships, PolicyFieldResolver } from './field/policy-field.resolver';
import { NodeResolver } from './node/node.resolver';
import { IndicatorRelationships, IndicatorsRootConnection } from './indicator/indicator.resolver';
import {
  InitiativeRelationships,
  LinkagePlanRelationships,
  LinkagePlanResolver,
} from './linkage-plan/linkage-plan.resolver';
import { MeasureRelationships, MeasureResolver, MeasuresRootConnection } from './measure/measure.resolver';
import {
  PolicyItemRelationships,
  PolicyItemResolver,
  PolicyItemsRootConnection,
} from './policy-item/policy-item.resolver';
import { ProjectRelationships } from './project/project.resolver';
import {
  ReformAreaRelationships,
  ReformSheetRelationships,
  ReformSheetResolver,
  ReformSheetsRootConnection,
} from './reform-sheet/reform-sheet.resolver';
import { ProgressResolver } from './records/progress.resolver';
import { IndicatorResultsResolver, SheetEvaluationsResolver } from './records/record-fields.resolver';
import { RecordsResolver } from './records/records.resolver';
import { RelatedPlanRelationships } from './related-plan/related-plan.resolver';
import { SdgRelationships, SdgResolver } from './sdg/sdg.resolver';
import { PathsResolver } from './paths/paths.resolver';
import { SearchResolver } from './search/search.resolver';
import { ServiceInfoResolver } from './service/service-info.resolver';

/** The one list of resolvers; adding a feature means adding its resolver here. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const RESOLVERS: NonEmptyArray<Function> = [
  NodeResolver,
  PolicyFieldResolver,
  PolicyItemResolver,
  MeasureResolver,
  DepartmentResolver,
  SdgResolver,
  ReformSheetResolver,
  LinkagePlanResolver,
  SearchResolver,
  SdgCoverageResolver,
  PathsResolver,
  ServiceInfoResolver,
  RecordsResolver,
  IndicatorResultsResolver,
  SheetEvaluationsResolver,
  ProgressResolver,
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

let built: Promise<GraphQLSchema> | undefined;

/** Builds the schema once per process (type-graphql's metadata is global; building twice is wasted work). */
export function graphSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({ resolvers: RESOLVERS, validate: true, authChecker: roleAuthChecker }).then((schema) => {
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
    return schema;
  });
  return built;
}
