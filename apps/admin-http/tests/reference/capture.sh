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
# customers, customer groups, publishable API keys (ids looked up: the seed does not fix them)
ref_id() { PGPASSWORD=medusa_ref psql -h 127.0.0.1 -U medusa_ref medusa_ref -Atc "$1"; }
MAX=$(ref_id "select id from customer where email = 'max.mustermann@example.com'")
VIP=$(ref_id "select id from customer_group where name = 'VIP'")
get customers-list-by-email "/admin/customers?order=email"
get customers-list-q "/admin/customers?q=DOE&has_account=true"
get customers-list-groups "/admin/customers?groups%5B%5D=$VIP"
get customers-get-max "/admin/customers/$MAX"
get customers-get-max-groups "/admin/customers/$MAX?expand=groups"
curl -s "${T[@]}" "$REF/admin/customers/cus_missing" | python3 -m json.tool --indent 2 > customers-get-missing.json
get customer-groups-list /admin/customer-groups
get customer-groups-get-customers "/admin/customer-groups/$VIP?expand=customers"
get customer-groups-customers "/admin/customer-groups/$VIP/customers"
curl -s "${T[@]}" "$REF/admin/customer-groups/cgrp_missing" | python3 -m json.tool --indent 2 > customer-groups-get-missing.json
get publishable-api-keys-list /admin/publishable-api-keys
curl -s "${T[@]}" "$REF/admin/publishable-api-keys/pk_missing" | python3 -m json.tool --indent 2 > publishable-api-keys-get-missing.json
# regions, return reasons
get regions-list /admin/regions
get regions-list-fields "/admin/regions?fields=name&expand=currency"
get regions-list-q "/admin/regions?q=n&limit=1"
get regions-list-no-relations "/admin/regions?order=name&expand="
get regions-get /admin/regions/reg_ref_eu
get regions-get-fields "/admin/regions/reg_ref_na?fields=name,tax_rate&expand=payment_providers"
get regions-fulfillment-options /admin/regions/reg_ref_eu/fulfillment-options
curl -s "${T[@]}" "$REF/admin/regions/reg_missing" | python3 -m json.tool --indent 2 > regions-get-missing.json
curl -s "${T[@]}" "$REF/admin/regions?expand=tax_rates" | python3 -m json.tool --indent 2 > regions-list-bad-expand.json
get return-reasons-list /admin/return-reasons
curl -s "${T[@]}" "$REF/admin/return-reasons/rr_missing" | python3 -m json.tool --indent 2 > return-reasons-get-missing.json
# tax rates, shipping profiles, shipping options
get tax-rates-list /admin/tax-rates
get shipping-profiles-list /admin/shipping-profiles
get shipping-options-list /admin/shipping-options
get shipping-options-eu-names "/admin/shipping-options?region_id=reg_ref_eu&is_return=false&fields=name,amount&expand=region&order=amount"
get shipping-options-q "/admin/shipping-options?q=express&expand=profile"
get shipping-options-return "/admin/shipping-options/$(curl -sf "${T[@]}" "$REF/admin/shipping-options?is_return=true&fields=id" | python3 -c 'import json,sys; print(json.load(sys.stdin)["shipping_options"][0]["id"])')"
for missing in tax-rates/txr_missing shipping-options/so_missing shipping-profiles/sp_missing; do
  curl -s "${T[@]}" "$REF/admin/$missing" | python3 -m json.tool --indent 2 > "${missing%%/*}-get-missing.json"
