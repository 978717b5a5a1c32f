import { GraphQLError, type ASTNode } from 'graphql';
import { ErrorCode } from '../../../core/errors';
import { inputPrefix, quotedInput } from '../../../core/quoted-input';

/** Where a string was given: its path below the field's arguments (`filter.department`) and its declared maximum. */
export interface TooLongString {
  readonly argument: string;
  readonly max: number;
  readonly value: string;
  /** The variable that carried it, when a variable did. */
  readonly variable?: string;
}

/**
 * The BAD_USER_INPUT refusal of a string longer than its argument declares (ARGUMENT_LENGTH): names the
 * argument, the maximum and the length, and quotes only the value's beginning.
 */
export function tooLongString(found: TooLongString, nodes?: readonly ASTNode[]): GraphQLError {
  // A variable's name is the client's and may be as long as the document: its beginning is enough.
  const variable = found.variable === undefined ? undefined : inputPrefix(found.variable);
  const via = variable === undefined ? '' : ` (variable $${variable})`;
  return new GraphQLError(
    `${found.argument}${via} takes at most ${found.max} characters; got ${found.value.length}: ${quotedInput(found.value)}.`,
    {
      nodes,
      extensions: {
        code: ErrorCode.BAD_USER_INPUT,
        argument: found.argument,
        ...(variable === undefined ? {} : { variable }),
        maxLength: found.max,
        length: found.value.length,
      },
    },
  );
}
