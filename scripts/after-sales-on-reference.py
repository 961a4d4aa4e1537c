#!/usr/bin/env python3
"""Takes the reference store's two orders through Medusa's after-sales flows, on a private
reference server (it writes), and prints the ids the reads compare, as JSON.

Order #1 (captured, fulfilled): a return of the mug (received), a replace claim of one tee
(fulfilled), a swap of the other tee. Order #2 (awaiting): an order edit (an item added, a
quantity changed, requested, confirmed) and a second edit left open.

    MEDUSA_REF_HOME=/tmp/mr-as MEDUSA_REF_DB=ref_as MEDUSA_REF_PORT=9710 ../shared/reference/medusa-ref/up.sh
    scripts/after-sales-on-reference.py http://127.0.0.1:9710 > /tmp/after-sales.json
    createdb ref_as_copy && pg_dump ref_as | psql ref_as_copy        # ours serves the copy
    DATABASE_URL=postgres://.../ref_as_copy PORT=9711 medusa-admin serve &
    scripts/compare-with-reference.py http://127.0.0.1:9710 http://127.0.0.1:9711 /tmp/after-sales.json
"""
import json
import sys
import urllib.error
import urllib.request

BASE = sys.argv[1]
HEADERS = {"x-medusa-access-token": "ref_admin_api_token", "content-type": "application/json"}


def call(method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(BASE + path, method=method, headers=HEADERS, data=data)
    try:
        with urllib.request.urlopen(req) as res:
            return json.load(res)
    except urllib.error.HTTPError as err:
        sys.exit(f"{method} {path}: {err.code} {err.read()[:400]!r}")


orders = call("GET", "/admin/orders?expand=items&fields=id,display_id,region_id")["orders"]
first = next(o for o in orders if o["display_id"] == 1)
second = next(o for o in orders if o["display_id"] == 2)
line = {i["variant_id"]: i["id"] for i in first["items"]}
options = call("GET", "/admin/shipping-options")["shipping_options"]
in_region = [o for o in options if o["region_id"] == first["region_id"]]
return_option = next(o for o in in_region if o["is_return"])
standard = next(o for o in in_region if not o["is_return"] and "Standard" in o["name"])

order = call("POST", f"/admin/orders/{first['id']}/return", {
    "items": [{"item_id": line["variant_ref_mug"], "quantity": 1}],
    "return_shipping": {"option_id": return_option["id"], "price": 500},
})["order"]
returned = order["returns"][-1]["id"]
call("POST", f"/admin/returns/{returned}/receive",
     {"items": [{"item_id": line["variant_ref_mug"], "quantity": 1}]})

order = call("POST", f"/admin/orders/{first['id']}/claims", {
    "type": "replace",
    "claim_items": [{"item_id": line["variant_ref_tee_m_black"], "quantity": 1,
                     "reason": "production_failure", "note": "torn"}],
    "additional_items": [{"variant_id": "variant_ref_tee_m_white", "quantity": 1}],
    "shipping_methods": [{"option_id": standard["id"], "price": 0}],
})["order"]
claim = order["claims"][-1]["id"]
call("POST", f"/admin/orders/{first['id']}/claims/{claim}/fulfillments", {})

order = call("POST", f"/admin/orders/{first['id']}/swaps", {
    "return_items": [{"item_id": line["variant_ref_tee_m_black"], "quantity": 1}],
    "additional_items": [{"variant_id": "variant_ref_tee_s_black", "quantity": 1}],
    "custom_shipping_options": [{"option_id": standard["id"], "price": 0}],
})["order"]
swap = order["swaps"][-1]["id"]

edit = call("POST", "/admin/order-edits", {"order_id": second["id"], "internal_note": "phone call"})
edit = call("POST", f"/admin/order-edits/{edit['order_edit']['id']}/items",
            {"variant_id": "variant_ref_pants_m", "quantity": 2})["order_edit"]
shorts = next(i for i in edit["items"] if i["variant_id"] == "variant_ref_shorts_m")
call("POST", f"/admin/order-edits/{edit['id']}/items/{shorts['id']}", {"quantity": 3})
requested = call("POST", f"/admin/order-edits/{edit['id']}/request", {})["order_edit"]
call("POST", f"/admin/order-edits/{edit['id']}/confirm", {})
open_edit = call("POST", "/admin/order-edits", {"order_id": second["id"]})["order_edit"]["id"]

print(json.dumps({
    "first": first["id"], "second": second["id"], "return": returned, "claim": claim,
    "swap": swap, "edit": edit["id"], "open_edit": open_edit,
    "payment_collection": requested["payment_collection_id"],
}))