done
curl -s "${T[@]}" "$REF/admin/tax-rates?fields=name" | python3 -m json.tool --indent 2 > tax-rates-fields-not-array.json
# notes and notifications: written on the second reference server (:9101, shared, writable),
# never on :9100. The notification rows are inserted directly (Medusa 1.20 ships no
# notification provider); the note is created, read, changed and deleted through the API.
REF2=${MEDUSA_REF2_URL:-http://127.0.0.1:9101}
REF2_DB=${MEDUSA_REF2_DB:-medusa_ref2}
ref2() { local name=$1; shift; curl -s "${T[@]}" -H 'content-type: application/json' "$@" | python3 -m json.tool --indent 2 > "$name.json"; echo "$name <- $*"; }
PGPASSWORD=medusa_ref psql -q -h 127.0.0.1 -U medusa_ref "$REF2_DB" <<'SQL'
INSERT INTO notification_provider (id, is_installed) VALUES ('log', true) ON CONFLICT DO NOTHING;
INSERT INTO notification (id, event_name, resource_type, resource_id, customer_id, "to", data, parent_id, provider_id, created_at, updated_at) VALUES
 ('noti_5a_ref_1','invite.created','invite','invite_5a_1',NULL,'a@example.com','{"user_email":"a@example.com"}',NULL,'log','2026-01-01T10:00:00Z','2026-01-01T10:00:00Z'),
 ('noti_5a_ref_2','user.created','user','usr_5a_2',NULL,'b@example.com','{"id":"usr_5a_2"}',NULL,'log','2026-01-02T10:00:00Z','2026-01-02T10:00:00Z'),
 ('noti_5a_ref_3','invite.created','invite','invite_5a_1',NULL,'c@example.com','{"user_email":"c@example.com"}','noti_5a_ref_1','log','2026-01-03T10:00:00Z','2026-01-03T10:00:00Z'),
 ('noti_5a_ref_4','order.placed','order','order_5a_4',NULL,'d@example.com','{"id":"order_5a_4"}',NULL,NULL,'2026-01-04T10:00:00Z','2026-01-04T10:00:00Z')
ON CONFLICT DO NOTHING;
SQL
OURS="resource_id=invite_5a_1,usr_5a_2,order_5a_4"
ref2 notifications-list "$REF2/admin/notifications?$OURS"
ref2 notifications-list-resends "$REF2/admin/notifications?$OURS&include_resends=true"
ref2 notifications-list-resends-0 "$REF2/admin/notifications?$OURS&include_resends=0"
ref2 notifications-list-page "$REF2/admin/notifications?$OURS&limit=1&offset=1"
ref2 notifications-list-filters "$REF2/admin/notifications?$OURS&event_name=invite.created,user.created&to=a@example.com"
ref2 notifications-list-empty-expand "$REF2/admin/notifications?$OURS&expand="
ref2 notifications-list-bad-bool "$REF2/admin/notifications?include_resends=yes"
ref2 notifications-list-bad-order "$REF2/admin/notifications?order=to"
ref2 notifications-resend-missing -X POST "$REF2/admin/notifications/noti_missing/resend" -d '{}'
ref2 notifications-resend-no-provider -X POST "$REF2/admin/notifications/noti_5a_ref_4/resend" -d '{}'
ref2 notifications-resend-bad-to -X POST "$REF2/admin/notifications/noti_5a_ref_1/resend" -d '{"to":5}'
ref2 notes-create -X POST "$REF2/admin/notes" -d '{"resource_id":"prod_5a_notes","resource_type":"product","value":"first"}'
NOTE=$(python3 -c 'import json; print(json.load(open("notes-create.json"))["note"]["id"])')
ref2 notes-list "$REF2/admin/notes?resource_id=prod_5a_notes"
ref2 notes-get "$REF2/admin/notes/$NOTE"
ref2 notes-update -X POST "$REF2/admin/notes/$NOTE" -d '{"value":"second"}'
ref2 notes-update-invalid -X POST "$REF2/admin/notes/$NOTE" -d '{}'
ref2 notes-create-invalid -X POST "$REF2/admin/notes" -d '{"resource_id":"","resource_type":1}'
ref2 notes-list-invalid "$REF2/admin/notes?foo=1&limit=abc"
ref2 notes-delete -X DELETE "$REF2/admin/notes/$NOTE"
ref2 notes-get-deleted "$REF2/admin/notes/$NOTE"
ref2 notes-delete-again -X DELETE "$REF2/admin/notes/$NOTE"
ref2 notes-update-missing -X POST "$REF2/admin/notes/note_missing" -d '{"value":"x"}'
ref2 notes-list-after-delete "$REF2/admin/notes?resource_id=prod_5a_notes"
# products, variants, product tags and types (the catalog fixture `catalog.json` holds the same rows)
get products-list /admin/products
get products-list-page "/admin/products?limit=2&offset=1&order=title"
get products-list-q "/admin/products?q=shirt"
get products-list-q-sku "/admin/products?q=REF-MUG"
get products-list-filters "/admin/products?status%5B%5D=published&is_giftcard=false&collection_id%5B%5D=pcol_ref_summer"
get products-list-tags "/admin/products?tags%5B%5D=$(ref_id "select id from product_tag where value = 'winter'")"
get products-list-sales-channel "/admin/products?sales_channel_id%5B%5D=$(ref_id "select id from sales_channel limit 1")&limit=3"
get products-list-expand "/admin/products?expand=variants,collection&fields=title,handle&order=created_at"
get products-list-fields "/admin/products?fields=title&limit=2"
get products-list-title-with-q "/admin/products?q=mug&title=nothing"
get products-get /admin/products/prod_ref_tshirt
get products-get-expand "/admin/products/prod_ref_mug?expand=tags,type&fields=title"
curl -s "${T[@]}" "$REF/admin/products/prod_missing" | python3 -m json.tool --indent 2 > products-get-missing.json
get products-variants /admin/products/prod_ref_tshirt/variants
get products-variants-page "/admin/products/prod_ref_tshirt/variants?limit=3&offset=2&order=title"
get products-variants-q "/admin/products/prod_ref_mug/variants?q=mug"
get products-tag-usage /admin/products/tag-usage
get products-types /admin/products/types
get variants-list /admin/variants
get variants-list-filters "/admin/variants?title=M%20/%20Black&manage_inventory=true&inventory_quantity%5Bgt%5D=10"
get variants-list-q "/admin/variants?q=tee"
get variants-get /admin/variants/variant_ref_mug
# Medusa's pricing decoration adds `prices` and the price keys whatever `fields`/`expand` say
get variants-list-fields-no-expand "/admin/variants?fields=title,sku&expand=&q=mug"
get variants-list-fields-expand-options "/admin/variants?fields=title&expand=options&q=mug"
get variants-get-fields-no-expand "/admin/variants/variant_ref_mug?fields=title&expand="
get variants-list-q-ignores-title "/admin/variants?q=mug&title=nothing"
# a bare relation name in `fields` selects nothing
get variants-list-fields-relation "/admin/variants?fields=title,prices&q=mug"
get variants-get-fields-relation "/admin/variants/variant_ref_mug?fields=title,options&expand=product"
get products-list-fields-relation "/admin/products?fields=title,tags&expand=&order=title"
curl -s "${T[@]}" "$REF/admin/variants/variant_missing" | python3 -m json.tool --indent 2 > variants-get-missing.json
get product-tags-list /admin/product-tags
get product-tags-list-q "/admin/product-tags?q=er&limit=20"
get product-tags-list-value "/admin/product-tags?value%5B%5D=winter&value%5B%5D=gift"
get product-types-list /admin/product-types
get product-types-list-q "/admin/product-types?q=an&order=value"
# collections (read-only)
get collections-list /admin/collections
get collections-list-q "/admin/collections?q=SUM"
get collections-list-page "/admin/collections?limit=1&offset=1&order=title"
get collections-get /admin/collections/pcol_ref_basics
curl -s "${T[@]}" "$REF/admin/collections/pcol_missing" | python3 -m json.tool --indent 2 > collections-get-missing.json
curl -s "${T[@]}" "$REF/admin/collections?expand=products" | python3 -m json.tool --indent 2 > collections-list-expand.json
# sales channels (read-only)
get sales-channels-list /admin/sales-channels
get sales-channels-list-q "/admin/sales-channels?q=MEDUSA"
get sales-channels-list-fields "/admin/sales-channels?fields=name&order=name"
get sales-channels-list-name "/admin/sales-channels?name=Default%20Sales%20Channel&offset=1"
get sales-channels-get /admin/sales-channels/sc_01M807QXVVEW67CAJWWJGZ679C
curl -s "${T[@]}" "$REF/admin/sales-channels/sc_missing" | python3 -m json.tool --indent 2 > sales-channels-get-missing.json
curl -s "${T[@]}" "$REF/admin/sales-channels?id%5B%5D=a" | python3 -m json.tool --indent 2 > sales-channels-list-id-array.json
curl -s "${T[@]}" "$REF/admin/sales-channels?foo=1" | python3 -m json.tool --indent 2 > sales-channels-list-unknown.json
# product writes (second reference server, :9101): see capture-product-writes.py
