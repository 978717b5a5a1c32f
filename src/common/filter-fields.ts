import { IsOptional, Matches, Max, MaxLength, Min } from 'class-validator';
import { Field, Int } from 'type-graphql';

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
    MaxLength(100),
  );
}

/** Free text, matched as a folded substring. */
export function TextFilter(description: string): PropertyDecorator {
  return compose(
    Field(() => String, { nullable: true, description }),
    IsOptional(),
    MaxLength(100),
  );
}

/** A policy item code such as `5-1`. */
export function PolicyItemCodeFilter(description = 'Policy item code, e.g. `5-1`.'): PropertyDecorator {
  return compose(
    Field(() => String, { nullable: true, description }),
    IsOptional(),
    Matches(/^\s*\d-\d{1,2}\s*$/, { message: 'policyItem must be a policy item code such as 5-1' }),
  );
}
