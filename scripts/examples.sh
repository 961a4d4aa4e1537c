#!/usr/bin/env bash
# The embedding examples (apps/admin-http/examples), built and run as an embedder runs them:
# shop_host's self-check, and the worker on SQLite and, when TEST_DATABASE_URL names a
# PostgreSQL server (scripts/with-postgres.sh sets it), on PostgreSQL too.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --locked -p medusa-admin-http --examples
target/debug/examples/shop_host --check
target/debug/examples/worker
if [ -n "${TEST_DATABASE_URL:-}" ]; then
    psql="${PG_BINDIR:+$PG_BINDIR/}psql"
    "$psql" "$TEST_DATABASE_URL" -q -c "drop database if exists medusa_examples" -c "create database medusa_examples"
    target/debug/examples/worker "${TEST_DATABASE_URL%/*}/medusa_examples"
fi
