// Purpose: every node's readable id (`measure:5-1-3`) is unique, across all kinds (label Entity, which
// every graph node carries) and per label; MERGE and lookups by id use these indexes.
// Params: none. Columns: none. Idempotent (IF NOT EXISTS).
// One statement per file is the rule elsewhere; schema files hold several, split on `;` by the applier,
// because Neo4j runs schema commands one at a time and they belong together.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT field_id IF NOT EXISTS FOR (n:Field) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT policy_item_id IF NOT EXISTS FOR (n:PolicyItem) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT measure_id IF NOT EXISTS FOR (n:Measure) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT department_id IF NOT EXISTS FOR (n:Department) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT sdg_id IF NOT EXISTS FOR (n:Sdg) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT indicator_id IF NOT EXISTS FOR (n:Indicator) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT project_id IF NOT EXISTS FOR (n:Project) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT related_plan_id IF NOT EXISTS FOR (n:RelatedPlan) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT reform_area_id IF NOT EXISTS FOR (n:ReformArea) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT reform_sheet_id IF NOT EXISTS FOR (n:ReformSheet) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT linkage_plan_id IF NOT EXISTS FOR (n:LinkagePlan) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT initiative_id IF NOT EXISTS FOR (n:Initiative) REQUIRE n.id IS UNIQUE;
