import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import { GraphQLError, Lexer, Source, TokenKind } from 'graphql';

const OPENING: ReadonlySet<string> = new Set([TokenKind.BRACE_L, TokenKind.BRACKET_L, TokenKind.PAREN_L]);
const CLOSING: ReadonlySet<string> = new Set([TokenKind.BRACE_R, TokenKind.BRACKET_R, TokenKind.PAREN_R]);

/** Parsed and validated in place of a refused document; it never executes. */
const STAND_IN_DOCUMENT = '{ __typename }';

/**
 * Deepest nesting of braces, brackets and parentheses in `source`, found with graphql-js's own lexer
 * (iterative, so any depth is safe to scan). Stops once past `limit`; a lexical error ends the scan and is
 * left for the parser to report with its position.
 */
export function nestingDepth(source: string, limit: number): number {
  const lexer = new Lexer(new Source(source));
  let depth = 0;
  let deepest = 0;
  try {
    for (let token = lexer.advance(); token.kind !== TokenKind.EOF && deepest <= limit; token = lexer.advance()) {
      if (OPENING.has(token.kind)) deepest = Math.max(deepest, ++depth);
      else if (CLOSING.has(token.kind)) depth -= 1;
    }
  } catch {
    // a syntax error: graphql's parser reports it
  }
  return deepest;
}

/**
 * Refuses documents nested deeper than `maxNesting` before graphql-js parses them. Its parser recurses once
 * per level, so 5,000 nested list brackets overflowed the stack ("Maximum call stack size exceeded"), and
 * under a deeper call stack (a test runner) even the token limit's 1,000 levels did.
 *
 * Apollo Server has no hook that can refuse a request before parsing (an error thrown there becomes a 500),
 * so the refused document is swapped for a stand-in before Apollo reads it, and the refusal is raised at
 * didResolveOperation, where Apollo sends a thrown GraphQLError as the response: GRAPHQL_PARSE_FAILED, HTTP
 * 400, naming QUERY_MAX_NESTING.
 */
export function nestingLimitPlugin(maxNesting: number): ApolloServerPlugin {
  return {
    requestDidStart({ request }) {
      if (request.query === undefined || nestingDepth(request.query, maxNesting) <= maxNesting) {
        return Promise.resolve();
      }
      request.query = STAND_IN_DOCUMENT;
      request.operationName = undefined;
      request.extensions = undefined; // a persisted-query hash would not match the stand-in
      const refusal = nestingRefusal(maxNesting);
      return Promise.resolve({ didResolveOperation: () => Promise.reject(refusal) });
    },
  };
}

/** The refusal of a document nested deeper than `maxNesting` (GRAPHQL_PARSE_FAILED; HTTP 400 over HTTP). */
export function nestingRefusal(maxNesting: number): GraphQLError {
  return new GraphQLError(
    `Syntax Error: the document nests braces, brackets or parentheses more than ${maxNesting} levels deep; the limit is ${maxNesting} (QUERY_MAX_NESTING). Nest fewer fields and list values, or pass deep values as variables.`,
    {
      extensions: {
        code: ApolloServerErrorCode.GRAPHQL_PARSE_FAILED,
        limit: 'QUERY_MAX_NESTING',
        max: maxNesting,
        http: { status: 400, headers: new HeaderMap() },
      },
    },
  );
}
