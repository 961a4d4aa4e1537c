#!/usr/bin/env bash
# Records the reference Medusa 1.20.10 server's answers that the HTTP tests compare against.
# Run with the reference server up (../shared/reference/medusa-ref/up.sh); read-only requests.
set -euo pipefail
cd "$(dirname "$0")"
REF=${MEDUSA_REF_URL:-http://127.0.0.1:9100}
T=(-H 'x-medusa-access-token: ref_admin_api_token')
get() { curl -sf "${T[@]}" "$REF$2" | python3 -m json.tool --indent 2 > "$1.json"; echo "$1 <- GET $2"; }

get auth-get /admin/auth
get users-list /admin/users
get users-get /admin/users/usr_ref_admin
get users-list-fields "/admin/users?fields=email&order=email"
get store-get /admin/store
get store-payment-providers /admin/store/payment-providers
get store-tax-providers /admin/store/tax-providers
get currencies-default /admin/currencies
get currencies-page "/admin/currencies?limit=3&offset=2&order=code"
get currencies-q "/admin/currencies?q=eu&order=-code"
get currencies-code "/admin/currencies?code=usd"
curl -s "${T[@]}" "$REF/admin/users/usr_missing" | python3 -m json.tool --indent 2 > users-get-missing.json
PGPASSWORD=medusa_ref psql -h 127.0.0.1 -U medusa_ref medusa_ref -Atc \
  "select password_hash from \"user\" where id = 'usr_ref_admin'" > admin-password-hash.txt
