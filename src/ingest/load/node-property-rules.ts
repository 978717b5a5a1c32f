import { IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';
import type { NodeLabel } from '../../graph/graph-model';

/**
 * Required properties per label, as class-validator DTOs: the loader refuses a graph whose nodes lack
 * what the API promises (a name, a status, a number), naming the node and its source line.
 */
const STATUSES = ['UNCHANGED', 'CHANGED', 'NEW', 'DELETED'];

class Named {
  @IsString()
  @MinLength(1)
  name!: string;

  @IsString()
  @Matches(/^[0-9a-z-]+$/, { message: 'sortKey must be lower-case, digits and hyphens' })
  sortKey!: string;
}

class FieldRules extends Named {
  @IsInt() @Min(1) @Max(6) number!: number;
  @IsString() nameEn!: string;
}

class PolicyItemRules extends Named {
  @Matches(/^[1-6]-\d{1,2}$/) code!: string;
  @IsInt() @Min(1) number!: number;
  @IsBoolean() detailed!: boolean;
}

class MeasureRules extends Named {
  @Matches(/^[1-6]-\d{1,2}-(\d{1,2}|d\d{1,2})$/) code!: string;
  @IsOptional() @IsInt() @Min(1) number?: number;
  @IsIn(STATUSES) status!: string;
}

class DepartmentRules extends Named {
  @IsString() @MinLength(1) nameEn!: string;
}

class SdgRules extends Named {
  @IsInt() @Min(1) @Max(17) number!: number;
  @IsString() nameEn!: string;
  @Matches(/^#[0-9A-F]{6}$/) color!: string;
}

class IndicatorRules extends Named {
  @IsOptional() @IsNumber() current?: number;
  @IsOptional() @IsNumber() target?: number;
  @IsIn(['INCREASE', 'DECREASE', 'UNKNOWN']) direction!: string;
}

class ProjectRules extends Named {
  @IsOptional() @IsInt() @Min(1) number?: number;
  @IsIn(STATUSES) status!: string;
}

class RelatedPlanRules extends Named {}

class ReformAreaRules extends Named {
  @IsInt() @Min(1) number!: number;
}

class ReformSheetRules extends Named {
  @Matches(/^\d-\d{1,2}$/) code!: string;
  @IsInt() @Min(1) number!: number;
  @Matches(/^[HR]\d{1,2}$/) startYearLabel!: string;
  @IsInt() startYear!: number;
  @IsString() viewpoint!: string;
}

class LinkagePlanRules extends Named {
  @IsInt() @Min(1) number!: number;
  @IsString() summary!: string;
}

class InitiativeRules extends Named {
  @IsString() text!: string;
}

export const NODE_PROPERTY_RULES: Readonly<Record<NodeLabel, new () => object>> = {
  Field: FieldRules,
  PolicyItem: PolicyItemRules,
  Measure: MeasureRules,
  Department: DepartmentRules,
  Sdg: SdgRules,
  Indicator: IndicatorRules,
  Project: ProjectRules,
  RelatedPlan: RelatedPlanRules,
  ReformArea: ReformAreaRules,
  ReformSheet: ReformSheetRules,
  LinkagePlan: LinkagePlanRules,
  Initiative: InitiativeRules,
};
