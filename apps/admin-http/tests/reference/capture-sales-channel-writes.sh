#!/usr/bin/env bash
# Records the answers of sales-channel writes on the SECOND reference server (:9101, shared
# scratch; never :9100). The channel it creates is deleted at the end, so it can run again.
set -euo pipefail
cd "$(dirname "$0")"
REF=${MEDUSA_REF2_URL:-http://127.0.0.1:9101}
T=(-H 'x-medusa-access-token: ref_admin_api_token' -H 'content-type: application/json')
call() { curl -s "${T[@]}" -X "$2" "$REF$3" ${4:+-d "$4"} | python3 -m json.tool --indent 2 > "$1.json"; echo "$1 <- $2 $3"; }
field() { python3 -c "import json,sys; print(json.load(open('$1.json'))$2)"; }

call sales-channels-create POST /admin/sales-channels '{"name":"Marketplace","description":"Sold elsewhere"}'
SC=$(field sales-channels-create "['sales_channel']['id']")
call sales-channels-create-invalid POST /admin/sales-channels '{"foo":1,"name":1,"description":2,"is_disabled":"x"}'
call sales-channels-update POST "/admin/sales-channels/$SC" '{"description":null,"is_disabled":true}'
call sales-channels-update-empty POST "/admin/sales-channels/$SC" '{}'
call sales-channels-update-null-name POST "/admin/sales-channels/$SC" '{"name":null}'
call sales-channels-update-unknown POST "/admin/sales-channels/$SC" '{"metadata":{"a":1}}'
call sales-channels-update-missing POST /admin/sales-channels/sc_missing '{"name":"x"}'
call sales-channels-add-products POST "/admin/sales-channels/$SC/products/batch" '{"product_ids":[{"id":"prod_ref_mug"},{"id":"prod_ref_mug"},{"id":"prod_ref_hoodie"}]}'
call sales-channels-add-products-again POST "/admin/sales-channels/$SC/products/batch" '{"product_ids":[{"id":"prod_ref_mug"}]}'
call sales-channels-add-unknown-products POST "/admin/sales-channels/$SC/products/batch" '{"product_ids":[{"id":"prod_nope"},{"id":"prod_ref_mug"},{"id":"prod_gone"}]}'
call sales-channels-add-products-invalid POST "/admin/sales-channels/$SC/products/batch" '{"product_ids":[{"id":null},"s"]}'
call sales-channels-add-products-missing-channel POST /admin/sales-channels/sc_missing/products/batch '{"product_ids":[]}'
call sales-channels-remove-products DELETE "/admin/sales-channels/$SC/products/batch" '{"product_ids":[{"id":"prod_ref_hoodie"},{"id":"prod_nope"}]}'
call sales-channels-remove-products-missing-channel DELETE /admin/sales-channels/sc_missing/products/batch '{"product_ids":[{"id":"prod_ref_mug"}]}'
DEFAULT=$(curl -s "${T[@]}" "$REF/admin/store" | python3 -c "import json,sys; print(json.load(sys.stdin)['store']['default_sales_channel_id'])")
call sales-channels-delete-default DELETE "/admin/sales-channels/$DEFAULT"
call sales-channels-delete DELETE "/admin/sales-channels/$SC"
call sales-channels-get-deleted GET "/admin/sales-channels/$SC"
call sales-channels-delete-again DELETE "/admin/sales-channels/$SC"
