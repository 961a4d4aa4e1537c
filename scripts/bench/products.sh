#!/usr/bin/env bash
# The products benchmark (issue 4): GET /admin/products with Medusa's default relations, our
# server and the reference Medusa 1.20.10 side by side, on the same seeded database.
#
#   scripts/bench/products.sh            # or: just bench
#
# For each size N (BENCH_SIZES, default "1000 100000"):
#   1. database bench_products_<N> on the reference PostgreSQL: created, migrated by our
#      release binary (`medusa-admin migrate`) and seeded by seed-products.sql (N products,
#      3 options, 10 variants, 2 prices per variant, images, tags, type, collection, profile
#      and sales-channel links). A database already seeded by the same seed file is reused;
#      BENCH_RESEED=1 rebuilds it.
#   2. for each server (ours, then Medusa): SQL statements per request, counted from
#      PostgreSQL's log (log_statement=all on that database only, a separate short run of
#      sequential requests at limit 1, 10, 50 and 100); then, restarted without statement
#      logging, a warm-up and a measured wrk run at BENCH_CONNECTIONS connections:
#      requests/s, p50, p99, errors, and the server's peak RSS (VmHWM).
#   3. page 1 of both servers compared (same-page.py), child order aside.
# Results: target/bench/products-<time>/ (raw wrk output, logs, summary.md); the summary
# also replaces the generated section of docs/PERFORMANCE.md (BENCH_UPDATE_DOC=0: not).
#
# Env (all optional):
#   BENCH_SIZES="1000 100000"  BENCH_DURATION=20  BENCH_WARMUP=5  BENCH_CONNECTIONS=16
#   BENCH_THREADS=2  BENCH_PG=postgres://medusa_ref:medusa_ref@127.0.0.1:5432
#   BENCH_PG_LOG=<PostgreSQL log file> (default: the cluster's, from pg_lsclusters)
#   BENCH_OUR_PORT=9190  BENCH_MEDUSA_PORT=9191  BENCH_MEDUSA=1 (0: our server only)
#   BENCH_MEDUSA_HOME=$HOME/.cache/medusa-bench (Medusa's install, via medusa-ref/install.sh)
#   BENCH_BIN=<medusa-admin binary> (default: cargo build --release, then target/release)
#   BENCH_QUIET_WAIT=240 seconds to wait, before each measurement, for no rustc to run
#   BENCH_KEEP_DB=1 keeps the databases (default); 0 drops them at the end
#   BENCH_RESEED=1  BENCH_UPDATE_DOC=1
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
MEDUSA_REF_DIR="${MEDUSA_REF_DIR:-$ROOT/../shared/reference/medusa-ref}"

SIZES="${BENCH_SIZES:-1000 100000}"
DURATION="${BENCH_DURATION:-20}"
WARMUP="${BENCH_WARMUP:-5}"
CONNECTIONS="${BENCH_CONNECTIONS:-16}"
THREADS="${BENCH_THREADS:-2}"
PG="${BENCH_PG:-postgres://medusa_ref:medusa_ref@127.0.0.1:5432}"
OUR_PORT="${BENCH_OUR_PORT:-9190}"
MEDUSA_PORT="${BENCH_MEDUSA_PORT:-9191}"
WITH_MEDUSA="${BENCH_MEDUSA:-1}"
MEDUSA_HOME="${BENCH_MEDUSA_HOME:-$HOME/.cache/medusa-bench}"
QUIET_WAIT="${BENCH_QUIET_WAIT:-240}"
KEEP_DB="${BENCH_KEEP_DB:-1}"
RESEED="${BENCH_RESEED:-0}"
UPDATE_DOC="${BENCH_UPDATE_DOC:-1}"
TOKEN=bench_api_token
SEED_SQL="$HERE/seed-products.sql"
COUNT_LIMITS="1 10 50 100"
COUNT_REQUESTS=5 # sequential requests per limit in the statement-count run

OUT="$ROOT/target/bench/products-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
T0=$(date +%s)
log() { printf '[bench %4ss] %s\n' "$(($(date +%s) - T0))" "$*" | tee -a "$OUT/bench.log" >&2; }
die() { log "FATAL: $*"; exit 1; }

# ---------------------------------------------------------------- prerequisites
need() { command -v "$1" >/dev/null 2>&1; }
if ! need wrk; then
    log "installing wrk with apt-get"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null 2>&1 \
        || { DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; } \
        || die "cannot install wrk"
