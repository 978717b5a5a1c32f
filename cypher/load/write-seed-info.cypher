// Purpose: remember which seed the database holds, so start-up reloads only when the seed changed.
// Params: $hash (string, sha-256 of seed/graph.json), $loadedAt (string, ISO time).
// Columns: none.
MERGE (s:SeedInfo {id: 'seed'})
SET s.hash = $hash, s.loadedAt = $loadedAt
