import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, type NonEmptyArray } from 'type-graphql';
import { roleAuthChecker } from './auth/auth-checker';
import { SdgCoverageResolver } from './analytics/sdg-coverage.resolver';
import {
  DepartmentMeasuresConnection,
  DepartmentReformSheetsConnection,
  DepartmentResolver,
} from './department/department.resolver';
import { PolicyFieldResolver } from './field/policy-field.resolver';
import { NodeResolver } from './node/node.resolver';
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
  // The nested connections, one factory call each (src/read/nested-connection.ts).
  DepartmentMeasuresConnection,
  DepartmentReformSheetsConnection,
  SdgPolicyItemsConnection,
  SdgMeasuresConnection,
  PolicyItemMeasuresConnection,
  ReformAreaSheetsConnection,
  LinkagePlanPolicyItemsConnection,
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
