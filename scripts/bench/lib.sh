# The machinery the benchmarks share (sourced by products.sh and orders.sh): settings from the
# environment, prerequisites, the release build, both servers' start and stop, the seeded
# databases, the statement count, one wrk measurement, and the summary's helpers.
#
# The sourcing script sets first: RESOURCE (products|orders|import: the database is
# bench_<RESOURCE>_<N>, the servers are probed on GET /admin/<RESOURCE>, or on PROBE_PATH
# when set), SEED_SQL, HERE.
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
COUNT_REQUESTS=5 # sequential requests per URL in the statement-count run

OUT="$ROOT/target/bench/$RESOURCE-$(date +%Y%m%d-%H%M%S)"
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
            "$BASE${PROBE_PATH:-/admin/$RESOURCE?limit=1}" 2>/dev/null; then
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
seed_stamp() { echo "medusa-bench $RESOURCE seed $(sha256sum "$SEED_SQL" | cut -c1-16) n=$1"; }

prepare_db() {
    local n="$1" db="bench_${RESOURCE}_$1" stamp
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
    log "$db: seeding $n $RESOURCE"
    local started=$SECONDS
    psql_db "$db" -v n="$n" -f "$SEED_SQL" >"$OUT/seed-$n.log" 2>&1 \
        || { tail -20 "$OUT/seed-$n.log" >&2; die "seeding $db failed"; }
    psql_value postgres "COMMENT ON DATABASE $db IS '$stamp'" >/dev/null
    log "$db: seeded in $((SECONDS - started)) s ($(psql_value "$db" "select pg_size_pretty(pg_database_size(current_database()))"))"
    echo "$((SECONDS - started))" >"$OUT/seed-$n.seconds"
}

