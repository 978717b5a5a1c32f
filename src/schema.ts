import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, type NonEmptyArray } from 'type-graphql';
import { SdgCoverageResolver } from './analytics/sdg-coverage.resolver';
import { DepartmentResolver } from './department/department.resolver';
import { PolicyFieldResolver } from './field/policy-field.resolver';
import { NodeResolver } from './graph/node.resolver';
import { IndicatorResolver } from './indicator/indicator.resolver';
import { InitiativeResolver, LinkagePlanResolver } from './linkage-plan/linkage-plan.resolver';
import { MeasureResolver } from './measure/measure.resolver';
import { PolicyItemResolver } from './policy-item/policy-item.resolver';
import { ProjectResolver } from './project/project.resolver';
import { ReformAreaResolver, ReformSheetResolver } from './reform-sheet/reform-sheet.resolver';
import { RelatedPlanResolver } from './related-plan/related-plan.resolver';
import { SdgResolver } from './sdg/sdg.resolver';
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
];

let built: Promise<GraphQLSchema> | undefined;

/** Builds the schema once per process (type-graphql's metadata is global; building twice is wasted work). */
export function graphSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({ resolvers: RESOLVERS, validate: true }).then((schema) => {
    // type-graphql has no option for the root type's description; the IDE shows it first.
    const query = schema.getQueryType();
    if (query) {
      query.description =
        "Entry points into Honjo City's policy graph: fields, policy items, measures, departments, SDGs, indicators, reform sheets and linkage plans.";
    }
    return schema;
  });
  return built;
}
