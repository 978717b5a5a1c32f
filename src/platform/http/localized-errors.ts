import type { IncomingMessage, ServerResponse } from 'node:http';
import vary from 'vary';
import { japaneseMessage } from '../graphql/japanese-messages';
import { messageLanguageOf, type MessageLanguage } from './message-language';
import { sendJson } from './send';

/** An error as answers carry it: GraphQL's `{ message, extensions: { code } }`. */
interface AnsweredError {
  readonly message: string;
  readonly extensions?: Readonly<Record<string, unknown>>;
}

/** An error as the plain JSON answers carry it (exports, a refused Host): `{ code, message }`. */
interface CodedError {
  readonly code: string;
  readonly message: string;
  readonly [detail: string]: unknown;
}

/**
 * The error with its message in `language`. In Japanese the message is the one of its code
 * (japanese-messages.ts) and the English one moves to `extensions.englishMessage`: it names what the Japanese
 * sentence cannot (which argument, which limit variable) for whoever reports the problem to the developers.
 * The code and every other extension stay as they were; a code without a message is left in English. Each of
 * `extensions.violations` (a refused input field) is changed the same way, see `violationsIn`.
 */
export function errorIn<T extends AnsweredError>(error: T, language: MessageLanguage): T {
  const extensions = error.extensions ?? {};
  const violations = violationsIn(extensions.violations, language);
  const message = language === 'en' ? undefined : japaneseMessage(extensions.code, extensions, error.message);
  if (message === undefined && violations === undefined) return error;
  return {
    ...error,
    ...(message === undefined ? {} : { message }),
    extensions: {
      ...extensions,
      ...(violations === undefined ? {} : { violations }),
      ...(message === undefined ? {} : { englishMessage: error.message }),
    },
  };
}

/** A violation as validation-message.ts writes it: its English message and its Japanese one beside it. */
interface WrittenViolation {
  readonly message: string;
  readonly japaneseMessage: string;
  readonly [detail: string]: unknown;
}

const isWrittenViolation = (value: unknown): value is WrittenViolation =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as WrittenViolation).message === 'string' &&
  typeof (value as WrittenViolation).japaneseMessage === 'string';

/**
 * The violations of a refused input in `language`, or undefined when there are none to change. Each carries its
 * Japanese message from where its rule's figures were known (validation-message.ts); in Japanese that becomes
 * the message and the English one is kept as `englishMessage` (as at the top level), in English it is dropped,
 * so a violation reaches the client as `{ field, rule, message }` in either language, plus `englishMessage`.
 */
function violationsIn(violations: unknown, language: MessageLanguage): unknown[] | undefined {
  if (!Array.isArray(violations) || !violations.some(isWrittenViolation)) return undefined;
  return violations.map((violation: unknown) => {
    if (!isWrittenViolation(violation)) return violation;
    const { japaneseMessage: japanese, ...english } = violation;
    return language === 'en' ? english : { ...english, message: japanese, englishMessage: english.message };
  });
}

/** A plain JSON answer's `{ code, message }` in `language`, the English kept as `englishMessage` likewise. */
function codedErrorIn<T extends CodedError>(error: T, language: MessageLanguage): T {
  if (language === 'en') return error;
  const message = japaneseMessage(error.code, error, error.message);
  return message === undefined ? error : { ...error, message, englishMessage: error.message };
}

/**
 * A GraphQL answer's JSON text with its errors in `language`: the text itself without errors, or in English
 * without violations (nothing parsed), else parsed, changed and written again (only answers with errors pay).
 */
export function answerIn(text: string, language: MessageLanguage): string {
  if (!carriesErrors(text)) return text;
  // In English only an input's violations change (their Japanese messages are dropped), and only they name it.
  if (language === 'en' && !text.includes('"japaneseMessage"')) return text;
  const answer = JSON.parse(text) as { errors?: unknown };
  if (!Array.isArray(answer.errors)) return text;
  return JSON.stringify({ ...answer, errors: answer.errors.map((error: AnsweredError) => errorIn(error, language)) });
}

/**
 * Whether a GraphQL answer's text carries errors, and so depends on Accept-Language. Apollo and the service's
 * serializer (result-serializer.ts) both write `errors` first, so the start of the text tells: looking through
 * it instead cost 5 ms for a 1.5 MB answer of Japanese names (a two-byte string), on every answer.
 */
export function carriesErrors(text: string): boolean {
  return text.startsWith('{"errors":');
}

/**
 * Sends a JSON error answer of the HTTP front (`{ errors: [...] }` as the refusals before GraphQL, or
 * `{ error: { code, message } }` as exports and a refused Host) in the request's language, with
 * `Vary: Accept-Language` since the message depends on it.
 */
export function sendErrorJson(
  request: Pick<IncomingMessage, 'headers'>,
  response: ServerResponse,
  status: number,
  body: { readonly errors: readonly AnsweredError[] } | { readonly error: CodedError },
): void {
  const language = messageLanguageOf(request);
  vary(response, 'Accept-Language');
  if ('errors' in body) {
    sendJson(response, status, { ...body, errors: body.errors.map((error) => errorIn(error, language)) });
  } else {
    sendJson(response, status, { ...body, error: codedErrorIn(body.error, language) });
  }
}
