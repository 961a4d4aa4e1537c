#!/usr/bin/env bash
# The project's test command: the whole workspace, against SQLite and a throwaway PostgreSQL.
#
#   scripts/test.sh [extra cargo test args]
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v cargo >/dev/null 2>&1; then
    [ -f "$HOME/.cargo/env" ] && . "$HOME/.cargo/env"
fi
command -v cargo >/dev/null 2>&1 || { echo "cargo not found: install the Rust toolchain (rustup.rs)" >&2; exit 1; }

# Snapshots must match what is committed; CI never writes new ones.
export INSTA_UPDATE=no
export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-never}

# Then the embedding examples, on the same throwaway PostgreSQL.
exec scripts/with-postgres.sh bash -c \
    'cargo test --workspace --locked --no-fail-fast "$@" && scripts/examples.sh' test "$@"
