#!/usr/bin/env bash
# Records what the real Medusa 1.20.10 answers for the store and currency endpoints.
#
#   READ_URL   a seeded reference server, only read from (default http://127.0.0.1:9100)
#   WRITE_URL  a second, freshly seeded reference server that this script changes
#              (see ../../../../../shared/reference/medusa-ref/README.md, "A second one")
#
# Each response body is saved raw as <name>.json; index.tsv lists name, method, path,
# request body and HTTP status. The write sequence assumes the fresh seed (store currencies
# usd+eur, default eur) and depends on its own order.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
READ_URL="${READ_URL:-http://127.0.0.1:9100}"
WRITE_URL="${WRITE_URL:?set WRITE_URL to a throwaway reference server}"
TOKEN='x-medusa-access-token: ref_admin_api_token'
printf 'name\tmethod\tpath\tbody\tstatus\n' > index.tsv

call() { # base name method path [body]
  local base=$1 name=$2 method=$3 path=$4 body=${5:-}
  local args=(-s -o "$name.json" -w '%{http_code}' -X "$method" "$base/admin$path" -H "$TOKEN")
  [[ -n "$body" ]] && args+=(-H 'content-type: application/json' -d "$body")
  local status; status=$(curl "${args[@]}")
  printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$method" "$path" "$body" "$status" >> index.tsv
}
read_() { call "$READ_URL" "$@"; }
write() { call "$WRITE_URL" "$@"; }

read_ get-store GET /store
read_ get-store-payment-providers GET /store/payment-providers
read_ get-store-tax-providers GET /store/tax-providers
read_ get-currencies GET /currencies
read_ get-currencies-paged-q GET '/currencies?limit=3&offset=2&order=code&q=eu'
read_ get-currencies-q GET '/currencies?q=eu'
read_ get-currencies-q-upper GET '/currencies?q=EURO'
read_ get-currencies-code GET '/currencies?code=eur'
read_ get-currencies-code-upper GET '/currencies?code=EUR'
read_ get-currencies-code-and-q GET '/currencies?code=eur&q=dollar'
read_ get-currencies-order-desc GET '/currencies?order=-name&limit=2'
read_ get-currencies-order-asc GET '/currencies?order=code&limit=2&offset=1'
read_ get-currencies-limit-zero GET '/currencies?limit=0'
read_ get-currencies-offset-past-end GET '/currencies?offset=200'
read_ get-currencies-code-array GET '/currencies?code[]=eur&code[]=usd'
read_ get-currencies-unknown-param GET '/currencies?foo=1'
read_ get-currencies-includes-tax GET '/currencies?includes_tax=true'
read_ get-currencies-bad-limit GET '/currencies?limit=abc'
read_ get-currencies-unknown-order GET '/currencies?order=foo'
read_ post-currency-includes-tax POST /currencies/eur '{"includes_tax":true}'

write post-store-name POST /store '{"name":"Renamed"}'
write post-store-same-name POST /store '{"name":"Renamed"}'
write post-store-metadata POST /store '{"metadata":{"a":1,"b":"x","n":{"k":1}}}'
write post-store-metadata-merge POST /store '{"metadata":{"a":"","n":{"j":2}}}'
write post-store-templates POST /store '{"swap_link_template":"http://x/{{cart_id}}","payment_link_template":"p","invite_link_template":"i"}'
write post-store-templates-null POST /store '{"swap_link_template":null}'
write post-store-empty POST /store '{}'
write post-store-name-null POST /store '{"name":null}'
write post-store-metadata-not-object POST /store '{"metadata":"x"}'
write post-store-unknown-property POST /store '{"name":5,"foo":1}'
write post-store-default-currency POST /store '{"default_currency_code":"usd"}'
write post-store-default-currency-upper POST /store '{"default_currency_code":"EUR"}'
write post-store-default-currency-missing POST /store '{"default_currency_code":"gbp"}'
write post-store-currencies POST /store '{"currencies":["eur","gbp"]}'
write post-store-currencies-drop-default POST /store '{"currencies":["usd","gbp"]}'
write post-store-currencies-empty POST /store '{"currencies":[]}'
write post-store-currencies-unknown POST /store '{"currencies":["EUR","xxx"]}'
write post-store-currencies-unknown-default POST /store '{"currencies":["eur","usd"],"default_currency_code":"xxx"}'
write post-store-currencies-and-default POST /store '{"currencies":["usd","dkk"],"default_currency_code":"usd"}'
write post-store-currencies-duplicates POST /store '{"currencies":["usd","DKK","usd"]}'
write add-store-currency POST /store/currencies/eur
write add-store-currency-upper POST /store/currencies/SEK
write add-store-currency-duplicate POST /store/currencies/EUR
write add-store-currency-unknown POST /store/currencies/xxx
write remove-store-currency DELETE /store/currencies/dkk
write remove-store-currency-absent DELETE /store/currencies/xxx
write remove-store-currency-default DELETE /store/currencies/usd
write get-store-after-writes GET /store
