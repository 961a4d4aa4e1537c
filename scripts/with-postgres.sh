#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL server beside it.
#
#   scripts/with-postgres.sh cargo test --workspace
#
# Installs PostgreSQL with apt when no server binaries are found, creates a cluster in a
# temporary directory (trust auth, its own port, loopback only), exports TEST_DATABASE_URL
# pointing at its `postgres` database, runs the command, and stops and removes the cluster
# on exit. Fails loudly when the server cannot be started.
set -euo pipefail

log() { printf '[with-postgres] %s\n' "$*" >&2; }
die() { log "FATAL: $*"; exit 1; }

find_bindir() {
    local d
    if command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
        dirname "$(readlink -f "$(command -v pg_ctl)")"
        return 0
    fi
    for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [ -x "$d/pg_ctl" ] && [ -x "$d/initdb" ]; then echo "$d"; return 0; fi
    done
    return 1
}

bindir=$(find_bindir || true)
if [ -z "$bindir" ]; then
    command -v apt-get >/dev/null 2>&1 || die "no PostgreSQL server binaries and no apt-get to install them"
    log "PostgreSQL not found; installing it with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2 || die "apt-get update failed"
    apt-get install -y -qq postgresql postgresql-contrib >&2 || die "apt-get install postgresql failed"
    bindir=$(find_bindir) || die "PostgreSQL installed but pg_ctl/initdb not found"
fi
# pg_trgm lives in the contrib package on older Debian releases.
sharedir=$("$bindir/pg_config" --sharedir 2>/dev/null || echo "")
if [ -n "$sharedir" ] && [ ! -f "$sharedir/extension/pg_trgm.control" ] && command -v apt-get >/dev/null 2>&1; then
    log "pg_trgm missing; installing postgresql-contrib"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-contrib >&2 || true
fi

# initdb refuses to run as root: run the server as an unprivileged user.
run_as=()
if [ "$(id -u)" = 0 ]; then
    if ! id postgres >/dev/null 2>&1; then
        useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres \
            || die "cannot create the postgres user"
    fi
    run_as=(runuser -u postgres --)
fi

dir=$(mktemp -d /tmp/medusa-pg.XXXXXX)
chmod 755 "$dir"
[ "${#run_as[@]}" -gt 0 ] && chown postgres "$dir"

port=${TEST_PG_PORT:-}
if [ -z "$port" ]; then
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 55432)
fi

cleanup() {
    local rc=$?
    "${run_as[@]}" "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    exit "$rc"
}
trap cleanup EXIT INT TERM

log "initdb in $dir (binaries: $bindir)"
"${run_as[@]}" "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || "${run_as[@]}" "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; die "initdb failed"; }

log "starting PostgreSQL on 127.0.0.1:$port"
"${run_as[@]}" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >&2 || { cat "$dir/server.log" >&2; die "PostgreSQL did not start"; }

export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
export PGHOST=127.0.0.1 PGPORT=$port PGUSER=postgres PG_BINDIR="$bindir"
log "TEST_DATABASE_URL=$TEST_DATABASE_URL"

set +e
"$@"
status=$?
set -e
exit "$status"
