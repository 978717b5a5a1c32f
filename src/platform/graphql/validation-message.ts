import { GraphQLError } from 'graphql';
import { getMetadataStorage, type ValidationError } from 'class-validator';
import { japaneseViolationMessage, type RuleFigures } from './japanese-violations';

export interface Violation {
  /** Path of the field inside the arguments, e.g. `fiscalYear` or `input.note`. */
  readonly field: string;
  /** The class-validator rule that failed, e.g. `isPlanFiscalYear`. */
  readonly rule: string;
  readonly message: string;
  /**
   * The same in Japanese, naming the field as staff do (japanese-violations.ts). Written here, where the rule's
   * figures are known; the answer's language step (localized-errors.ts) makes it the message under
   * `Accept-Language: ja` and drops it otherwise, so no client receives this property.
   */
  readonly japaneseMessage: string;
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
  const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({
    field,
    rule,
    message,
    japaneseMessage: japaneseViolationMessage(field, rule, figuresOf(error, rule)),
  }));
  return [...own, ...(error.children ?? []).flatMap((child) => flatten(child, field))];
}

/** The figures of the rule that refused the value: its decorator's constraints and context, and the value. */
function figuresOf(error: ValidationError, rule: string): RuleFigures {
  const target = error.target;
  const declared =
    target === undefined
      ? undefined
      : getMetadataStorage()
          .getTargetValidationMetadatas(target.constructor, '', true, false)
          .find((metadata) => metadata.propertyName === error.property && metadata.name === rule);
  const context = declared?.context as { example?: unknown } | undefined;
  return {
    constraints: declared?.constraints ?? [],
    ...(typeof context?.example === 'string' ? { example: context.example } : {}),
    value: error.value,
  };
}
