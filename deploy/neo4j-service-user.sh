#!/bin/sh
# Run by docker-compose.yml's one-shot service `neo4j-service-user` in the Neo4j image, once the database is
# healthy: makes the database user the API logs in as ($SERVICE_USER) with the password in the secret
# neo4j-api-password. CREATE OR REPLACE also applies a changed password. Neo4j Community has no roles, so the
# user may read and write as any user may; but the API holds no admin password, and a process guessing
# passwords for the well-known `neo4j` user (Neo4j locks a user after 3 failures) cannot lock the API out.
# Passwords travel in cypher-shell's environment and on its standard input, never on a command line, and the
# API's password is a query parameter, never part of the statement: Neo4j quotes a statement it refuses, so a
# failing statement must hold nothing secret. tests/integration/deploy/compose-jobs.int.test.ts runs this file
# with the same cypher-shell against a real Neo4j of the same version.
# SECRETS_DIR and NEO4J_ADDRESS are for that test; compose sets neither.
set -eu

secrets="${SECRETS_DIR:-/run/secrets}"
case "${SERVICE_USER:-}" in
  '' | [!a-z]* | *[!a-z0-9_]*)
    echo "SERVICE_USER must be a lowercase name of letters, digits and _, got '${SERVICE_USER:-}'" >&2
    exit 1
    ;;
esac
NEO4J_PASSWORD="$(cut -d/ -f2- "$secrets/neo4j-auth")"
export NEO4J_PASSWORD
api_password="$(cat "$secrets/neo4j-api-password")"
# Only characters that need no quoting inside a Cypher string (openssl rand -hex 32 makes such a password).
case "$api_password" in
  '' | *[!A-Za-z0-9_-]*)
    echo 'secrets/neo4j-api-password must be one line of letters, digits, - or _ (openssl rand -hex 32 makes one)' >&2
    exit 1
    ;;
esac
printf ":param {password: '%s'}\nCREATE OR REPLACE USER %s SET PASSWORD \$password CHANGE NOT REQUIRED;\n" \
  "$api_password" "$SERVICE_USER" |
  cypher-shell -a "${NEO4J_ADDRESS:-neo4j://neo4j:7687}" -u neo4j -d system --non-interactive
echo "database user $SERVICE_USER is ready"
