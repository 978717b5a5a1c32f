import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import { GraphQLError, Lexer, Source, TokenKind } from 'graphql';

const OPENING: ReadonlySet<string> = new Set([TokenKind.BRACE_L, TokenKind.BRACKET_L, TokenKind.PAREN_L]);
const CLOSING: ReadonlySet<string> = new Set([TokenKind.BRACE_R, TokenKind.BRACKET_R, TokenKind.PAREN_R]);

/**
 * Deepest nesting of braces, brackets and parentheses in `source`, found with graphql-js's own lexer
 * (iterative, so any depth is safe to scan). Stops early past `limit`; a lexical error ends the scan and is
 * left for the parser to report.
 */
export function nestingDepth(source: string, limit: number): number {
  const lexer = new Lexer(new Source(source));
  let depth = 0;
  let deepest = 0;
  try {
    for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
      if (OPENING.has(token.kind)) deepest = Math.max(deepest, ++depth);
      else if (CLOSING.has(token.kind)) depth -= 1;
      if (deepest > limit) break;
    }
  } catch {
    // the parser reports the syntax error with its position
  }
  return deepest;
}

/**
 * Refuses documents nested deeper than `maxNesting` before graphql-js parses them: its parser recurses once
 * per level, so 5,000 nested list brackets overflowed the stack ("Maximum call stack size exceeded") well
 * inside the token limit. The refusal is a GRAPHQL_PARSE_FAILED (HTTP 400) naming QUERY_MAX_NESTING.
 */
export function nestingLimitPlugin(maxNesting: number): ApolloServerPlugin {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveSource({ source }) {
          const depth = nestingDepth(source, maxNesting);
          if (depth <= maxNesting) return Promise.resolve();
          const refusal = new GraphQLError(
            `Syntax Error: the document nests braces, brackets or parentheses more than ${maxNesting} deep; the limit is ${maxNesting} (QUERY_MAX_NESTING). Nest fewer fields and list values, or pass deep values as variables.`,
            {
              extensions: {
                code: ApolloServerErrorCode.GRAPHQL_PARSE_FAILED,
                limit: 'QUERY_MAX_NESTING',
                max: maxNesting,
                http: { status: 400, headers: new HeaderMap() },
              },
            },
          );
          return Promise.reject(refusal);
        },
      });
    },
  };
}
