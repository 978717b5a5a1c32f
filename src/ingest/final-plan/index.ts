export { parseFinalPlan } from './parse-final-plan';
export type * from './records';
