/** The record forms, one chunk: loaded only once someone who may record is signed in. */
export { IndicatorRecordForm } from './indicator-record-form';
export { RetractForm } from './retract-form';
export { SheetEvaluationForm } from './sheet-evaluation-form';
