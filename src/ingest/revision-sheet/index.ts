export { parseRevisionSheets } from './parse-revision-sheets';
export type * from './records';
