import { validateOrReject, type ValidationError, type ValidatorOptions } from 'class-validator';
import { ArgumentValidationError, type ValidatorFn } from 'type-graphql';

/** type-graphql's defaults for `validate: true`: properties left out are not checked, unknown objects pass. */
const OPTIONS: ValidatorOptions = { skipMissingProperties: true, forbidUnknownValues: false };

const isValidated = (value: unknown): value is object => value !== null && typeof value === 'object';

/** Checks remembered at most; the oldest is forgotten first. */
const MAX_REMEMBERED = 2000;
/**
 * Values whose JSON is longer are checked every time (a key that size costs more than it saves). With it, the
 * checks remembered keep at most 2,000 × (1,024 characters, two bytes each in Japanese, and a settled promise):
 * under 5 MiB.
 */
const MAX_REMEMBERED_LENGTH = 1024;

/**
 * Checks passed or under way, by argument type and the value as JSON. A check depends on the value's type
 * and data only (every constraint of src/ is a pure function of the value), so a value once passed passes.
 * A refusal is forgotten when it settles: it is answered to the calls waiting on it, never to a later one.
 */
const remembered = new Map<string, Promise<void>>();
const typeIds = new WeakMap<object, number>();
let nextTypeId = 0;

/**
 * Checks an argument with class-validator, as type-graphql's built-in `validate: true` does (same options,
 * same objects checked, every item of a list, the same ArgumentValidationError and BAD_USER_INPUT answer),
 * with class-validator imported once. type-graphql's own check loads it again for every argument it checks
 * (`await import('class-validator')`, compiled to `require` wrapped in a namespace copy of the package's
 * ~200 exports): about 20 µs of module lookups per search request in a CPU profile, 4–5 % of its CPU without
 * its database call.
 *
 * Each distinct value of a type is checked once (see `remembered`): a field below a list is resolved once
 * per parent with the same arguments (a nested connection's `first` for each of 17 SDGs), and
 * class-validator's walk of a filter was still 2 % of a nested page's CPU with one check per request.
 */
export const validateArgument: ValidatorFn = (value: unknown, type) => {
  if (!isValidated(value)) return;
  // Remembered by class (an input or args type); any other type is checked every time, as before.
  if (typeof type !== 'function') return check(value);
  const json = JSON.stringify(value);
  if (json.length > MAX_REMEMBERED_LENGTH) return check(value);
  const key = `${idOf(type)}:${json}`;
  const known = remembered.get(key);
  if (known) {
    // Most recently used last, so the oldest is the least recently used.
    remembered.delete(key);
    remembered.set(key, known);
    return known;
  }
  const outcome = check(value);
  remembered.set(key, outcome);
  if (remembered.size > MAX_REMEMBERED) remembered.delete(remembered.keys().next().value ?? key);
  outcome.catch(() => {
    if (remembered.get(key) === outcome) remembered.delete(key);
  });
  return outcome;
};

/** Forgets every check remembered (the service is short of memory; they are made again as asked). */
export function forgetArgumentChecks(): void {
  remembered.clear();
}

function idOf(type: object): number {
  let id = typeIds.get(type);
  if (id === undefined) {
    id = nextTypeId++;
    typeIds.set(type, id);
  }
  return id;
}

async function check(value: object): Promise<void> {
  try {
    if (Array.isArray(value)) {
      await Promise.all(value.filter(isValidated).map((item) => validateOrReject(item, OPTIONS)));
    } else {
      await validateOrReject(value, OPTIONS);
    }
  } catch (errors) {
    throw new ArgumentValidationError(errors as ValidationError[]);
  }
}
