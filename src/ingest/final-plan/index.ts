export { parseFinalPlan } from './parser';
export { finalPlanKey, displayName, joinWrappedText, stripGlossaryMarks } from './display-text';
export type * from './records';
