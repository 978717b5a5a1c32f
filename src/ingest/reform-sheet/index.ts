export { parseReformSheets } from './parse-reform-sheets';
export { departmentMentions, departmentNames } from './department-names';
export type * from './records';
