import {
  GraphQLID,
  GraphQLString,
  coerceInputValue,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  type GraphQLInputType,
} from 'graphql';
import { jsonNesting } from '../http/json-nesting';
import type { ConnectionArguments } from './connection-arguments';
import type { HeaderLanguage } from './export-column';
import { ExportError } from './export-error';
import { quotedInput } from '../../core/quoted-input';

/** What an export's query string asks for, checked against the connection's argument types. */
export interface ExportParameters {
  /** GraphQL variables of the connection: `filter` and, when given, `orderBy` (as JSON values). */
  readonly variables: { readonly filter?: Record<string, unknown>; readonly orderBy?: unknown };
  readonly header: HeaderLanguage;
}

/** Parameters every export takes besides the filter's own keys. */
const FILTER = 'filter';
const ORDER_BY = 'orderBy';
const HEADER = 'header';

/**
 * Reads `filter` (JSON of the connection's filter input), `orderBy` (JSON), `header` (`ja` | `en`) and one
 * flat parameter per top-level filter key (`?sdg=11&department=危機管理課`; repeated for a list key such as
 * `status`). Every value is checked with graphql-js's own input coercion against the schema's types, so the
 * rules are the API's and a refusal names the key (`filter.sdg: Int cannot represent …`). Unknown parameters
 * are refused by name, so a misspelt key never silently exports everything.
 */
export function readExportParameters(search: URLSearchParams, argumentsOf: ConnectionArguments): ExportParameters {
  const filterFields = argumentsOf.filter.getFields();
  const known = [FILTER, ...(argumentsOf.orderBy ? [ORDER_BY] : []), HEADER, ...Object.keys(filterFields)];
  const unknown = [...new Set(search.keys())].filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    throw ExportError.badInput(
      `unknown parameter${unknown.length > 1 ? 's' : ''} ${unknown.map(quotedInput).join(', ')}; ` +
        `/export/… takes ${known.join(', ')}`,
    );
  }

  const filter: Record<string, unknown> = { ...objectParameter(search, FILTER) };
  for (const [key, field] of Object.entries(filterFields)) {
    const texts = search.getAll(key);
    if (texts.length === 0 || key === FILTER || key === HEADER) continue;
    if (key in filter) throw ExportError.badInput(`${key}: given both as a parameter and inside filter; give it once`);
    filter[key] = flatValue(key, texts, field.type);
  }
  const problems = coercionProblems(FILTER, filter, argumentsOf.filter);

  let orderBy: unknown;
  if (argumentsOf.orderBy && search.has(ORDER_BY)) {
    orderBy = jsonParameter(search, ORDER_BY);
    problems.push(...coercionProblems(ORDER_BY, orderBy, argumentsOf.orderBy));
  }
  if (problems.length > 0) throw ExportError.badInput(problems.join('; '));

  return {
    variables: {
      ...(Object.keys(filter).length > 0 ? { filter } : {}),
      ...(orderBy !== undefined ? { orderBy } : {}),
    },
    header: headerLanguage(search),
  };
}

function headerLanguage(search: URLSearchParams): HeaderLanguage {
  const value = single(search, HEADER) ?? 'ja';
  if (value !== 'ja' && value !== 'en')
    throw ExportError.badInput(`header: must be ja or en, got ${quotedInput(value)}`);
  return value;
}

function single(search: URLSearchParams, name: string): string | undefined {
  const values = search.getAll(name);
  if (values.length > 1) throw ExportError.badInput(`${name}: given ${values.length} times; it takes one value`);
  return values[0];
}

/**
 * Deepest JSON a `filter` or `orderBy` parameter may be: no filter or order of this API nests more than a few
 * levels, and a deeper value would overflow the call stack of the code that echoes or walks it (as the
 * API's QUERY_MAX_NESTING default).
 */
const MAX_PARAMETER_NESTING = 64;

function jsonParameter(search: URLSearchParams, name: string): unknown {
  const text = single(search, name);
  if (text === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    throw ExportError.badInput(`${name}: not JSON (${(error as Error).message})`);
  }
  if (jsonNesting(value, MAX_PARAMETER_NESTING) > MAX_PARAMETER_NESTING) {
    throw ExportError.badInput(
      `${name}: nested deeper than ${MAX_PARAMETER_NESTING} levels; no filter or order needs more than a few`,
    );
  }
  return value;
}

function objectParameter(search: URLSearchParams, name: string): Record<string, unknown> | undefined {
  const value = jsonParameter(search, name);
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw ExportError.badInput(
      `${name}: must be a JSON object such as {"sdg": 11}, got ${quotedInput(JSON.stringify(value))}`,
    );
  }
  return value as Record<string, unknown>;
}

/** A flat parameter's text as the JSON value a GraphQL variable would carry; a list key takes every repeat. */
function flatValue(key: string, texts: readonly string[], type: GraphQLInputType): unknown {
  const nullable = getNullableType(type);
  if (isInputObjectType(getNamedType(nullable))) {
    throw ExportError.badInput(`${key}: takes an object; give it inside filter, e.g. filter={"${key}": {…}}`);
  }
  if (isListType(nullable)) return texts.map((text) => leafValue(text, nullable.ofType));
  if (texts.length > 1) throw ExportError.badInput(`${key}: given ${texts.length} times; it takes one value`);
  return leafValue(texts[0] ?? '', nullable);
}

/**
 * Strings, ids and enum names are taken as written; other scalars (Int, Float, Boolean …) as the JSON the
 * text spells (`11`, `true`), else as the text, which the coercion then refuses with graphql-js's message.
 */
function leafValue(text: string, type: GraphQLInputType): unknown {
  const named = getNamedType(type);
  if (named === GraphQLString || named === GraphQLID || isEnumType(named)) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Every problem graphql-js finds with `value` as a `type`, each naming its path (`filter.sdgs[1]: …`). */
function coercionProblems(name: string, value: unknown, type: GraphQLInputType): string[] {
  const problems: string[] = [];
  coerceInputValue(value, type, (path, _invalid, error) => {
    const at = path.map((step) => (typeof step === 'number' ? `[${step}]` : `.${step}`)).join('');
    problems.push(`${name}${at}: ${error.message}`);
  });
  return problems;
}
