// Types of distinct-operations.js, for the tests that draw the same operations through fast-check.
import type { GraphQLSchema } from 'graphql';

/** A whole number from 0 to n - 1. */
export type Pick = (n: number) => number;

export const LIMITS: {
  readonly tokens: number;
  readonly aliases: number;
  readonly depth: number;
  readonly rootFields: number;
};
export function seededPick(seed: number): Pick;
export function distinctOperation(
  schema: GraphQLSchema,
  pick: Pick,
  tag: string,
  options?: { readonly wide?: boolean; readonly accepts?: (text: string) => boolean },
): string;
export function hostileOperation(pick: Pick, tag: string): string;
/** A GraphQL request: its document and, when it has them, its variables (any JSON, not always an object). */
export interface GraphQLRequest {
  readonly query: string;
  readonly variables?: unknown;
}
export function badVariablesRequest(pick: Pick, tag: string): GraphQLRequest;
export function hostileRequest(pick: Pick, tag: string): GraphQLRequest & { readonly refused: boolean };
export function sameStatementsVariant(
  shape: string,
  pick: Pick,
  tag: string,
  options?: { readonly extras?: boolean },
): string;
export function roomForExtras(shape: string, options?: { readonly accepts?: (text: string) => boolean }): boolean;
