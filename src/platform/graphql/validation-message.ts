import { GraphQLError } from 'graphql';
import type { ValidationError } from 'class-validator';

export interface Violation {
  /** Path of the field inside the arguments, e.g. `fiscalYear` or `input.note`. */
  readonly field: string;
  /** The class-validator rule that failed, e.g. `isPlanFiscalYear`. */
  readonly rule: string;
  readonly message: string;
}

/**
 * type-graphql reports a failed class-validator check as "Argument Validation Error" with the raw
 * ValidationError tree (which also echoes the whole input). This turns it into a message naming each field
 * and rule, and extensions listing them, so a client can show the problem next to the field.
 */
export function describeArgumentValidation(error: GraphQLError): GraphQLError | null {
  const raw = error.extensions.validationErrors;
  if (!Array.isArray(raw)) return null;
  const violations = (raw as ValidationError[]).flatMap((e) => flatten(e, ''));
  if (violations.length === 0) return null;
  return new GraphQLError(
    `Invalid input: ${violations.map((v) => `${v.field}: ${v.message} (rule ${v.rule})`).join('; ')}`,
    { extensions: { code: error.extensions.code, violations } },
  );
}

function flatten(error: ValidationError, prefix: string): Violation[] {
  const field = prefix === '' ? error.property : `${prefix}.${error.property}`;
  const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({ field, rule, message }));
  return [...own, ...(error.children ?? []).flatMap((child) => flatten(child, field))];
}