fi
for tool in psql curl python3; do need "$tool" || die "$tool is required"; done

psql_db() { psql -X -q -v ON_ERROR_STOP=1 -d "$PG/$1" "${@:2}"; }
psql_value() { psql -X -tA -v ON_ERROR_STOP=1 -d "$PG/$1" -c "$2"; }
psql_value postgres 'select 1' >/dev/null || die "cannot connect to $PG/postgres"

PG_LOG="${BENCH_PG_LOG:-}"
if [[ -z "$PG_LOG" ]] && need pg_lsclusters; then
    pg_port="$(python3 -c 'import sys, urllib.parse as u; print(u.urlparse(sys.argv[1]).port or 5432)' "$PG")"
    PG_LOG="$(pg_lsclusters -h | awk -v p="$pg_port" '$3 == p && $4 == "online" { print $7 }' | head -1)"
fi
if [[ -n "$PG_LOG" && ! -r "$PG_LOG" ]]; then
    log "cannot read PostgreSQL's log $PG_LOG: statements will not be counted"
    PG_LOG=""
fi
[[ -n "$PG_LOG" ]] || log "no PostgreSQL log found (set BENCH_PG_LOG): statements will not be counted"

BIN="${BENCH_BIN:-}"
if [[ -z "$BIN" ]]; then
    log "cargo build --release -p medusa-admin-http --bin medusa-admin"
    (cd "$ROOT" && cargo build --release -p medusa-admin-http --bin medusa-admin) >"$OUT/build.log" 2>&1 \
        || { tail -30 "$OUT/build.log" >&2; die "release build failed (BENCH_BIN= an existing binary skips it)"; }
    BIN="$ROOT/target/release/medusa-admin"
fi
[[ -x "$BIN" ]] || die "no binary at $BIN"

if [[ "$WITH_MEDUSA" == 1 ]]; then
    MEDUSA_REF_HOME="$MEDUSA_HOME" "$MEDUSA_REF_DIR/install.sh" >"$OUT/medusa-install.log" 2>&1 \
        || { tail -20 "$OUT/medusa-install.log" >&2; die "Medusa install failed"; }
fi

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port_free "$OUR_PORT" || die "port $OUR_PORT is taken (BENCH_OUR_PORT)"
[[ "$WITH_MEDUSA" != 1 ]] || port_free "$MEDUSA_PORT" || die "port $MEDUSA_PORT is taken (BENCH_MEDUSA_PORT)"

# ---------------------------------------------------------------- servers
SERVER_PID=""
stop_server() {
    local pid="$SERVER_PID"
    [[ -n "$pid" ]] || return 0
    SERVER_PID=""
    kill -TERM "$pid" 2>/dev/null || return 0
    for _ in $(seq 1 100); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.2
    done
    kill -KILL "$pid" 2>/dev/null || true
}
cleanup() {
    stop_server
    if [[ -n "${LOGGING_DB:-}" ]]; then
        psql_value postgres "ALTER DATABASE $LOGGING_DB RESET log_statement" >/dev/null 2>&1 || true
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# start_server <ours|medusa> <db> <log file>: sets SERVER_PID and BASE, waits until healthy.
start_server() {
    local kind="$1" db="$2" logfile="$3"
    case "$kind" in
        ours)
            BASE="http://127.0.0.1:$OUR_PORT"
            # sslmode=disable: Medusa's node-postgres connects without TLS by default, so
            # both servers read the same plaintext protocol (sqlx would prefer TLS).
            env DATABASE_URL="$PG/$db?sslmode=disable" HOST=127.0.0.1 PORT="$OUR_PORT" \
                JWT_SECRET=bench-jwt COOKIE_SECRET=bench-cookie UPLOAD_DIR="$OUT/uploads" \
                "$BIN" serve >"$logfile" 2>&1 </dev/null &
            SERVER_PID=$!
            ;;
        medusa)
            BASE="http://127.0.0.1:$MEDUSA_PORT"
            # As medusa-ref/up.sh starts it, without its migrate/user/seed steps: the database
            # is already Medusa's schema with Medusa's migrations recorded.
            (cd "$MEDUSA_HOME/app" && exec env DATABASE_URL="$PG/$db" NODE_ENV=development \
                MEDUSA_DISABLE_TELEMETRY=true PORT="$MEDUSA_PORT" MEDUSA_BIND_HOST=127.0.0.1 \
                node -r ./bind-host.js node_modules/@medusajs/medusa-cli/cli.js start \
                --port "$MEDUSA_PORT" >"$logfile" 2>&1 </dev/null) &
            SERVER_PID=$!
            ;;
    esac
    for _ in $(seq 1 240); do
        if curl -fsS -m 2 -o /dev/null -H "x-medusa-access-token: $TOKEN" \
            "$BASE/admin/products?limit=1" 2>/dev/null; then
            return 0
        fi
        kill -0 "$SERVER_PID" 2>/dev/null || { tail -30 "$logfile" >&2; die "$kind server exited during startup"; }
        sleep 0.5
    done
    tail -30 "$logfile" >&2
    die "$kind server did not answer within 120 s"
}