# ---------------------------------------------------------------- measurements
# count_statements <kind> <n> <label> <url> [<label> <url> ...]: statements per request of
# each URL, a line "<label> <requests> <counts>" each, into $OUT/<kind>-<n>.statements
count_statements() {
    local kind="$1" n="$2" db="bench_${RESOURCE}_$2" file="$OUT/$1-$2.statements"
    shift 2
    : >"$file"
    [[ -n "$PG_LOG" ]] || return 0
    LOGGING_DB="$db"
    psql_value postgres "ALTER DATABASE $db SET log_statement = 'all'" >/dev/null
    start_server "$kind" "$db" "$OUT/$kind-$n-count.log"
    local label path i start end counts
    while [[ $# -gt 0 ]]; do
        label="$1" path="$2"
        shift 2
        # Twice untimed first: connections opened, caches filled, statements prepared.
        for i in 1 2; do curl -fsS -o /dev/null -H "x-medusa-access-token: $TOKEN" "$BASE$path"; done
        sleep 0.3
        start="$(stat -c %s "$PG_LOG")"
        for i in $(seq 1 "$COUNT_REQUESTS"); do
            curl -fsS -o /dev/null -m 300 -H "x-medusa-access-token: $TOKEN" "$BASE$path" \
                || die "$kind: GET $path failed"
        done
        sleep 0.3
        end="$(stat -c %s "$PG_LOG")"
        counts="$(python3 "$HERE/count-statements.py" "$PG_LOG" "$start" "$end" "$db")"
        echo "$label $COUNT_REQUESTS $counts" >>"$file"
        log "$kind n=$n $label: $counts over $COUNT_REQUESTS requests"
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

# wrk_run <kind> <n> <result> <url>: warm-up, then one measured run of <url> on the started
# server; one line "rps p50 p99 requests errors rss load" into $OUT/<result>.result
wrk_run() {
    local kind="$1" n="$2" result="$3" url="$4" raw="$OUT/$3.wrk" load
    load="$(wait_quiet)"
    local wrk_args=(-t "$THREADS" -c "$CONNECTIONS" --timeout 60s -H "x-medusa-access-token: $TOKEN")
    log "$result: warm-up ${WARMUP}s"
    wrk "${wrk_args[@]}" -d "${WARMUP}s" "$url" >"$raw.warmup" 2>&1 || true
    log "$result: measuring ${DURATION}s at $CONNECTIONS connections ($load, load average $(cut -d' ' -f1-3 /proc/loadavg))"
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
    wrk "${wrk_args[@]}" -d "${DURATION}s" --latency "$url" >"$raw" 2>&1 \
        || { cat "$raw" >&2; die "wrk failed"; }
    wait "$sampler" || true
    local during
    during="$(cat "$raw.rustc" 2>/dev/null || echo 0)"
    if [[ "$during" -gt 0 ]]; then
        load="under load (up to $during rustc during the run)"
        log "$result: $during rustc ran during the measurement"
    fi
    local rss rps p50 p99 requests errors
    rss="$(peak_rss_mb)"
    rps="$(awk '/^Requests\/sec:/ { print $2 }' "$raw")"
    p50="$(to_ms "$(awk '$1 == "50%" { print $2 }' "$raw")")"
    p99="$(to_ms "$(awk '$1 == "99%" { print $2 }' "$raw")")"
    requests="$(awk '/requests in/ { print $1 }' "$raw")"
    errors="$(awk '/Non-2xx or 3xx responses:/ { s += $NF } /Socket errors:/ { gsub(/,/, ""); s += $4 + $6 + $8 + $10 } END { print s + 0 }' "$raw")"
    echo "$rps $p50 $p99 $requests $errors $rss $load" >"$OUT/$result.result"
    log "$result: $rps req/s, p50 $p50 ms, p99 $p99 ms, $requests requests, $errors errors, peak RSS $rss MB"
}

# ---------------------------------------------------------------- summary helpers
field() { awk -v f="$2" '{ print $f }' "$OUT/$1.result" 2>/dev/null; }
statements_at() { awk -v l="$2" '$1 == l { split($3, t, "="); printf "%.1f", t[2] / $2 }' "$OUT/$1.statements" 2>/dev/null; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 > 0) printf "%.1f", a / b; else print "n/a" }'; }
machine_line() {
    echo "Machine: $(nproc) cores ($(lscpu | awk -F: '/Model name/ { gsub(/^ +/, "", $2); print $2; exit }')), $(free -g | awk '/^Mem:/ { print $2 }') GB RAM, PostgreSQL $(psql_value postgres 'show server_version' | cut -d' ' -f1) (shared_buffers $(psql_value postgres 'show shared_buffers')), server, database and wrk on the same machine."
}
run_line() {
    echo "Run $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$ROOT" diff --quiet HEAD 2>/dev/null || echo ' + uncommitted changes')."
}

# finish: the summary into docs/PERFORMANCE.md between the <!-- bench:$RESOURCE:... -->
# markers (unless BENCH_UPDATE_DOC=0), the databases dropped unless kept.
finish() {
    if [[ "$UPDATE_DOC" == 1 ]]; then
        python3 - "$ROOT/docs/PERFORMANCE.md" "$OUT/summary.md" "$RESOURCE" <<'PY'
import pathlib, sys
doc, summary, name = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]).read_text(), sys.argv[3]
begin, end = f"<!-- bench:{name}:begin -->", f"<!-- bench:{name}:end -->"
text = doc.read_text() if doc.exists() else "# Performance\n"
if begin not in text or end not in text:
    text += f"\n{begin}\n{end}\n"
head, rest = text.split(begin, 1)
_, tail = rest.split(end, 1)
doc.write_text(f"{head}{begin}\n{summary.rstrip()}\n{end}{tail}")
PY
        log "figures written to docs/PERFORMANCE.md (and $OUT/summary.md)"
    fi
    if [[ "$KEEP_DB" != 1 ]]; then
        for n in $SIZES; do psql_value postgres "DROP DATABASE IF EXISTS bench_${RESOURCE}_$n" >/dev/null; done
    fi
    log "done: $OUT"
}
