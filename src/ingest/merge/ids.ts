import { idPrefix, type NodeLabel } from '../../graph/graph-model';

/** `measure:5-1-3`: the readable id of a node, also its GraphQL ID. */
export function nodeId(label: NodeLabel, key: string): string {
  return `${idPrefix(label)}:${key}`;
}

/**
 * A key that sorts codes numerically as text (`5-2` before `5-10`): each number padded to two digits,
 * other parts kept (`5-6-d3` → `05-06-d03`).
 */
export function sortKey(code: string): string {
  return code
    .split('-')
    .map((part) => part.replace(/\d+/, (digits) => digits.padStart(2, '0')))
    .join('-');
}
