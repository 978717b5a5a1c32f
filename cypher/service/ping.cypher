// Purpose: the trivial query readiness (/health/ready) runs to learn whether Neo4j answers.
// Params: none. Columns: ok (int 1).
RETURN 1 AS ok
