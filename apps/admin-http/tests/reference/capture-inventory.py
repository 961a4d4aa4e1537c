#!/usr/bin/env python3
"""Records the reference Medusa's answers to a sequence of inventory writes and reads.

Runs against a reference started with the inventory modules (`MEDUSA_REF_INVENTORY=1`, see
the kit's README; default http://127.0.0.1:9700), whose default sales channel serves its two
seeded warehouses. Writes `inventory-steps.json`: each step's request (with `{L}` for the
location, `{I}` for the item and `{R}` for the reservation it creates) and the reference's
status and answer, plus the ids the reference gave them, so a test can replay the steps on
its own store and compare (`tests/it/inventory.rs`).

Usage: capture-inventory.py [BASE_URL]
"""
import json, os, sys, urllib.request

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:9700"
HEADERS = {"x-medusa-access-token": "ref_admin_api_token", "content-type": "application/json"}
CHANNEL = "sc_01M938NPDAF9735RYZ2T2VFZEA"

STEPS = [
    ("create-location", "POST", "/admin/stock-locations",
     {"name": " Lyon ", "address": {"address_1": "1 quai", "country_code": "fr", "city": "Lyon"}, "metadata": {"a": "b"}}),
    ("create-item", "POST", "/admin/inventory-items", {"variant_id": "variant_ref_gc_50", "sku": "GC50", "weight": 2, "title": "x"}),
    ("create-item-no-variant", "POST", "/admin/inventory-items", {"sku": "GC50c"}),
    ("create-level", "POST", "/admin/inventory-items/{I}/location-levels", {"location_id": "{L}", "stocked_quantity": 10, "incoming_quantity": 3}),
    ("create-level-again", "POST", "/admin/inventory-items/{I}/location-levels", {"location_id": "{L}", "stocked_quantity": 10}),
    ("create-level-unknown-location", "POST", "/admin/inventory-items/{I}/location-levels", {"location_id": "sloc_missing", "stocked_quantity": 1}),
    ("update-level", "POST", "/admin/inventory-items/{I}/location-levels/{L}", {"stocked_quantity": 12}),
    ("update-level-invalid", "POST", "/admin/inventory-items/{I}/location-levels/{L}", {"stocked_quantity": -1, "foo": 1}),
    ("update-level-not-stocked", "POST", "/admin/inventory-items/{I}/location-levels/sloc_missing", {"stocked_quantity": 1}),
    ("get-item", "GET", "/admin/inventory-items/{I}", None),
    ("create-reservation", "POST", "/admin/reservations", {"inventory_item_id": "{I}", "location_id": "{L}", "quantity": 4, "description": "d", "metadata": {"m": 1}}),
    ("create-reservation-not-stocked", "POST", "/admin/reservations", {"inventory_item_id": "{I}", "location_id": "sloc_missing", "quantity": 1}),
    ("list-items-at-location", "GET", "/admin/inventory-items?location_id={L}", None),
    ("list-items-q", "GET", "/admin/inventory-items?q=gc5&fields=sku", None),
    ("list-levels", "GET", "/admin/inventory-items/{I}/location-levels", None),
    ("delete-level-reserved", "DELETE", "/admin/inventory-items/{I}/location-levels/{L}", None),
    ("get-reservation", "GET", "/admin/reservations/{R}", None),
    ("list-reservations", "GET", "/admin/reservations?inventory_item_id[]={I}&expand=inventory_item", None),
    ("variant-inventory", "GET", "/admin/variants/variant_ref_gc_50/inventory", None),
    ("link-channel", "POST", "/admin/sales-channels/" + CHANNEL + "/stock-locations", {"location_id": "{L}"}),
    ("variant-inventory-linked", "GET", "/admin/variants/variant_ref_gc_50/inventory", None),
    ("update-location", "POST", "/admin/stock-locations/{L}", {"name": "Lyon 2", "address": {"address_1": "2 quai", "country_code": "fr"}, "metadata": {"c": "d"}}),
    ("get-location", "GET", "/admin/stock-locations/{L}?expand=address,sales_channels", None),
    ("list-locations-q", "GET", "/admin/stock-locations?q=lyon&expand=address", None),
    ("update-item", "POST", "/admin/inventory-items/{I}", {"title": "T", "requires_shipping": False, "hs_code": None}),
    ("update-item-metadata", "POST", "/admin/inventory-items/{I}", {"metadata": {"a": 1}}),
    ("delete-reservation", "DELETE", "/admin/reservations/{R}", None),
    ("get-item-released", "GET", "/admin/inventory-items/{I}", None),
    ("delete-level", "DELETE", "/admin/inventory-items/{I}/location-levels/{L}", None),
    ("delete-item", "DELETE", "/admin/inventory-items/{I}", None),
    ("get-item-deleted", "GET", "/admin/inventory-items/{I}", None),
    ("delete-location", "DELETE", "/admin/stock-locations/{L}", None),
    ("get-location-deleted", "GET", "/admin/stock-locations/{L}", None),
    ("create-location-invalid", "POST", "/admin/stock-locations", {"name": "  ", "address": {"city": 1}}),
    ("create-item-invalid", "POST", "/admin/inventory-items", {"sku": 1, "weight": "x", "requires_shipping": True}),
    ("create-reservation-invalid", "POST", "/admin/reservations", {"quantity": "x"}),
]


def call(method, path, body):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(BASE + path, data=data, headers=HEADERS, method=method)
    try:
        with urllib.request.urlopen(req) as r:
            return r.status, json.loads(r.read() or b"null")
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read())


ids = {}
def fill(text):
    for key, value in ids.items():
        text = text.replace("{" + key + "}", value)
    return text

out = []
for name, method, path, body in STEPS:
    status, answer = call(method, fill(path), json.loads(fill(json.dumps(body))) if body is not None else None)
    for key, (envelope, field) in {"L": ("stock_location", "id"), "I": ("inventory_item", "id"), "R": ("reservation", "id")}.items():
        if key not in ids and isinstance(answer, dict) and isinstance(answer.get(envelope), dict) and status == 200:
            ids[key] = answer[envelope][field]
    out.append({"name": name, "method": method, "path": path, "body": body, "status": status, "answer": answer})

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "inventory-steps.json"), "w") as f:
    json.dump({"channel": CHANNEL, "ids": ids, "steps": out}, f, indent=1, sort_keys=True)
    f.write("\n")
print(f"{len(out)} steps, ids {ids}")
