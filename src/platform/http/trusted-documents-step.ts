import type { IncomingMessage } from 'node:http';
import type { Step } from './middleware-chain';
import { bodyOf, queryParameters } from './request-body';
import { sendErrorJson } from './localized-errors';
import { ErrorCode } from '../../core/errors';
import {
  OPERATION_NOT_TRUSTED_STATUS,
  type Admission,
  type DocumentRequest,
  type TrustedDocuments,
} from '../graphql/trusted-documents/trusted-documents';

/**
 * /graphql with TRUSTED_DOCUMENTS: every operation of the request (each of a batch) is put to the gate before
 * Apollo parses anything. Refused: 400 OPERATION_NOT_TRUSTED naming why, nothing run, nothing registered.
 * Admitted: the request goes on carrying the listed text as its `query`, without its id field or APQ extension,
 * so Apollo never looks an id up in its own (disabled) APQ cache. A POST is read from its JSON body, a GET from
 * its query parameters, as Apollo reads them; other methods go on to Apollo, which refuses them.
 */
export function admitTrustedDocuments(gate: TrustedDocuments): Step {
  return (request, response, next) => {
    const refusal = request.method === 'POST' ? admitBody(gate, request) : admitSearch(gate, request);
    if (refusal === undefined) return next();
    sendErrorJson(request, response, OPERATION_NOT_TRUSTED_STATUS, {
      errors: [{ message: refusal, extensions: { code: ErrorCode.OPERATION_NOT_TRUSTED } }],
    });
  };
}

/** The POST body's operations (one, or each of a batch) admitted in place; the first refusal's reason. */
function admitBody(gate: TrustedDocuments, request: IncomingMessage): string | undefined {
  const body = bodyOf(request);
  const operations = Array.isArray(body) ? body : [body];
  const admissions = operations.map((operation) => (isRecord(operation) ? gate.admit(operation) : undefined));
  const refused = refusalOf(admissions, operations.length > 1);
  if (refused !== undefined) return refused;
  operations.forEach((operation, index) => {
    const admission = admissions[index];
    if (isRecord(operation) && admission?.kind === 'admitted') rewrite(operation, admission.query);
  });
  return undefined;
}

/** A GET's `query`, `documentId` and `extensions` parameters admitted, the URL rewritten to carry the text. */
function admitSearch(gate: TrustedDocuments, request: IncomingMessage): string | undefined {
  if (request.method !== 'GET') return undefined;
  const target = request.url ?? '/';
  const search = queryParameters(target);
  const extensions = parsedOrUndefined(search.get('extensions'));
  const admission = gate.admit({
    query: search.get('query') ?? undefined,
    documentId: search.get('documentId') ?? undefined,
    extensions,
  });
  if (admission.kind === 'refused') return admission.reason;
  if (admission.kind !== 'admitted') return undefined;
  search.set('query', admission.query);
  search.delete('documentId');
  if (isRecord(extensions)) {
    const rest = withoutPersistedQuery(extensions);
    if (Object.keys(rest).length === 0) search.delete('extensions');
    else search.set('extensions', JSON.stringify(rest));
  }
  const query = target.indexOf('?');
  request.url = `${query === -1 ? target : target.slice(0, query)}?${search.toString()}`;
  return undefined;
}

function refusalOf(admissions: readonly (Admission | undefined)[], batch: boolean): string | undefined {
  const index = admissions.findIndex((admission) => admission?.kind === 'refused');
  const admission = admissions[index];
  if (admission?.kind !== 'refused') return undefined;
  return batch ? `operation ${index + 1} of the batch: ${admission.reason}` : admission.reason;
}

/** The operation as Apollo is to see it: the listed text, no id to look up. */
function rewrite(operation: Record<string, unknown>, query: string): void {
  operation.query = query;
  delete operation.documentId;
  const { extensions } = operation;
  if (isRecord(extensions)) operation.extensions = withoutPersistedQuery(extensions);
}

function withoutPersistedQuery(extensions: Record<string, unknown>): Record<string, unknown> {
  const rest = { ...extensions };
  delete rest.persistedQuery;
  return rest;
}

function parsedOrUndefined(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> & DocumentRequest {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
