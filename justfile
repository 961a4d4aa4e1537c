# Developer commands. `just --list` shows them.

# Start the server (the demo store on SQLite unless DATABASE_URL says otherwise).
run *ARGS:
    cargo run -p medusa-admin-http --bin medusa-admin -- serve {{ARGS}}

# Every test, on SQLite and on a throwaway PostgreSQL.
test *ARGS:
    scripts/test.sh {{ARGS}}

# Review snapshot changes after a test run.
review:
    cargo insta review

lint:
    cargo fmt --all -- --check
    cargo clippy --workspace --all-targets -- -D warnings

fmt:
    cargo fmt --all

# Migrate the configured database.
migrate:
    cargo run -p medusa-admin-http --bin medusa-admin -- migrate

# Re-record the reference Medusa answers the tests compare against (reference server up).
capture-reference:
    apps/admin-http/tests/reference/capture.sh

# The benchmarks (ours vs the reference Medusa, 1k and 100k rows; `just bench products|orders|import`: one); figures go to docs/PERFORMANCE.md.
bench WHICH="all":
    #!/usr/bin/env bash
    set -u
    case "{{WHICH}}" in all|products|orders|import) ;; *) echo "usage: just bench [all|products|orders|import]" >&2; exit 2 ;; esac
    rc=0
    for one in products orders import; do
        if [ "{{WHICH}}" = all ] || [ "{{WHICH}}" = "$one" ]; then scripts/bench/$one.sh || rc=1; fi
    done
    exit $rc

# Medusa's own clients against our server: the admin dashboard in Chromium, then medusa-js (`just e2e dashboard|medusa-js`: one).
e2e WHICH="all":
    #!/usr/bin/env bash
    set -u
    case "{{WHICH}}" in all|dashboard|medusa-js) ;; *) echo "usage: just e2e [all|dashboard|medusa-js]" >&2; exit 2 ;; esac
    rc=0
    if [ "{{WHICH}}" != medusa-js ]; then scripts/e2e/admin-dashboard.sh || rc=1; fi
    if [ "{{WHICH}}" != dashboard ]; then scripts/e2e/medusa-js.sh || rc=1; fi
    exit $rc
