/** The dashboard's writes, one operation each; listed with its reads in ../operations.ts for the build's manifest. */

export const RECORD_RESULT = `
mutation DashboardRecordResult($input: RecordIndicatorResultInput!) {
  record: recordIndicatorResult(input: $input) { id revision }
}`;

export const RECORD_EVALUATION = `
mutation DashboardRecordEvaluation($input: RecordSheetEvaluationInput!) {
  record: recordSheetEvaluation(input: $input) { id revision }
}`;

export const RETRACT = `
mutation DashboardRetract($id: ID!, $reason: String!) {
  retractRecord(id: $id, reason: $reason) { id revision }
}`;
