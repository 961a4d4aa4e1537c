#!/usr/bin/env bash
# Records the reference Medusa 1.20.10 server's order reads that tests/it/orders.rs compares
# against: the reference seed's two orders (Jane's, fulfilled and captured; John's, with the
# WELCOME10 discount). Read-only requests; run with the reference server up.
set -euo pipefail
cd "$(dirname "$0")"
REF=${MEDUSA_REF_URL:-http://127.0.0.1:9100}
T=(-H 'x-medusa-access-token: ref_admin_api_token')
get() { curl -s "${T[@]}" "$REF$2" | python3 -m json.tool --indent 2 > "$1.json"; echo "$1 <- GET $2"; }
ref_id() { PGPASSWORD=medusa_ref psql -h 127.0.0.1 -U medusa_ref medusa_ref -Atc "$1"; }
JANE=$(ref_id "select id from \"order\" where email = 'jane.doe@example.com'")
JOHN=$(ref_id "select id from \"order\" where email = 'john.smith@example.com'")
get orders-list /admin/orders
get orders-list-fields "/admin/orders?fields=id,email&expand=customer"
get orders-list-q "/admin/orders?q=doe&fields=id,display_id"
get orders-list-not-arrays "/admin/orders?sales_channel_id=x&status=pending"
get orders-list-returnable-items "/admin/orders?expand=returnable_items"
get orders-get-jane "/admin/orders/$JANE"
get orders-get-john-expand "/admin/orders/$JOHN?expand=items.variant,region,returnable_items"
get orders-list-totals "/admin/orders?fields=id,total,subtotal,tax_total,shipping_total,discount_total,gift_card_total,paid_total,refunded_total,refundable_amount,items.refundable&expand=items"
get orders-list-full "/admin/orders?fields=id,email&expand=items,shipping_methods"
get orders-get-john "/admin/orders/$JOHN"
get orders-get-missing /admin/orders/order_missing
PAY=$(ref_id "select id from payment where order_id = '$JOHN'")
get payments-get "/admin/payments/$PAY"
get payments-get-expand "/admin/payments/$PAY?expand=order,currency&fields=id,amount"
get payments-get-missing /admin/payments/pay_missing
