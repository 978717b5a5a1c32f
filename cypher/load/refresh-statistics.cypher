// Purpose: after a load, resample every index and clear the plan cache, so the next requests are planned
// from the graph as it now is. Without it, indexes created on an empty database keep reporting (almost)
// no entries for a while, and the planner may pick a scan over a whole index where an expand from an
// index seek is far cheaper (seen on the request path right after seeding).
// Params: none. Columns: none (the procedure waits until resampling is done, at most 30 s).
CALL db.prepareForReplanning(30000)
