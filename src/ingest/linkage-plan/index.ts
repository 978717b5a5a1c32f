export { parseLinkagePlans } from './parse-linkage-plans';
export type * from './records';
// The document states twice which items a plan touches, and names each item twice: the merge reports
// where the two statements disagree.
export { compareInitiativesWithMatrix } from './compare-with-matrix';
export { findItemNameDifferences } from './item-name-differences';