# The process that serves: for Medusa the subshell exec'd node, so SERVER_PID is node's.
peak_rss_mb() { awk '/^VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$SERVER_PID/status" 2>/dev/null || echo "?"; }

# Waits (bounded) until nobody compiles; echoes a note when it gave up.
wait_quiet() {
    local waited=0 busy
    while busy="$(pgrep -c rustc || true)"; [[ "$busy" -gt 0 && "$waited" -lt "$QUIET_WAIT" ]]; do
        sleep 5
        waited=$((waited + 5))
    done
    busy="$(pgrep -c rustc || true)"
    if [[ "$busy" -gt 0 ]]; then
        log "measuring under load: $busy rustc running after ${QUIET_WAIT}s"
        echo "under load ($busy rustc)"
    else
        echo "quiet"
    fi
}

# ---------------------------------------------------------------- databases
seed_stamp() { echo "medusa-bench products seed $(sha256sum "$SEED_SQL" | cut -c1-16) n=$1"; }

prepare_db() {
    local n="$1" db="bench_products_$1" stamp
    stamp="$(seed_stamp "$n")"
    if [[ "$RESEED" != 1 && "$(psql_value postgres "select shobj_description(oid, 'pg_database') from pg_database where datname = '$db'")" == "$stamp" ]]; then
        log "$db: already seeded, reused (BENCH_RESEED=1 rebuilds it)"
        return 0
    fi
    log "$db: creating"
    psql_value postgres "DROP DATABASE IF EXISTS $db" >/dev/null
    psql_value postgres "CREATE DATABASE $db" >/dev/null
    log "$db: medusa-admin migrate"
    DATABASE_URL="$PG/$db" RUST_LOG=warn "$BIN" migrate >"$OUT/migrate-$n.log" 2>&1 \
        || { tail -20 "$OUT/migrate-$n.log" >&2; die "migration of $db failed"; }
    log "$db: seeding $n products"
    local started=$SECONDS
    psql_db "$db" -v n="$n" -f "$SEED_SQL" >"$OUT/seed-$n.log" 2>&1 \
        || { tail -20 "$OUT/seed-$n.log" >&2; die "seeding $db failed"; }
    psql_value postgres "COMMENT ON DATABASE $db IS '$stamp'" >/dev/null
    log "$db: seeded in $((SECONDS - started)) s ($(psql_value "$db" "select pg_size_pretty(pg_database_size(current_database()))"))"
    echo "$((SECONDS - started))" >"$OUT/seed-$n.seconds"
}

# ---------------------------------------------------------------- measurements
# count_statements <kind> <n>: statements per request at each limit, into $OUT/<kind>-<n>.statements
count_statements() {
    local kind="$1" n="$2" db="bench_products_$2" file="$OUT/$1-$2.statements"
    : >"$file"
    [[ -n "$PG_LOG" ]] || return 0
    LOGGING_DB="$db"
    psql_value postgres "ALTER DATABASE $db SET log_statement = 'all'" >/dev/null
    start_server "$kind" "$db" "$OUT/$kind-$n-count.log"
    local limit i start end counts
    for limit in $COUNT_LIMITS; do
        # Twice untimed first: connections opened, caches filled, statements prepared.
        for i in 1 2; do curl -fsS -o /dev/null -H "x-medusa-access-token: $TOKEN" "$BASE/admin/products?limit=$limit"; done
        sleep 0.3
        start="$(stat -c %s "$PG_LOG")"
        for i in $(seq 1 "$COUNT_REQUESTS"); do
            curl -fsS -o /dev/null -m 300 -H "x-medusa-access-token: $TOKEN" "$BASE/admin/products?limit=$limit" \
                || die "$kind: GET /admin/products?limit=$limit failed"
        done
        sleep 0.3
        end="$(stat -c %s "$PG_LOG")"
        counts="$(python3 "$HERE/count-statements.py" "$PG_LOG" "$start" "$end" "$db")"
        echo "$limit $COUNT_REQUESTS $counts" >>"$file"
        log "$kind n=$n limit=$limit: $counts over $COUNT_REQUESTS requests"
    done
    stop_server
    psql_value postgres "ALTER DATABASE $db RESET log_statement" >/dev/null
    LOGGING_DB=""
}

# to_ms <wrk duration>: "812.00us" / "3.21ms" / "1.02s" / "2.00m" in milliseconds
to_ms() {
    awk -v v="$1" 'BEGIN {
        n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
        if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000
        printf "%.2f", n }'
}

