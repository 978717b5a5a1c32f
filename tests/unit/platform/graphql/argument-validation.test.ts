import 'reflect-metadata';
import { Max, Min } from 'class-validator';
import { ArgumentValidationError, type ResolverData } from 'type-graphql';
import { validateArgument } from '../../../../src/platform/graphql/argument-validation';

class Slice {
  @Min(1)
  @Max(100)
  first!: number;
}

class OtherSlice {
  @Min(1)
  @Max(5)
  first!: number;
}

const resolverData = {} as ResolverData;
const slice = (type: typeof Slice | typeof OtherSlice, first: number) => Object.assign(new type(), { first });
const validate = (type: typeof Slice | typeof OtherSlice, first: number) =>
  Promise.resolve(validateArgument(slice(type, first), type, resolverData));

/**
 * The argument check remembers what passed (by type and value), so the parents of a list share one check;
 * a refusal is never remembered, and a value is judged by its own type's rules.
 */
describe('validateArgument', () => {
  it('refuses a bad value every time it is sent, also after the same value of the type passed', async () => {
    await expect(validate(Slice, 0)).rejects.toBeInstanceOf(ArgumentValidationError);
    await expect(validate(Slice, 0)).rejects.toBeInstanceOf(ArgumentValidationError);
    await expect(validate(Slice, 50)).resolves.toBeUndefined();
    await expect(validate(Slice, 50)).resolves.toBeUndefined();
    await expect(validate(Slice, 101)).rejects.toBeInstanceOf(ArgumentValidationError);
  });

  it('shares one check among the calls made before it settles, refusal included', async () => {
    const outcomes = await Promise.allSettled([validate(Slice, 1000), validate(Slice, 1000), validate(Slice, 7)]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected', 'fulfilled']);
    await expect(validate(Slice, 1000)).rejects.toBeInstanceOf(ArgumentValidationError);
  });

  it('judges the same data of another type by that type’s rules', async () => {
    await expect(validate(Slice, 20)).resolves.toBeUndefined();
    await expect(validate(OtherSlice, 20)).rejects.toBeInstanceOf(ArgumentValidationError);
  });

  it('checks every item of a list', async () => {
    const list = [slice(Slice, 3), slice(Slice, 300)];
    await expect(Promise.resolve(validateArgument(list, Slice, resolverData))).rejects.toBeInstanceOf(
      ArgumentValidationError,
    );
  });
});
