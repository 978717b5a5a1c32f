import type { Params } from '../../db/graph-gateway';
import type { CursorPosition } from './cursor';

/**
 * A page statement's contract as its compile writes it (compile-page-read.ts) and its execution reads it
 * (fetch-page.ts): one row, its nodes in `pageNodes`, and the slice parameters beside the condition's.
 */

/**
 * The page statement's contract: one row, its nodes in the `pageNodes` list, the last of them (past
 * `$limit - 1`) read only to know whether a next page exists.
 */
export const PAGE_SHAPE = { kind: 'list', column: 'pageNodes', lookAhead: true } as const;

/** The slice parameters of the page-statement contract (see fetchPage). */
export function sliceParams(position: CursorPosition | null, first: number): Params {
  return {
    after: position?.sortKey ?? null,
    afterKey: position?.sortKey ?? null,
    afterValues: position?.values ?? [],
    limit: first + 1,
  };
}