# measure <kind> <n>: one line "rps p50 p99 requests errors rss load" into $OUT/<kind>-<n>.result
measure() {
    local kind="$1" n="$2" db="bench_products_$2" raw="$OUT/$1-$2.wrk" load
    start_server "$kind" "$db" "$OUT/$kind-$n.log"
    curl -fsS -H "x-medusa-access-token: $TOKEN" "$BASE/admin/products" -o "$OUT/$kind-$n.page1.json" \
        || die "$kind: GET /admin/products failed"
    load="$(wait_quiet)"
    local wrk_args=(-t "$THREADS" -c "$CONNECTIONS" --timeout 60s -H "x-medusa-access-token: $TOKEN")
    log "$kind n=$n: warm-up ${WARMUP}s"
    wrk "${wrk_args[@]}" -d "${WARMUP}s" "$BASE/admin/products" >"$raw.warmup" 2>&1 || true
    log "$kind n=$n: measuring ${DURATION}s at $CONNECTIONS connections ($load, load average $(cut -d' ' -f1-3 /proc/loadavg))"
    # Others' compilers starting mid-run are noted too: the most rustc seen, once a second.
    (
        most=0
        until_s=$((SECONDS + DURATION))
        while [[ $SECONDS -lt $until_s ]]; do
            now="$(pgrep -c rustc || true)"
            [[ "$now" -gt "$most" ]] && most="$now"
            sleep 1
        done
        echo "$most" >"$raw.rustc"
    ) &
    local sampler=$!
    wrk "${wrk_args[@]}" -d "${DURATION}s" --latency "$BASE/admin/products" >"$raw" 2>&1 \
        || { cat "$raw" >&2; die "wrk failed"; }
    wait "$sampler" || true
    local during
    during="$(cat "$raw.rustc" 2>/dev/null || echo 0)"
    if [[ "$during" -gt 0 ]]; then
        load="under load (up to $during rustc during the run)"
        log "$kind n=$n: $during rustc ran during the measurement"
    fi
    local rss rps p50 p99 requests errors
    rss="$(peak_rss_mb)"
    stop_server
    rps="$(awk '/^Requests\/sec:/ { print $2 }' "$raw")"
    p50="$(to_ms "$(awk '$1 == "50%" { print $2 }' "$raw")")"
    p99="$(to_ms "$(awk '$1 == "99%" { print $2 }' "$raw")")"
    requests="$(awk '/requests in/ { print $1 }' "$raw")"
    errors="$(awk '/Non-2xx or 3xx responses:/ { s += $NF } /Socket errors:/ { gsub(/,/, ""); s += $4 + $6 + $8 + $10 } END { print s + 0 }' "$raw")"
    echo "$rps $p50 $p99 $requests $errors $rss $load" >"$OUT/$kind-$n.result"
    log "$kind n=$n: $rps req/s, p50 $p50 ms, p99 $p99 ms, $requests requests, $errors errors, peak RSS $rss MB"
}

# ---------------------------------------------------------------- run
KINDS="ours"
[[ "$WITH_MEDUSA" == 1 ]] && KINDS="ours medusa"
for n in $SIZES; do
    prepare_db "$n"
    for kind in $KINDS; do
        count_statements "$kind" "$n"
        measure "$kind" "$n"
    done
done

# ---------------------------------------------------------------- summary
field() { awk -v f="$2" '{ print $f }' "$OUT/$1.result" 2>/dev/null; }
statements_at() { awk -v l="$2" '$1 == l { split($3, t, "="); printf "%.1f", t[2] / $2 }' "$OUT/$1.statements" 2>/dev/null; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 > 0) printf "%.1f", a / b; else print "n/a" }'; }

