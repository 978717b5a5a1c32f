/** What a GraphQL request adds to its access line (see accessLogPlugin, which fills it in). */
export interface GraphQLOutcome {
  readonly operationName: string | null;
  /** query, mutation or subscription; null when the document did not parse or name a known operation. */
  readonly operationType: string | null;
  /** The distinct `extensions.code` of the errors in the answer, in order of first appearance. */
  readonly errorCodes: readonly string[];
  /** Cypher statements the request ran, and the milliseconds spent waiting for them (its QueryCounter). */
  readonly statements: number;
  readonly dbMs: number;
  /** Whether the answer came whole from the response cache. */
  readonly cacheHit: boolean;
  /** The signed-in viewer's `sub`; null when anonymous. */
  readonly user: string | null;
}

/**
 * An HTTP request's access line as the GraphQL layer sees it through the request context: the outcome it adds
 * before the answer is sent, and the client the line names. The platform's AccessLogEntry is one; the context
 * names this shape so the read layer does not name the platform.
 */
export interface AccessLine {
  graphql: GraphQLOutcome | undefined;
  /** The client address the line names (the peer, or the client trusted proxies name). */
  readonly clientAddress: string | undefined;
}
