import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { firstRecordableYear, planPeriod } from './plan-period';

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
      // The bounds, for the messages that name them (the Japanese one is written from the rule's metadata).
      constraints: [min, max],
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

/**
 * A fiscal year a result may be recorded for: the plan period's, or an earlier year for which the documents
 * print an actual (seed/reference/plan-period.yaml printedBefore; the writer checks the indicator too).
 */
export function IsRecordableFiscalYear(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) => {
    registerDecorator({
      name: 'isRecordableFiscalYear',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) => {
          const { lastYear } = planPeriod();
          return Number.isInteger(value) && (value as number) >= firstRecordableYear() && (value as number) <= lastYear;
        },
        defaultMessage: (args?: ValidationArguments) => {
          const p = planPeriod();
          const earlier = p.printedBefore.map((a) => `${a.fiscalYear} (${a.label}) for ${a.indicator}`);
          return `${args?.property ?? 'fiscalYear'} must be a fiscal year of the plan period, ${p.firstYear} (${p.firstLabel}) to ${p.lastYear} (${p.lastLabel})${earlier.length > 0 ? `, or a year whose actual the documents print: ${earlier.join(', ')}` : ''}`;
        },
      },
    });
  };
}
