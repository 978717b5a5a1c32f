import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '../../core/errors';
import type { Violation } from '../graphql/validation-message';

/** HTTP status of an export refused before its first byte, by the error's code (the API's codes). */
const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.QUERY_TOO_COMPLEX]: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.RESPONSE_TOO_LARGE]: 413,
  [ErrorCode.SERVICE_BUSY]: 503,
  [ErrorCode.SERVICE_UNAVAILABLE]: 503,
  [ErrorCode.REQUEST_TIMEOUT]: 504,
};

/**
 * Why an export was refused, answered as JSON `{ "error": { "code", "message" } }` with the same codes and
 * messages as the GraphQL API (a spreadsheet download has no `errors` array to carry them).
 */
export class ExportError extends Error {
  override name = 'ExportError';

  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }

  static badInput(message: string): ExportError {
    return new ExportError(ErrorCode.BAD_USER_INPUT, message);
  }

  /**
   * The first error of a GraphQL answer, as the API formatted it (codes and messages kept). A failed
   * validation rule of the filter (`violations`, named by their path inside the filter) is reworded to name
   * the parameter as the export's other refusals do: `filter.sdg: sdg must not be greater than 17 (rule max)`.
   */
  static fromGraphQL(error: GraphQLFormattedError, filterKeys: ReadonlySet<string>): ExportError {
    const code = typeof error.extensions?.code === 'string' ? error.extensions.code : ErrorCode.INTERNAL_SERVER_ERROR;
    const violations = error.extensions?.violations;
    if (
      Array.isArray(violations) &&
      violations.length > 0 &&
      violations.every((v) => isFilterViolation(v, filterKeys))
    ) {
      return new ExportError(
        code,
        violations.map((v: Violation) => `filter.${v.field}: ${v.message} (rule ${v.rule})`).join('; '),
      );
    }
    return new ExportError(code, error.message);
  }

  get status(): number {
    return STATUS_BY_CODE[this.code] ?? 500;
  }

  toJSON(): { error: { code: string; message: string } } {
    return { error: { code: this.code, message: this.message } };
  }
}

function isFilterViolation(value: unknown, filterKeys: ReadonlySet<string>): value is Violation {
  if (typeof value !== 'object' || value === null) return false;
  const { field, rule, message } = value as Record<string, unknown>;
  return (
    typeof field === 'string' &&
    typeof rule === 'string' &&
    typeof message === 'string' &&
    filterKeys.has(field.split('.')[0] ?? '')
  );
}
