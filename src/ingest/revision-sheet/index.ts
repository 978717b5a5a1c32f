export { parseRevisionSheets } from './revision-sheet.parser';
export type * from './revision-sheet.records';