{
    echo "Run $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$ROOT" diff --quiet HEAD 2>/dev/null || echo ' + uncommitted changes')."
    echo "Machine: $(nproc) cores ($(lscpu | awk -F: '/Model name/ { gsub(/^ +/, "", $2); print $2; exit }')), $(free -g | awk '/^Mem:/ { print $2 }') GB RAM, PostgreSQL $(psql_value postgres 'show server_version' | cut -d' ' -f1) (shared_buffers $(psql_value postgres 'show shared_buffers')), server, database and wrk on the same machine."
    echo "wrk: $THREADS threads, $CONNECTIONS connections, ${WARMUP}s warm-up then ${DURATION}s measured, \`GET /admin/products\` (default relations, limit 50), api-token auth."
    echo
    echo "| server | products | req/s | p50 ms | p99 ms | requests | errors | peak RSS MB | SQL statements per request (limit 1 / 10 / 50 / 100) | machine |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---|---|"
    for n in $SIZES; do
        for kind in $KINDS; do
            [[ -f "$OUT/$kind-$n.result" ]] || continue
            read -r rps p50 p99 requests errors rss load <"$OUT/$kind-$n.result"
            statements="$(for l in $COUNT_LIMITS; do statements_at "$kind-$n" "$l"; echo -n " / "; done | sed 's| / $||')"
            name="$kind"; [[ "$kind" == medusa ]] && name="Medusa 1.20.10"
            echo "| $name | $n | $rps | $p50 | $p99 | $requests | $errors | $rss | ${statements:-not counted} | $load |"
        done
    done
    echo
    echo "Targets:"
    first="${SIZES%% *}" last="${SIZES##* }"
    s1="$(statements_at "ours-$first" 1)" s100="$(statements_at "ours-$first" 100)"
    l1="$(statements_at "ours-$last" 1)" l100="$(statements_at "ours-$last" 100)"
    fixed="not met"; [[ -n "$s1" && "$s1" == "$s100" && "$s1" == "$l1" && "$s1" == "$l100" ]] && fixed="met"
    echo "- fixed statements per request whatever the page size: **$fixed** (ours: $s1 at limit 1, $s100 at limit 100, n=$first; $l1 / $l100 at n=$last)."
    if [[ "$first" != "$last" ]]; then
        growth="$(ratio "$(field "ours-$last" 3)" "$(field "ours-$first" 3)")"
        met="not met"; awk -v g="$growth" 'BEGIN { exit !(g + 0 > 0 && g + 0 <= 1.5) }' && met="met"
        echo "- p99 at n=$last within 1.5x of p99 at n=$first (count included): **$met** (${growth}x: $(field "ours-$last" 3) ms vs $(field "ours-$first" 3) ms)."
    fi
    if [[ "$WITH_MEDUSA" == 1 ]]; then
        for n in $SIZES; do
            times="$(ratio "$(field "ours-$n" 1)" "$(field "medusa-$n" 1)")"
            met="not met"; awk -v t="$times" 'BEGIN { exit !(t + 0 >= 30) }' && met="met"
            echo "- at least 30x Medusa's throughput, n=$n: **$met** (${times}x: $(field "ours-$n" 1) vs $(field "medusa-$n" 1) req/s)."
        done
        echo
        echo "Page 1 (limit 50) of both servers, child order aside:"
        for n in $SIZES; do
            echo "- n=$n: $(python3 "$HERE/same-page.py" "$OUT/ours-$n.page1.json" "$OUT/medusa-$n.page1.json" 2>&1)."
        done
    fi
} >"$OUT/summary.md"
cat "$OUT/summary.md"

if [[ "$UPDATE_DOC" == 1 ]]; then
    DOC="$ROOT/docs/PERFORMANCE.md"
    python3 - "$DOC" "$OUT/summary.md" <<'PY'
import pathlib, sys
doc, summary = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]).read_text()
begin, end = "<!-- bench:products:begin -->", "<!-- bench:products:end -->"
text = doc.read_text() if doc.exists() else f"# Performance\n\n{begin}\n{end}\n"
if begin not in text or end not in text:
    text += f"\n{begin}\n{end}\n"
head, rest = text.split(begin, 1)
_, tail = rest.split(end, 1)
doc.write_text(f"{head}{begin}\n{summary.rstrip()}\n{end}{tail}")
PY
    log "figures written to docs/PERFORMANCE.md (and $OUT/summary.md)"
fi

if [[ "$KEEP_DB" != 1 ]]; then
    for n in $SIZES; do psql_value postgres "DROP DATABASE IF EXISTS bench_products_$n" >/dev/null; done
fi
log "done: $OUT"
