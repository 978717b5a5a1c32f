import { GraphQLError, parse, type ParseOptions } from 'graphql';
import { ErrorCode } from '../../../core/errors';
import { inputPrefix } from '../../../core/quoted-input';
import { DOCUMENT_ID_PREFIX, documentIdOf } from './document-id';
import { isIntrospectionOnly } from './introspection-only';
import type { ListedOperation, OperationManifest } from './operation-manifest';

/** The HTTP status of a refused document: the request is understood and well formed, but not one the service runs. */
export const OPERATION_NOT_TRUSTED_STATUS = 400;

/** What a GraphQL request names its document by: its text, an id field, or Apollo's APQ extension. */
export interface DocumentRequest {
  readonly query?: unknown;
  /** The id field (GraphQL-over-HTTP persisted documents): `<sha256 hex>` or `sha256:<sha256 hex>`. */
  readonly documentId?: unknown;
  /** `extensions.persistedQuery.sha256Hash` (Apollo's automatic persisted queries) names the document too. */
  readonly extensions?: unknown;
}

/**
 * What the gate decided: run `query` (the listed text, or the request's own introspection-only text), refuse
 * with `reason`, or `unnamed`: the request names no document at all, left to Apollo's own message.
 */
export type Admission =
  | { readonly kind: 'admitted'; readonly query: string; readonly listed: ListedOperation | undefined }
  | { readonly kind: 'refused'; readonly reason: string }
  | { readonly kind: 'unnamed' };

/**
 * The trusted-documents rule (TRUSTED_DOCUMENTS): a request runs only a document the manifest lists, named
 * by its id (`documentId`, or APQ's `extensions.persistedQuery.sha256Hash` without a query) or sent as its exact
 * text. An id and a text together must agree (the id is the text's SHA-256). Nothing is registered: an APQ
 * request with an unlisted text is refused like any other. With introspection on (INTROSPECTION=true given
 * with a manifest), a query asking only for introspection fields is let through unlisted, so the IDE's docs work;
 * it reads the schema, never the graph. The HTTP front and the WebSocket subscriptions both ask this one gate.
 */
export class TrustedDocuments {
  constructor(
    readonly manifest: OperationManifest,
    private readonly options: { readonly introspection: boolean; readonly parseOptions: ParseOptions },
  ) {}

  admit(request: DocumentRequest): Admission {
    const named = namedId(request);
    if (typeof named === 'object') return named;
    const { query } = request;
    if (query === undefined || query === null) {
      if (named === undefined) return { kind: 'unnamed' };
      const listed = this.manifest.byId(named);
      if (listed === undefined) {
        return refused(
          `no trusted document has the id ${inputPrefix(named)}; the service runs only its listed operations`,
        );
      }
      return { kind: 'admitted', query: listed.body, listed };
    }
    // Any other kind of query (a number, an object) is Apollo's to refuse, with its own message.
    if (typeof query !== 'string') return { kind: 'unnamed' };
    const id = documentIdOf(query);
    if (named !== undefined && named !== id) {
      return refused(`the document id ${inputPrefix(named)} is not the SHA-256 of the query sent (${id})`);
    }
    const listed = this.manifest.byId(id);
    if (listed !== undefined) return { kind: 'admitted', query, listed };
    if (this.options.introspection && this.asksOnlyIntrospection(query)) {
      return { kind: 'admitted', query, listed: undefined };
    }
    return refused(
      `this operation is not one of the service's trusted documents (id ${id}); send a listed operation by its id or its exact text`,
    );
  }

  private asksOnlyIntrospection(query: string): boolean {
    try {
      return isIntrospectionOnly(parse(query, this.options.parseOptions));
    } catch {
      return false; // not a document, or over the token limit: refused as unlisted
    }
  }
}

/** The error of a refused document, as the HTTP front and the subscriptions send it. */
export function operationNotTrusted(reason: string): GraphQLError {
  return new GraphQLError(reason, {
    extensions: { code: ErrorCode.OPERATION_NOT_TRUSTED, http: { status: OPERATION_NOT_TRUSTED_STATUS } },
  });
}

function refused(reason: string): Admission {
  return { kind: 'refused', reason };
}

/**
 * The id the request names, if any: `documentId` (its `sha256:` prefix dropped) or APQ's hash; both given must
 * agree. An id field of the wrong kind is a refusal, not ignored: a client meaning an id must learn it was not read.
 */
function namedId(request: DocumentRequest): string | undefined | Admission {
  const { documentId, extensions } = request;
  let fromField: string | undefined;
  if (documentId !== undefined && documentId !== null) {
    if (typeof documentId !== 'string') return refused('documentId must be a string: "sha256:<64 hex digits>"');
    fromField = documentId.startsWith(DOCUMENT_ID_PREFIX) ? documentId.slice(DOCUMENT_ID_PREFIX.length) : documentId;
  }
  let fromExtension: string | undefined;
  const persisted = isRecord(extensions) ? extensions.persistedQuery : undefined;
  if (persisted !== undefined && persisted !== null) {
    if (!isRecord(persisted) || typeof persisted.sha256Hash !== 'string') {
      return refused('extensions.persistedQuery must be { "version": 1, "sha256Hash": "<64 hex digits>" }');
    }
    fromExtension = persisted.sha256Hash;
  }
  if (fromField !== undefined && fromExtension !== undefined && fromField !== fromExtension) {
    return refused('documentId and extensions.persistedQuery.sha256Hash name different documents');
  }
  return fromField ?? fromExtension;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
