#!/usr/bin/env bash
# Records the answers of region and return-reason writes on the SECOND reference server
# (:9101, shared scratch; never :9100). The region it creates is deleted at the end, which
# releases its countries, so the script can run again.
set -euo pipefail
cd "$(dirname "$0")"
REF=${MEDUSA_REF2_URL:-http://127.0.0.1:9101}
T=(-H 'x-medusa-access-token: ref_admin_api_token' -H 'content-type: application/json')
call() { curl -s "${T[@]}" -X "$2" "$REF$3" ${4:+-d "$4"} | python3 -m json.tool --indent 2 > "$1.json"; echo "$1 <- $2 $3"; }
field() { python3 -c "import json,sys; print(json.load(open('$1.json'))$2)"; }

call regions-create POST /admin/regions '{"name":"Latam","currency_code":"USD","tax_rate":12.5,"tax_code":"LT","payment_providers":["manual","manual"],"fulfillment_providers":["manual"],"countries":["MX"],"metadata":{"keep":1,"drop":""}}'
R=$(field regions-create "['region']['id']")
call regions-update POST "/admin/regions/$R" '{"name":"Latin America","countries":["mx","ar"],"tax_code":null,"automatic_taxes":false,"metadata":{"keep":"","added":true},"payment_providers":[]}'
call regions-add-country POST "/admin/regions/$R/countries" '{"country_code":"CL"}'
call regions-remove-country DELETE "/admin/regions/$R/countries/ar"
call regions-add-payment-provider POST "/admin/regions/$R/payment-providers" '{"provider_id":"manual"}'
call regions-remove-fulfillment-provider DELETE "/admin/regions/$R/fulfillment-providers/manual"
call regions-create-invalid POST /admin/regions '{"foo":1,"name":1,"tax_rate":"x","payment_providers":[1],"fulfillment_providers":"manual"}'
call regions-create-taken-country POST /admin/regions '{"name":"X","currency_code":"usd","tax_rate":0,"payment_providers":[],"fulfillment_providers":[],"countries":["us"]}'
call regions-create-bad-currency POST /admin/regions '{"name":"X","currency_code":"dkk","tax_rate":0,"payment_providers":[],"fulfillment_providers":[],"countries":[]}'
call regions-create-bad-rate POST /admin/regions '{"name":"X","currency_code":"usd","tax_rate":101,"payment_providers":[],"fulfillment_providers":[],"countries":[]}'
call regions-create-bad-country POST /admin/regions '{"name":"X","currency_code":"usd","tax_rate":0,"payment_providers":[],"fulfillment_providers":[],"countries":["xx"]}'
call regions-create-bad-provider POST /admin/regions '{"name":"X","currency_code":"usd","tax_rate":0,"payment_providers":["system"],"fulfillment_providers":[],"countries":[]}'
call regions-update-null-name POST "/admin/regions/$R" '{"name":null}'
call regions-update-bad-tax-provider POST "/admin/regions/$R" '{"tax_provider_id":"nope"}'
call regions-add-unknown-payment-provider POST "/admin/regions/$R/payment-providers" '{"provider_id":"system"}'
call regions-add-unknown-fulfillment-provider POST "/admin/regions/$R/fulfillment-providers" '{"provider_id":"webshipper"}'
call regions-add-taken-country POST "/admin/regions/$R/countries" '{"country_code":"us"}'
call regions-delete DELETE "/admin/regions/$R"
call regions-delete-again DELETE "/admin/regions/$R"

call return-reasons-create-parent POST /admin/return-reasons '{"value":"cap_parent","label":"Parent","description":"d","metadata":{"a":1,"b":""}}'
P=$(field return-reasons-create-parent "['return_reason']['id']")
call return-reasons-create-child POST /admin/return-reasons "{\"value\":\"cap_child\",\"label\":\"Child\",\"parent_return_reason_id\":\"$P\"}"
C=$(field return-reasons-create-child "['return_reason']['id']")
call return-reasons-create-grandchild POST /admin/return-reasons "{\"value\":\"cap_gc\",\"label\":\"GC\",\"parent_return_reason_id\":\"$C\"}"
call return-reasons-create-duplicate POST /admin/return-reasons '{"value":"cap_parent","label":"Dup"}'
call return-reasons-create-invalid POST /admin/return-reasons '{"foo":1,"value":3}'
call return-reasons-create-missing-parent POST /admin/return-reasons '{"value":"cap_x","label":"X","parent_return_reason_id":"rr_missing"}'
call return-reasons-list-after GET /admin/return-reasons
call return-reasons-update POST "/admin/return-reasons/$P" '{"label":"P2","description":null,"metadata":{"z":1}}'
call return-reasons-update-null-label POST "/admin/return-reasons/$P" '{"label":null}'
call return-reasons-update-parent POST "/admin/return-reasons/$P" '{"parent_return_reason_id":"x"}'
call return-reasons-delete DELETE "/admin/return-reasons/$P"
call return-reasons-delete-again DELETE "/admin/return-reasons/$P"
call return-reasons-get-deleted-child GET "/admin/return-reasons/$C"
