// Purpose: one SeedInfo node, ever. Its MERGE is the seed load's lock (load/claim-seed-load): two instances
// starting on a new seed at once must meet on one node, and without this constraint both could create it.
// Params: none. Columns: none. Idempotent (IF NOT EXISTS).
CREATE CONSTRAINT seed_info_id IF NOT EXISTS FOR (n:SeedInfo) REQUIRE n.id IS UNIQUE;
