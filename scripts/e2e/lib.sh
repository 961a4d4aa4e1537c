# Shared by admin-dashboard.sh and medusa-js.sh (sourced, not run).
#
# E2E_WORK       npm work folder, outside the repository, reused between runs ($HOME/.cache/medusa-e2e)
# E2E_API_PORT   port of our server (9310)
# E2E_PROFILE    debug (default) or release build of medusa-admin
# E2E_INVENTORY  1: add the inventory modules' tables to the throwaway database (admin-dashboard.sh: 1)
# E2E_BACKEND_URL  check this already running server instead of building and starting ours
#                  (e.g. a reference Medusa; medusa-js.sh writes to it, the dashboard only reads)

E2E_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$E2E_DIR/../.." && pwd)
WORK=${E2E_WORK:-$HOME/.cache/medusa-e2e}
API_PORT=${E2E_API_PORT:-9310}
PROFILE=${E2E_PROFILE:-debug}
ADMIN_EMAIL=${E2E_EMAIL:-admin@medusa-test.com}
ADMIN_PASSWORD=${E2E_PASSWORD:-supersecret}
export E2E_EMAIL=$ADMIN_EMAIL E2E_PASSWORD=$ADMIN_PASSWORD

E2E_TMP=""
E2E_PIDS=()

log() { printf '==> %s\n' "$*" >&2; }
# The HTTP status of a GET (0 when nothing answers); node instead of curl, which a fresh
# Debian may lack.
http_status() {
    node -e 'fetch(process.argv[1], { redirect: "manual", signal: AbortSignal.timeout(3000) })
        .then((r) => console.log(r.status), () => console.log(0))' "$1"
}
die() { printf 'e2e: %s\n' "$*" >&2; exit 1; }

e2e_cleanup() {
    local pid
    for pid in "${E2E_PIDS[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${E2E_PIDS[@]}"; do
        for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$pid" 2>/dev/null || true
    done
    if [ -n "$E2E_TMP" ] && [ -d "$E2E_TMP" ]; then
        rm -rf "$E2E_TMP"
    fi
}
trap e2e_cleanup EXIT
trap 'exit 130' INT TERM

need_node() {
    command -v node >/dev/null 2>&1 || die "node not found (Node 20 or later and npm are needed)"
    command -v npm >/dev/null 2>&1 || die "npm not found"
    local major
    major=$(node -p 'process.versions.node.split(".")[0]')
    [ "$major" -ge 18 ] || die "node $major is too old (18 or later; tested with 20)"
}

# npm_folder NAME: $WORK/NAME with the dependencies of scripts/e2e/npm/NAME/package.json
# installed; nothing is done when that package.json is unchanged since the last install.
npm_folder() {
    local name=$1 dir="$WORK/$1" template="$E2E_DIR/npm/$1/package.json"
    mkdir -p "$dir"
    if [ -f "$dir/.installed" ] && [ -d "$dir/node_modules" ] && cmp -s "$template" "$dir/.installed"; then
        return 0
    fi
    log "npm install in $dir (first run or changed package.json)"
    cp "$template" "$dir/package.json"
    rm -f "$dir/package-lock.json"
    # --legacy-peer-deps: both packages name @medusajs/medusa (the whole backend) as a peer;
    # they do not need it to build or to run as a client.
    (cd "$dir" && PUPPETEER_SKIP_DOWNLOAD=1 npm install --no-audit --no-fund --legacy-peer-deps --loglevel=error) >&2 \
        || die "npm install failed in $dir"
    cp "$template" "$dir/.installed"
}

# Builds medusa-admin (debug unless E2E_PROFILE=release) and sets BIN.
build_server() {
    if ! command -v cargo >/dev/null 2>&1 && [ -f "$HOME/.cargo/env" ]; then . "$HOME/.cargo/env"; fi
    command -v cargo >/dev/null 2>&1 || die "cargo not found: install the Rust toolchain (rustup.rs)"
    local flag=()
    [ "$PROFILE" = release ] && flag=(--release)
    log "cargo build -p medusa-admin-http --bin medusa-admin ${flag[*]}"
    (cd "$REPO" && cargo build -q -p medusa-admin-http --bin medusa-admin "${flag[@]}") >&2 || die "cargo build failed"
    BIN="$REPO/target/$PROFILE/medusa-admin"
    [ -x "$BIN" ] || die "$BIN not found after the build"
}

