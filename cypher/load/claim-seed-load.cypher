// Purpose: the seed load's lock, taken first in the load's one transaction. The SET write-locks the SeedInfo
// node until that transaction ends (commit, rollback, or the holder's connection lost), so a second instance
// loading at the same time waits here, and then reads the hash the first one committed: when it is the seed
// it came to load, it loads nothing.
// Params: $startedAt (string, ISO time this load began).
// Columns: hash (string or null: the seed the database holds, as committed before this lock was granted).
MERGE (s:SeedInfo {id: 'seed'})
SET s.loadStartedAt = $startedAt
RETURN s.hash AS hash
