// Purpose: records (indicator results, sheet evaluations), their series and audit entries have unique ids;
// the unique record id also makes two racing writers of the same revision fail instead of both landing.
// Params: none. Columns: none. Idempotent (IF NOT EXISTS).
CREATE CONSTRAINT record_id IF NOT EXISTS FOR (n:Record) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT record_series_id IF NOT EXISTS FOR (n:RecordSeries) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT change_id IF NOT EXISTS FOR (n:Change) REQUIRE n.id IS UNIQUE;
CREATE INDEX change_sort_key IF NOT EXISTS FOR (n:Change) ON (n.sortKey);
CREATE INDEX record_subject IF NOT EXISTS FOR (n:Record) ON (n.subjectId);
