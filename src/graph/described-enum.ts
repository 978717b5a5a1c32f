import { registerEnumType } from 'type-graphql';

/** One value of a GraphQL enum: its description, and its internal value when that is not the key itself. */
export interface EnumValue {
  readonly description: string;
  readonly value?: string;
}

/** The enum object: each key maps to its internal value (the key, unless the definition gives another). */
export type DescribedEnum<T extends Readonly<Record<string, EnumValue>>> = {
  readonly [K in keyof T]: T[K] extends { readonly value: infer V extends string } ? V : K;
};

/**
 * Declares a GraphQL enum once: every value is written a single time with its description, instead of a
 * TypeScript `enum` plus a `valuesConfig` that repeats each key (and can drift from it). Returns a frozen
 * object usable like a TypeScript enum (`ChangeStatus.DELETED`); pair it with
 * `type X = (typeof X)[keyof typeof X]` for the value type.
 */
export function describedEnum<const T extends Readonly<Record<string, EnumValue>>>(
  name: string,
  description: string,
  values: T,
): DescribedEnum<T> {
  const enumObject = Object.freeze(
    Object.fromEntries(Object.entries(values).map(([key, definition]) => [key, definition.value ?? key])),
  ) as DescribedEnum<T>;
  const valuesConfig: Partial<Record<keyof T, { description: string }>> = {};
  for (const [key, definition] of Object.entries(values)) {
    valuesConfig[key as keyof T] = { description: definition.description };
  }
  registerEnumType(enumObject, { name, description, valuesConfig });
  return enumObject;
}
