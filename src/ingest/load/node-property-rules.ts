import {
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  registerDecorator,
  type ValidationArguments,
} from 'class-validator';
import type { NodeLabel } from '../../graph/graph-model';
import { propertySpecs, type PropertySpec, type StoredNode } from '../../graph/node-properties';
import { declaredPropertiesOf } from '../../graph/kinds/declared-properties';
import { labelPropertyOf, type Declaration } from '../../graph/kinds/declared-property';

/**
 * What the loader checks on each node's properties before anything touches the database, naming the node
 * and its source line. Two layers:
 * - derived from the contract (src/graph/node-properties.ts) for every label: each declared property has its
 *   type (required ones present, optional ones absent or typed, closed sets checked), and no property is
 *   stored that the contract does not declare;
 * - written here: the value rules the contract's types cannot say (code formats, number ranges, integers).
 *   `satisfies` below holds these classes to the contract: a rule on a property the label does not store, or
 *   of another type, fails to compile.
 */

class Named {
  @IsString()
  @MinLength(1)
  name!: string;

  @Matches(/^[0-9a-z-]+$/, { message: 'sortKey must be lower-case, digits and hyphens' })
  sortKey!: string;
}

class FieldRules extends Named {
  @IsInt() @Min(1) @Max(6) number!: number;
}

// The rules of its numbers and of measures' follow from their declaration (declaredRules).
class PolicyItemRules extends Named {
  @Matches(/^[1-6]-\d{1,2}$/) code!: string;
  @IsInt() @Min(1) @Max(6) fieldNumber!: number;
}

class MeasureRules extends Named {
  @Matches(/^[1-6]-\d{1,2}-(\d{1,2}|d\d{1,2})$/) code!: string;
}

class DepartmentRules extends Named {
  @MinLength(1) nameEn!: string;
  @Matches(/^[\u3041-\u3096ー]+$/, { message: 'nameKana must be hiragana' }) nameKana!: string;
}

class SdgRules extends Named {
  @IsInt() @Min(1) @Max(17) number!: number;
  @Matches(/^#[0-9A-F]{6}$/) color!: string;
}

class IndicatorRules extends Named {}

class ProjectRules extends Named {
  @IsOptional() @IsInt() @Min(1) number?: number;
}

class RelatedPlanRules extends Named {}

class ReformAreaRules extends Named {
  @IsInt() @Min(1) number!: number;
}

// Its numbers' rules (integers, least values, era labels) follow from their declaration (declaredRules).
class ReformSheetRules extends Named {
  @Matches(/^\d-\d{1,2}$/) code!: string;
}

class LinkagePlanRules extends Named {
  @IsInt() @Min(1) number!: number;
}

class InitiativeRules extends Named {
  @IsInt() @Min(1) number!: number;
}

/** A rules class of label L may only name properties L stores, with L's value types. */
type RulesOf<L extends NodeLabel> = new () => Partial<Omit<StoredNode<L>, 'id' | 'sourceDocument' | 'sourceLine'>>;

const VALUE_RULES = {
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
} satisfies { [L in NodeLabel]: RulesOf<L> };

/** Names in VALUE_RULES' classes that the contract does not declare for the label: must be none. */
type StrayRules = {
  [L in NodeLabel]: Exclude<keyof InstanceType<(typeof VALUE_RULES)[L]>, keyof StoredNode<L>>;
}[NodeLabel];
const noStrayRules: [StrayRules] extends [never] ? true : StrayRules = true;
void noStrayRules;

/** Stored by the merge and the loader on every node, outside the per-label contract. */
const COMMON_PROPERTIES: ReadonlySet<string> = new Set([
  'sortKey',
  'searchText',
  'sourceDocument',
  'sourcePage',
  'sourceLine',
]);

/** Per label, its value rules plus the type rules derived from the contract (see the comment at the top). */
export const NODE_PROPERTY_RULES: Readonly<Record<NodeLabel, new () => object>> = {
  Field: withContract('Field'),
  PolicyItem: withContract('PolicyItem'),
  Measure: withContract('Measure'),
  Department: withContract('Department'),
  Sdg: withContract('Sdg'),
  Indicator: withContract('Indicator'),
  Project: withContract('Project'),
  RelatedPlan: withContract('RelatedPlan'),
  ReformArea: withContract('ReformArea'),
  ReformSheet: withContract('ReformSheet'),
  LinkagePlan: withContract('LinkagePlan'),
  Initiative: withContract('Initiative'),
};

function withContract(label: NodeLabel): new () => object {
  const Rules = class extends VALUE_RULES[label] {};
  Object.defineProperty(Rules, 'name', { value: `${label}PropertyRules` });
  const specs = propertySpecs(label);
  for (const [key, spec] of Object.entries(specs)) {
    for (const decorate of typeRules(spec)) decorate(Rules.prototype, key);
  }
  for (const [key, decorators] of declaredRules(declaredPropertiesOf(label))) {
    for (const decorate of decorators) decorate(Rules.prototype, key);
  }
  IsString()(Rules.prototype, 'searchText');
  onlyDeclaredProperties(Rules, label, new Set([...COMMON_PROPERTIES, ...Object.keys(specs)]));
  return Rules;
}

function typeRules(spec: PropertySpec): PropertyDecorator[] {
  switch (spec.type) {
    case 'string':
      return [...(spec.optional ? [IsOptional()] : []), IsString(), ...(spec.values ? [IsIn([...spec.values])] : [])];
    case 'number':
      return [...(spec.optional ? [IsOptional()] : []), IsNumber()];
    case 'boolean':
      return [IsBoolean()];
    // Empty lists are not stored, so a list is optional; a stored one is non-empty and homogeneous.
    case 'string[]':
      return [IsOptional(), IsArray(), IsString({ each: true })];
    case 'number[]':
      return [IsOptional(), IsArray(), IsNumber({}, { each: true })];
  }
}

/**
 * The value rules of declared properties (src/graph/kinds/): integers for Int and the year of a fiscal
 * year, the declared least value, and a fiscal year's era label as the documents write it (`R5`, `H24`).
 * Their types (and whether they may be absent) come with the contract like any other property's.
 */
function declaredRules(declaration: Declaration): [string, PropertyDecorator[]][] {
  return Object.entries(declaration).flatMap(([name, property]): [string, PropertyDecorator[]][] => {
    const optional = property.optional ? [IsOptional()] : [];
    const integer = property.type === 'Float' ? [] : [IsInt()];
    const least = property.min === undefined ? [] : [Min(property.min)];
    const rules: [string, PropertyDecorator[]][] = [[name, [...optional, ...integer, ...least]]];
    if (property.type === 'FiscalYear') rules.push([labelPropertyOf(name), [...optional, Matches(/^[HR]\d{1,2}$/)]]);
    return rules;
  });
}

/** Refuses a stored property the contract does not declare (a merge writing what nothing will read). */
function onlyDeclaredProperties(target: new () => object, label: NodeLabel, declared: ReadonlySet<string>): void {
  const undeclared = (object: object): string[] => Object.keys(object).filter((key) => !declared.has(key));
  registerDecorator({
    name: 'onlyDeclaredProperties',
    target,
    // Attached to sortKey, which every node has, so the check runs once per node.
    propertyName: 'sortKey',
    validator: {
      validate: (_value: unknown, args: ValidationArguments) => undeclared(args.object).length === 0,
      defaultMessage: (args: ValidationArguments) =>
        `stores ${undeclared(args.object).join(', ')}, which the ${label} contract (src/graph/node-properties.ts) does not declare`,
    },
  });
}