# Starts our server on a throwaway SQLite database with the demo store and the admin
# $E2E_EMAIL / $E2E_PASSWORD; sets BACKEND_URL (http://localhost:$API_PORT). Extra
# environment for the server: the arguments (NAME=value ...).
start_server() {
    E2E_TMP=$(mktemp -d "${TMPDIR:-/tmp}/medusa-e2e.XXXXXX")
    if [ "$(http_status "http://127.0.0.1:$API_PORT/")" != 0 ]; then
        die "port $API_PORT is taken (set E2E_API_PORT)"
    fi
    # A database named by DATABASE_URL gets neither the demo store nor the demo login
    # (bootstrap.rs): `seed` loads the demo store, MEDUSA_ADMIN_* creates the admin.
    local db="sqlite://$E2E_TMP/medusa.db?mode=rwc"
    log "seeding the demo store into $E2E_TMP/medusa.db"
    DATABASE_URL=$db "$BIN" seed >"$E2E_TMP/seed.log" 2>&1 || { cat "$E2E_TMP/seed.log" >&2; die "medusa-admin seed failed"; }
    if [ "${E2E_INVENTORY:-0}" = 1 ]; then
        log "adding the inventory modules' tables (medusa-admin migrate --inventory)"
        DATABASE_URL=$db "$BIN" migrate --inventory >>"$E2E_TMP/seed.log" 2>&1 \
            || { cat "$E2E_TMP/seed.log" >&2; die "medusa-admin migrate --inventory failed"; }
    fi
    log "starting medusa-admin on http://127.0.0.1:$API_PORT"
    # BACKEND_URL: the file links the server hands out name the host the clients call.
    env DATABASE_URL="$db" HOST=127.0.0.1 PORT="$API_PORT" UPLOAD_DIR="$E2E_TMP/uploads" \
        BACKEND_URL="http://localhost:$API_PORT" \
        MEDUSA_ADMIN_EMAIL="$ADMIN_EMAIL" MEDUSA_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
        RUST_LOG="${RUST_LOG:-info}" NO_COLOR=1 "$@" \
        "$BIN" serve >"$E2E_TMP/server.log" 2>&1 &
    E2E_PIDS+=($!)
    local pid=$!
    for _ in $(seq 300); do
        if [ "$(http_status "http://127.0.0.1:$API_PORT/health")" = 200 ]; then
            BACKEND_URL="http://localhost:$API_PORT"
            return 0
        fi
        kill -0 "$pid" 2>/dev/null || { tail -30 "$E2E_TMP/server.log" >&2; die "medusa-admin exited"; }
        sleep 0.2
    done
    tail -30 "$E2E_TMP/server.log" >&2
    die "medusa-admin did not answer GET /health with 200 within 60 s"
}

# Keeps the server's log beside the results (the temp folder goes on exit).
keep_server_log() {
    local dest=$1
    if [ -n "$E2E_TMP" ] && [ -f "$E2E_TMP/server.log" ]; then
        mkdir -p "$(dirname "$dest")"
        cp "$E2E_TMP/server.log" "$dest"
    fi
}

# Our server (built and started here), or the one E2E_BACKEND_URL names.
server_up() {
    if [ -n "${E2E_BACKEND_URL:-}" ]; then
        BACKEND_URL=${E2E_BACKEND_URL%/}
        log "using the running server $BACKEND_URL"
        [ "$(http_status "$BACKEND_URL/health")" = 200 ] \
            || die "$BACKEND_URL/health does not answer 200"
    else
        build_server
        start_server "$@"
    fi
}
