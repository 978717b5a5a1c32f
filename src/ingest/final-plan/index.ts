export { parseFinalPlan } from './parser';
export type * from './records';
