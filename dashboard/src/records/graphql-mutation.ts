import { DOCUMENT_IDS_SELECTOR } from '../common/sent-operation';
import { sentText } from '../common/sent-text';
import type { Language } from '../common/i18n';
import { recordText } from './record-texts';

/** A field the API refused, as `extensions.violations` lists it (`input.value`, `reason` …). */
export interface FieldViolation {
  readonly field: string;
  readonly rule: string;
  readonly message: string;
}

/** Why the API refused a write: its code, message, and what the client can act on. */
export interface WriteRefusal {
  readonly code: string;
  readonly message: string;
  readonly violations: readonly FieldViolation[];
  /** With CONFLICT: the revision that is now the latest. */
  readonly currentRevision: number | null;
}

export type WriteResult<T> =
  { readonly ok: true; readonly data: T } | { readonly ok: false; readonly refusal: WriteRefusal };

interface GraphQLError {
  readonly message: string;
  readonly extensions?: {
    readonly code?: string;
    readonly violations?: readonly FieldViolation[];
    readonly currentRevision?: number;
  };
}

/**
 * Sends a mutation as a JSON POST with the signed-in person's bearer token: never a GET (a write must not be
 * a link) and never a cookie (the API reads only the token). The API's refusals come back as data the form
 * shows next to its fields, their messages in the form's `language` (sent as Accept-Language: the API writes
 * each code's message in Japanese for `ja`). When the service runs a manifest of trusted documents, the mutation
 * is named by its id, not its text (sent-operation.ts).
 */
export async function sendMutation<T>(
  mutation: string,
  variables: Readonly<Record<string, unknown>>,
  accessToken: string,
  language: Language,
): Promise<WriteResult<T>> {
  const text = sentText(mutation);
  const documentId = document.querySelector(DOCUMENT_IDS_SELECTOR)
    ? (await import('../common/sha256')).sha256Hex(text)
    : undefined;
  let response: Response;
  try {
    response = await fetch('graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json;q=0.9',
        'accept-language': language,
        authorization: `Bearer ${accessToken}`,
      },
      body: JSON.stringify(documentId === undefined ? { query: text, variables } : { documentId, variables }),
      credentials: 'omit',
    });
  } catch (error) {
    return refused('NETWORK', `${recordText(language, 'serviceUnreachable')} (${String(error)})`);
  }
  let body: { readonly data?: T | null; readonly errors?: readonly GraphQLError[] };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    return refused('HTTP', `${recordText(language, 'answerUnreadable')} (HTTP ${response.status})`);
  }
  const error = body.errors?.[0];
  if (error !== undefined) {
    return {
      ok: false,
      refusal: {
        code: error.extensions?.code ?? 'UNKNOWN',
        message: error.message,
        violations: error.extensions?.violations ?? [],
        currentRevision: error.extensions?.currentRevision ?? null,
      },
    };
  }
  if (body.data === undefined || body.data === null) {
    return refused('HTTP', `${recordText(language, 'answerUnreadable')} (HTTP ${response.status})`);
  }
  return { ok: true, data: body.data };
}

function refused(code: string, message: string): WriteResult<never> {
  return { ok: false, refusal: { code, message, violations: [], currentRevision: null } };
}

/** The messages about one input field (`input.value` and `value` both name the field `value`). */
export function messagesFor(refusal: WriteRefusal | null, field: string): string[] {
  if (refusal === null) return [];
  return refusal.violations
    .filter((violation) => violation.field === field || violation.field.endsWith(`.${field}`))
    .map((violation) => violation.message);
}
