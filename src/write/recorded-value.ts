import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';

/**
 * The largest magnitude a recorded value may have: 2^53 − 1. Values are stored as 64-bit floats, which hold
 * every whole number up to it exactly; beyond it neighbouring whole numbers share one float (and a value sent
 * as a whole number used to be stored as a 64-bit integer, which clamped 2e19 to 9223372036854775807), so
 * larger values are refused rather than kept changed.
 */
export const RECORDED_VALUE_BOUND = Number.MAX_SAFE_INTEGER;

/** Why `value` cannot be recorded, or null when it can. */
export function recordedValueProblem(value: unknown, name = 'value'): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return `${name} must be a finite number`;
  if (Math.abs(value) > RECORDED_VALUE_BOUND) {
    return `${name} must be between -${RECORDED_VALUE_BOUND} and ${RECORDED_VALUE_BOUND} (2^53 − 1, up to which a stored float keeps every whole number exactly)`;
  }
  return null;
}

/** A finite number within ±RECORDED_VALUE_BOUND. */
export function IsRecordedValue(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) => {
    registerDecorator({
      name: 'isRecordedValue',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) => recordedValueProblem(value) === null,
        defaultMessage: (args?: ValidationArguments) =>
          recordedValueProblem(args?.value, args?.property) ?? 'value must be a recordable number',
      },
    });
  };
}
