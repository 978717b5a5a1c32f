import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsOptional,
  Matches,
  Max,
  Min,
  ValidateNested,
  type ValidationArguments,
  registerDecorator,
} from 'class-validator';
import { Field, ID, Int, type ClassType } from 'type-graphql';
import { ARGUMENT_LENGTH, MaxChars } from '../../core/argument-length';

/**
 * Optional filter fields that several filters share, each one GraphQL field plus its validation, so the
 * rule for "an SDG number" or "a department reference" is written once.
 */
function compose(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => {
    for (const decorate of decorators) decorate(target, key);
  };
}

/** An SDG number 1–17. */
export function SdgNumberFilter(description: string): PropertyDecorator {
  return compose(
    Field(() => Int, { nullable: true, description }),
    IsOptional(),
    Min(1),
    Max(17),
  );
}

/** A field (分野) number 1–6. */
export function FieldNumberFilter(description = 'Field number 1–6.'): PropertyDecorator {
  return compose(
    Field(() => Int, { nullable: true, description }),
    IsOptional(),
    Min(1),
    Max(6),
  );
}

/** A department reference: id, Japanese or English name, or English words (resolved by department-ref.ts). */
export function DepartmentRefFilter(description: string): PropertyDecorator {
  return compose(
    Field(() => String, { nullable: true, description }),
    IsOptional(),
    MaxChars(ARGUMENT_LENGTH.departmentRef),
  );
}

/** Free text, matched as a folded substring. */
export function TextFilter(description: string): PropertyDecorator {
  return compose(
    Field(() => String, { nullable: true, description }),
    IsOptional(),
    MaxChars(ARGUMENT_LENGTH.searchText),
  );
}

/** A policy item code such as `5-1`. */
export function PolicyItemCodeFilter(description = 'Policy item code, e.g. `5-1`.'): PropertyDecorator {
  return compose(
    Field(() => String, { nullable: true, description }),
    IsOptional(),
    MaxChars(ARGUMENT_LENGTH.code),
    Matches(/^\s*\d-\d{1,2}\s*$/, {
      message: 'policyItem must be a policy item code such as 5-1',
      context: { example: '5-1' },
    }),
  );
}

/**
 * The most values an any-of list may hold: more than any list of the graph needs (46 departments, 49
 * measures per field at most), few enough that one request cannot send a huge parameter.
 */
export const MAX_ANY_OF = 50;
/** The most alternatives of one `or`. */
export const MAX_OR_ALTERNATIVES = 10;
/** How deep `or` and `not` may nest inside each other (a filter with no `or`/`not` has depth 0). */
export const MAX_FILTER_NESTING = 3;

/** The shape of each kind's codes, with an example for the error message. */
const CODE_PATTERNS = {
  policyItem: { pattern: /^\s*\d-\d{1,2}\s*$/, example: '5-1' },
  measure: { pattern: /^\s*\d-\d{1,2}-(\d{1,2}|d\d{1,2})\s*$/, example: '5-2-5' },
  reformSheet: { pattern: /^\s*\d-\d{1,2}\s*$/, example: '1-6' },
} as const;

/** The kinds whose codes CodesFilter checks. */
export type CodedKind = keyof typeof CODE_PATTERNS;

/**
 * An any-of list `<key>` with its all-of and none-of siblings `<key>All` and `<key>None` (in the spirit of
 * @neo4j/graphql's some/all/none), declared together so every list filter has all three with the same
 * type and checks: non-empty, at most MAX_ANY_OF values, each value checked by `each`. The class declares
 * only `<key>`; src/read/page/filter-conditions.ts `listOf` reads the three.
 */
function anyOf(type: () => [unknown], description: string, ...each: PropertyDecorator[]): PropertyDecorator {
  const list = (text: string) =>
    compose(
      Field(type, { nullable: true, description: text }),
      IsOptional(),
      ArrayNotEmpty(),
      ArrayMaxSize(MAX_ANY_OF),
      ...each,
    );
  return (target, key) => {
    list(`${description} Any of the values (1–${MAX_ANY_OF}).`)(target, key);
    list(`${description} All of the values (1–${MAX_ANY_OF}): each must hold.`)(target, `${String(key)}All`);
    list(`${description} None of the values (1–${MAX_ANY_OF}): a match of any is excluded.`)(
      target,
      `${String(key)}None`,
    );
  };
}

/** Any of several SDG numbers 1–17. */
export function SdgNumbersFilter(description: string): PropertyDecorator {
  return anyOf(() => [Int], description, Min(1, { each: true }), Max(17, { each: true }));
}

/** Any of several field numbers 1–6. */
export function FieldNumbersFilter(description: string): PropertyDecorator {
  return anyOf(() => [Int], description, Min(1, { each: true }), Max(6, { each: true }));
}

/** Any of several whole numbers from `min` to `max` (areas, linkage plans). */
export function NumbersFilter(description: string, min: number, max: number): PropertyDecorator {
  return anyOf(() => [Int], `${description} (${min}–${max}).`, Min(min, { each: true }), Max(max, { each: true }));
}

/** Any of several department references (each resolved as `DepartmentRefFilter`). */
export function DepartmentRefsFilter(description: string): PropertyDecorator {
  return anyOf(() => [String], description, MaxChars(ARGUMENT_LENGTH.departmentRef));
}

