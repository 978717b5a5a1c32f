// Purpose: lookup indexes for the API's filters and orders, and the full-text index for search.
// Params: none. Columns: none. Idempotent (IF NOT EXISTS).
// The full-text index uses the `cjk` analyzer (Lucene CJKAnalyzer: CJK text indexed as character bigrams),
// so two-character Japanese queries match inside words that have no spaces to split on.
CREATE INDEX entity_sort_key IF NOT EXISTS FOR (n:Entity) ON (n.sortKey);
CREATE INDEX policy_item_code IF NOT EXISTS FOR (n:PolicyItem) ON (n.code);
CREATE INDEX measure_code IF NOT EXISTS FOR (n:Measure) ON (n.code);
CREATE INDEX measure_status IF NOT EXISTS FOR (n:Measure) ON (n.status);
CREATE INDEX reform_sheet_code IF NOT EXISTS FOR (n:ReformSheet) ON (n.code);
CREATE INDEX sdg_number IF NOT EXISTS FOR (n:Sdg) ON (n.number);
CREATE INDEX department_name IF NOT EXISTS FOR (n:Department) ON (n.name);
// A text index answers `searchText CONTAINS $folded` (search's substring matching) from the index instead of
// testing every node's folded texts.
CREATE TEXT INDEX entity_search_text IF NOT EXISTS FOR (n:Entity) ON (n.searchText);
CREATE FULLTEXT INDEX entity_text IF NOT EXISTS
FOR (n:PolicyItem|Measure|Department|Indicator|Project|ReformSheet|LinkagePlan|Initiative|Sdg)
ON EACH [n.name, n.nameEn, n.previousName, n.description, n.summary, n.text, n.viewpoint, n.visionText]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk' } };
