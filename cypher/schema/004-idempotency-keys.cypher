// Purpose: an editor's Idempotency-Key is stored once (the id is the hash of editor and key): two requests
// with the same key, on this instance or another, cannot both claim it; the expiry index serves the sweep
// of keys past their retention.
// Params: none. Columns: none. Idempotent (IF NOT EXISTS).
CREATE CONSTRAINT idempotency_key_id IF NOT EXISTS FOR (n:IdempotencyKey) REQUIRE n.id IS UNIQUE;
CREATE INDEX idempotency_key_expiry IF NOT EXISTS FOR (n:IdempotencyKey) ON (n.expiresAt);