/** An indicator's readable id (`indicator:5-1-1`), as every filter naming indicators checks it. */
export const INDICATOR_ID = { pattern: /^\s*indicator:\d-\d{1,2}-\d{1,2}\s*$/, example: 'indicator:5-1-1' } as const;

/** Any of several readable ids of one kind (`indicator:5-1-1`), each checked against the kind's id shape. */
export function IdsFilter(pattern: RegExp, example: string, description: string): PropertyDecorator {
  return anyOf(
    () => [ID],
    description,
    MaxChars(ARGUMENT_LENGTH.id),
    Matches(pattern, { each: true, message: `$property must hold ids such as ${example}`, context: { example } }),
  );
}

/** Any of several codes of policy items (`5-1`), measures (`5-2-5`) or reform sheets (`1-6`). */
export function CodesFilter(kind: CodedKind, description: string): PropertyDecorator {
  const { pattern, example } = CODE_PATTERNS[kind];
  return anyOf(
    () => [String],
    description,
    MaxChars(ARGUMENT_LENGTH.code),
    Matches(pattern, { each: true, message: `$property must hold codes such as ${example}`, context: { example } }),
  );
}

/** Any of several short strings (grades such as `C`). */
export function ShortTextsFilter(description: string): PropertyDecorator {
  return anyOf(() => [String], description, MaxChars(ARGUMENT_LENGTH.code));
}

/** Any of several values of a GraphQL enum. */
export function EnumValuesFilter(enumObject: object, description: string): PropertyDecorator {
  return anyOf(() => [enumObject], description);
}

/**
 * `and`, `not` and `or` on a filter input class, each of the class's own type: every kind's filter nests the
 * same way (read/page/filter-conditions.ts `withNotAndOr`), so the three fields are declared here once. The
 * class keeps `and?`, `not?` and `or?` as undecorated properties for its type; listed above `@InputType`,
 * the decorator runs after the class's own fields, so the three come last in the schema.
 */
export function CombinableFilter(): ClassDecorator {
  return (target) => {
    const prototype = target.prototype as object;
    const self = (): ClassType => target as unknown as ClassType;
    AndFilter(self)(prototype, 'and');
    NotFilter(self)(prototype, 'not');
    OrFilter(self)(prototype, 'or');
  };
}

/** `not`: a filter of the same kind whose matches are excluded. */
function NotFilter(type: () => ClassType): PropertyDecorator {
  return compose(
    Field(type, {
      nullable: true,
      description: `Excludes what this filter matches (\`or\` and \`not\` nest at most ${MAX_FILTER_NESTING} deep).`,
    }),
    IsOptional(),
    ValidateNested(),
    MaxFilterNesting(),
  );
}

/** `or`: filters of the same kind, any of which may match (together with this filter's other conditions). */
function OrFilter(type: () => ClassType): PropertyDecorator {
  return FilterList(
    type,
    `Alternatives (1–${MAX_OR_ALTERNATIVES}): at least one must match, besides the other conditions here ` +
      `(\`or\` and \`not\` nest at most ${MAX_FILTER_NESTING} deep).`,
  );
}

/** `and`: filters of the same kind, all of which must match (together with this filter's other conditions). */
function AndFilter(type: () => ClassType): PropertyDecorator {
  return FilterList(
    type,
    `Conditions (1–${MAX_OR_ALTERNATIVES}) that must all match, besides the other conditions here; useful to ` +
      `combine several \`or\` or \`not\` (\`and\`, \`or\` and \`not\` nest at most ${MAX_FILTER_NESTING} deep).`,
  );
}

/** `and` and `or`: a non-empty list of filters of the same kind, each validated, within the nesting limit. */
function FilterList(type: () => ClassType, description: string): PropertyDecorator {
  return compose(
    Field(() => [type()], { nullable: true, description }),
    IsOptional(),
    ArrayNotEmpty(),
    ArrayMaxSize(MAX_OR_ALTERNATIVES),
    ValidateNested({ each: true }),
    MaxFilterNesting(),
  );
}

/** How deep `and`/`or`/`not` nest below a filter value (0 for a filter without them). */
export function filterNesting(value: unknown): number {
  if (Array.isArray(value)) return Math.max(0, ...value.map(filterNesting));
  if (value === null || typeof value !== 'object') return 0;
  const { and, or, not } = value as { and?: unknown; or?: unknown; not?: unknown };
  const below = (nested: unknown) => (nested === undefined || nested === null ? 0 : 1 + filterNesting(nested));
  return Math.max(below(and), below(or), below(not));
}

/** Refuses `or`/`not` nested deeper than MAX_FILTER_NESTING (counting this level). */
function MaxFilterNesting(): PropertyDecorator {
  return (target, key) =>
    registerDecorator({
      name: 'maxFilterNesting',
      target: target.constructor,
      propertyName: String(key),
      validator: {
        validate: (value: unknown) => 1 + filterNesting(value) <= MAX_FILTER_NESTING,
        defaultMessage: (args?: ValidationArguments) =>
          `${args?.property ?? 'or/not'} nests or/not ${1 + filterNesting(args?.value)} deep; at most ${MAX_FILTER_NESTING} levels are allowed`,
      },
    });
}
