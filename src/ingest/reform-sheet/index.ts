export { parseReformSheets } from './parse-reform-sheets';
export type * from './records';
