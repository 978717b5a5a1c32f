import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { planPeriod } from './plan-period';

/** How stored text is cleaned: full-width letters and digits folded (NFKC), outer spaces dropped. */
export function cleanText(text: string): string {
  return text.normalize('NFKC').trim();
}

/**
 * Text that, once cleaned, has `min` to `max` characters. The check runs on the cleaned form, so `'  '`
 * is empty and full-width text counts as it will be stored.
 */
export function IsCleanText(min: number, max: number, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) => {
    registerDecorator({
      name: 'isCleanText',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && cleanText(value).length >= min && cleanText(value).length <= max,
        defaultMessage: (args?: ValidationArguments) =>
          `${args?.property ?? 'text'} must have ${min} to ${max} characters after trimming`,
      },
    });
  };
}

/** A fiscal year (the Gregorian year it starts in) inside the plan period of the reference data. */
export function IsPlanFiscalYear(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) => {
    registerDecorator({
      name: 'isPlanFiscalYear',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) => {
          const { firstYear, lastYear } = planPeriod();
          return Number.isInteger(value) && (value as number) >= firstYear && (value as number) <= lastYear;
        },
        defaultMessage: (args?: ValidationArguments) => {
          const p = planPeriod();
          return `${args?.property ?? 'fiscalYear'} must be a fiscal year of the plan period, ${p.firstYear} (${p.firstLabel}) to ${p.lastYear} (${p.lastLabel})`;
        },
      },
    });
  };
}
