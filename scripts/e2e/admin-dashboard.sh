#!/usr/bin/env bash
# Medusa's own v1 admin dashboard (@medusajs/admin 7.1.x) in headless Chromium against our
# server. Opens login, products, a product, collections, customers, a customer, regions, store
# details, price lists, orders, an order, draft orders, a draft order, discounts, a discount and
# gift cards (dashboard.mjs); then drives, as a merchant would (dashboard-flows.mjs): the
# "Add Discount" form, a custom gift card and its page, "Export Products" (the job completes,
# the activity drawer's Download saves the file), "Import Products" (upload, the pre-processed
# summary, confirm, the product listed), "Export Orders", a new stock location, the inventory
# list and its "Adjust availability", and the "Create draft order" modal, marked paid. Each form
# step asserts the request it sends answers 2xx and that its result shows afterwards. Fails on
# any request to our server answering >= 400 or failing (CORS, network), on console errors and
# on page errors; prints `N passed, N failed`.
#
#   scripts/e2e/admin-dashboard.sh          (or `just e2e dashboard`)
#
# Steps: build medusa-admin and start it on a throwaway SQLite database (demo store, the
# inventory modules' tables (`migrate --inventory`; E2E_INVENTORY=0 leaves them out), admin
# admin@medusa-test.com / supersecret, ADMIN_CORS = the dashboard's origin); install
# @medusajs/admin into $E2E_WORK/admin and build it standalone for our server's URL (cached
# per URL); serve it on its own origin (http://localhost:$E2E_ADMIN_PORT/app, no proxy: the
# dashboard calls our server cross-origin); install chromium with apt when missing; drive it
# with puppeteer-core. Needs node 20 + npm, cargo, and root (or sudo) for apt the first time.
#
# E2E_OUT          screenshots, report.json, server.log ($E2E_WORK/out)
# E2E_ADMIN_PORT   port of the dashboard's static server (9311)
# E2E_PROFILE, E2E_API_PORT, E2E_WORK, E2E_BACKEND_URL: see lib.sh. With E2E_BACKEND_URL
# (e.g. the reference Medusa) nothing is created on that server and the analytics consent
# question is left unanswered, unless E2E_SETUP_CREATE=1 / E2E_ANSWER_CONSENT=1 say otherwise.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

ADMIN_PORT=${E2E_ADMIN_PORT:-9311}
ADMIN_ORIGIN="http://localhost:$ADMIN_PORT"
ADMIN_PATH=/app
OUT=${E2E_OUT:-$WORK/out}
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}

need_node

ensure_chromium() {
    if [ -x "$CHROMIUM" ]; then return 0; fi
    command -v apt-get >/dev/null 2>&1 || die "$CHROMIUM not found and no apt-get: set CHROMIUM to a Chromium/Chrome binary"
    local sudo=()
    [ "$(id -u)" = 0 ] || sudo=(sudo)
    log "installing chromium with apt-get"
    { "${sudo[@]}" apt-get update -qq && "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >&2 \
        || die "apt-get install chromium failed"
    [ -x "$CHROMIUM" ] || die "$CHROMIUM still missing after installing chromium"
}

# Builds the dashboard for BACKEND_URL into $WORK/admin/builds/<url>, unless that build exists.
build_dashboard() {
    npm_folder admin
    local dir="$WORK/admin" key version stamp
    key=$(printf '%s' "$BACKEND_URL" | tr -c 'A-Za-z0-9' '_')
    version=$(node -p "require('$dir/node_modules/@medusajs/admin/package.json').version")
    stamp="@medusajs/admin $version backend=$BACKEND_URL path=$ADMIN_PATH"
    DASHBOARD_DIR="$dir/builds/$key"
    if [ -f "$DASHBOARD_DIR/index.html" ] && [ "$(cat "$DASHBOARD_DIR/.e2e-stamp" 2>/dev/null)" = "$stamp" ]; then
        log "dashboard already built for $BACKEND_URL ($DASHBOARD_DIR)"
        return 0
    fi
    log "building @medusajs/admin $version for $BACKEND_URL (about a minute)"
    # The build reads its options from medusa-config.js in the working folder (the plugin's
    # entry); --deployment makes it take --backend and --path as given.
    cat >"$dir/medusa-config.js" <<EOF
// Written by scripts/e2e/admin-dashboard.sh for \`medusa-admin build\`.
module.exports = {
  projectConfig: {},
  plugins: [
    {
      resolve: "@medusajs/admin",
      options: { path: "$ADMIN_PATH", backend: "$BACKEND_URL", outDir: "builds/$key", serve: false },
    },
  ],
}
EOF
    (cd "$dir" && MEDUSA_ADMIN_BACKEND_URL="$BACKEND_URL" NODE_ENV=production \
        node node_modules/@medusajs/admin/bin/medusa-admin.js build --deployment \
        --backend "$BACKEND_URL" --path "$ADMIN_PATH") >"$WORK/admin/build.log" 2>&1 \
        || { tail -40 "$WORK/admin/build.log" >&2; die "the dashboard build failed (log: $WORK/admin/build.log)"; }
    [ -f "$DASHBOARD_DIR/index.html" ] || die "the dashboard build wrote no $DASHBOARD_DIR/index.html"
    printf '%s' "$stamp" >"$DASHBOARD_DIR/.e2e-stamp"
}

serve_dashboard() {
    if [ "$(http_status "http://127.0.0.1:$ADMIN_PORT/")" != 0 ]; then
        die "port $ADMIN_PORT is taken (set E2E_ADMIN_PORT)"
    fi
    node "$E2E_DIR/static-server.mjs" "$DASHBOARD_DIR" "$ADMIN_PORT" "$ADMIN_PATH" 127.0.0.1 >&2 &
    E2E_PIDS+=($!)
    for _ in $(seq 50); do
        [ "$(http_status "$ADMIN_ORIGIN$ADMIN_PATH/")" = 200 ] && return 0
        sleep 0.1
    done
    die "the dashboard's static server did not start"
}

start=$(date +%s)
ensure_chromium
npm_folder clients
if [ -n "${E2E_BACKEND_URL:-}" ]; then
    : "${E2E_SETUP_CREATE:=0}" "${E2E_ANSWER_CONSENT:=0}"
fi
E2E_INVENTORY=${E2E_INVENTORY:-1} server_up ADMIN_CORS="$ADMIN_ORIGIN"
build_dashboard
serve_dashboard

mkdir -p "$OUT"
rm -rf "$OUT"/[0-9][0-9]-*.png "$OUT"/debug-*.png "$OUT/downloads" "$OUT/report.json" "$OUT/server.log" # this script's earlier results
log "driving the dashboard at $ADMIN_ORIGIN$ADMIN_PATH against $BACKEND_URL"
rc=0
E2E_ADMIN_URL="$ADMIN_ORIGIN$ADMIN_PATH" E2E_BACKEND_URL="$BACKEND_URL" E2E_OUT="$OUT" \
    E2E_CLIENTS_DIR="$WORK/clients" CHROMIUM="$CHROMIUM" E2E_STARTED="$start" \
    E2E_SETUP_CREATE="${E2E_SETUP_CREATE:-1}" E2E_ANSWER_CONSENT="${E2E_ANSWER_CONSENT:-1}" \
    timeout --kill-after=15 "${E2E_KILL_AFTER:-600}" node "$E2E_DIR/dashboard.mjs" || rc=$?
[ "$rc" = 124 ] && echo "the dashboard drive was killed after ${E2E_KILL_AFTER:-600} s" >&2
keep_server_log "$OUT/server.log"
exit $rc
