#!/usr/bin/env bash
# @medusajs/medusa-js 6.1.x against our server: every admin.* method of the resources it serves
# (auth, users, invites, store, currencies, products, variants, product tags and types,
# collections, product categories, sales channels, price lists, uploads, regions, return
# reasons, tax rates, shipping profiles and options, customers, customer groups, notes,
# notifications, publishable API keys). Prints `N passed, N failed`.
#
#   scripts/e2e/medusa-js.sh          (or `just e2e medusa-js`)
#
# Builds medusa-admin and starts it on a throwaway SQLite database (see lib.sh), installs the
# client into $E2E_WORK/clients. E2E_BACKEND_URL=<url> checks another running server instead:
# it writes there (and leaves a customer), so use a throwaway one, e.g. a second reference
# Medusa (MEDUSA_REF_HOME=/tmp/mr2 MEDUSA_REF_DB=medusa_ref2 MEDUSA_REF_PORT=9101 up.sh), never
# the shared one. Results also go to $E2E_OUT/medusa-js.json.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

OUT=${E2E_OUT:-$WORK/out}
need_node
npm_folder clients
# Medusa serves product categories and POST /admin/currencies/{code} only with these feature
# flags on (404 without): on, so that the client's calls reach them. A server with them off is
# checked for Medusa's 404 instead (medusa-js.mjs reads the flags from GET /admin/store).
# shellcheck disable=SC2086
server_up ${E2E_SERVER_FLAGS-MEDUSA_FF_PRODUCT_CATEGORIES=true MEDUSA_FF_TAX_INCLUSIVE_PRICING=true}
mkdir -p "$OUT"
log "calling @medusajs/medusa-js against $BACKEND_URL"
rc=0
E2E_BACKEND_URL="$BACKEND_URL" E2E_CLIENTS_DIR="$WORK/clients" E2E_OUT="$OUT" \
    timeout --kill-after=15 "${E2E_KILL_AFTER:-600}" node "$E2E_DIR/medusa-js.mjs" || rc=$?
[ "$rc" = 124 ] && echo "the medusa-js run was killed after ${E2E_KILL_AFTER:-600} s" >&2
keep_server_log "$OUT/medusa-js-server.log"
exit $rc
