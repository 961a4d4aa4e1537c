#!/usr/bin/env bash
# Property-based fuzzing of the admin API with schemathesis, from Medusa 1.20's OpenAPI
# document (its 255 operations; those this server does not route must answer a JSON 404).
# Checks: no 5xx, and every error in Medusa's JSON envelope (hooks.py).
#
#   scripts/fuzz/run.sh [SECONDS]     (default 600)
#
# Needs: schemathesis (pip install schemathesis), a built target/debug/medusa-admin (or BIN),
# and the OpenAPI document (OPENAPI, default ../shared/contract/medusa-admin-1.20.openapi.yaml).
# Starts the server on a throwaway seeded SQLite database on port 9330 and stops it after.
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_TO_RUN=${1:-600}
BIN=${BIN:-target/debug/medusa-admin}
OPENAPI=${OPENAPI:-../shared/contract/medusa-admin-1.20.openapi.yaml}
PORT=${FUZZ_PORT:-9330}
OUT=${FUZZ_OUT:-/tmp/medusa-fuzz}
command -v st >/dev/null || { echo "schemathesis is missing: pip install schemathesis" >&2; exit 1; }
[ -x "$BIN" ] || { echo "no $BIN: cargo build -p medusa-admin-http --bin medusa-admin" >&2; exit 1; }
[ -f "$OPENAPI" ] || { echo "no OpenAPI document at $OPENAPI (set OPENAPI)" >&2; exit 1; }
rm -rf "$OUT" && mkdir -p "$OUT"
db="sqlite://$OUT/fuzz.db?mode=rwc"
DATABASE_URL=$db "$BIN" seed >"$OUT/seed.log" 2>&1
DATABASE_URL=$db PORT=$PORT RUST_LOG=warn MEDUSA_ADMIN_EMAIL=admin@medusa-test.com MEDUSA_ADMIN_PASSWORD=supersecret "$BIN" serve >"$OUT/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 100); do curl -sf "http://localhost:$PORT/health" >/dev/null && break; sleep 0.2; done
token=$(curl -sf -X POST "http://localhost:$PORT/admin/auth/token" -H 'content-type: application/json' \
    -d '{"email":"admin@medusa-test.com","password":"supersecret"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
started=$(date +%s)
rc=0
PYTHONPATH=scripts/fuzz SCHEMATHESIS_HOOKS=hooks timeout --kill-after=10 "$SECONDS_TO_RUN" \
    st run "$OPENAPI" --url "http://localhost:$PORT" -H "Authorization: Bearer $token" \
    --checks not_a_server_error,error_is_json_envelope --workers 2 \
    --exclude-path-regex '^/admin/(users|auth)' \
    --report ndjson --report-dir "$OUT" >"$OUT/schemathesis.log" 2>&1 || rc=$?
echo "ran $(( $(date +%s) - started )) s (exit $rc; 124 = stopped at the time limit)"
grep -cE '"status_code": ?5[0-9][0-9]' "$OUT"/*.ndjson 2>/dev/null | sed 's/^/5xx responses seen: /' || true
tail -40 "$OUT/schemathesis.log"
if ! kill -0 $server 2>/dev/null; then echo "the server died: see $OUT/server.log" >&2; exit 1; fi
