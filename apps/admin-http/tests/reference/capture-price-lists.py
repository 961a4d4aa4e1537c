#!/usr/bin/env python3
"""Records the reference Medusa's answers for price-list writes and reads, for `tests/it/price_lists.rs`.

Runs the same scenario as the test against the SECOND reference server (writes are allowed
there; never point it at :9100): price lists created, listed, read, updated, given prices in
batches, their prices deleted by id, product and variant, and deleted. Every list it creates is
deleted at the end, and lists left by an earlier run (names starting with "PLT ") first.
"""
import json
import os
import urllib.request

REF = os.environ.get("MEDUSA_REF2_URL", "http://127.0.0.1:9101")
HERE = os.path.dirname(os.path.abspath(__file__))
HEADERS = {"x-medusa-access-token": "ref_admin_api_token", "content-type": "application/json"}


def call(method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(REF + path, data=data, method=method, headers=HEADERS)
    try:
        with urllib.request.urlopen(req) as res:
            return res.status, json.loads(res.read() or b"null")
    except urllib.error.HTTPError as err:
        return err.code, json.loads(err.read() or b"null")


def record(name, method, path, body=None):
    status, answer = call(method, path, body)
    with open(os.path.join(HERE, f"{name}.json"), "w") as out:
        json.dump({"status": status, "body": answer}, out, indent=2, sort_keys=True)
        out.write("\n")
    print(f"{name} <- {method} {path} [{status}]")
    return answer


def group_id(name):
    _, answer = call("GET", "/admin/customer-groups?limit=100")
    return next(g["id"] for g in answer["customer_groups"] if g["name"] == name)


for stale in call("GET", "/admin/price-lists?q=PLT&limit=100")[1]["price_lists"]:
    if stale["name"].startswith("PLT "):
        call("DELETE", f"/admin/price-lists/{stale['id']}")

VIP = group_id("VIP")
OTHER = group_id("H24348")

summer = record("price-lists-create", "POST", "/admin/price-lists", {
    "name": "PLT Summer", "description": "Summer sale", "type": "sale", "status": "active",
    "starts_at": "2024-06-01T00:00:00Z", "customer_groups": [{"id": VIP}],
    "prices": [
        {"amount": 900, "currency_code": "eur", "variant_id": "variant_ref_mug"},
        {"amount": 1000, "region_id": "reg_ref_na", "variant_id": "variant_ref_mug",
         "min_quantity": 2, "max_quantity": 5},
        {"amount": 1500, "currency_code": "usd", "variant_id": "variant_ref_tee_s_black"},
    ],
})["price_list"]
winter = record("price-lists-create-winter", "POST", "/admin/price-lists", {
    "name": "PLT Winter", "description": "VIP only override", "type": "override",
    "customer_groups": [{"id": VIP}, {"id": OTHER}], "prices": [],
})["price_list"]
plain = record("price-lists-create-plain", "POST", "/admin/price-lists", {
    "name": "PLT Plain", "description": "nothing", "type": "sale", "prices": [],
    "starts_at": "2024-01-01", "ends_at": 1700000000000,
})["price_list"]

record("price-lists-list", "GET", "/admin/price-lists")
record("price-lists-list-q", "GET", "/admin/price-lists?q=vip")
record("price-lists-list-groups", "GET", f"/admin/price-lists?customer_groups%5B%5D={OTHER}")
record("price-lists-list-expand", "GET", "/admin/price-lists?expand=prices.variants&order=name&limit=2")
record("price-lists-list-filters", "GET", "/admin/price-lists?status%5B%5D=active&type%5B%5D=sale,override")
record("price-lists-get", "GET", f"/admin/price-lists/{summer['id']}")
record("price-lists-products", "GET", f"/admin/price-lists/{summer['id']}/products")

record("price-lists-update", "POST", f"/admin/price-lists/{summer['id']}", {
    "name": "PLT Summer 2", "ends_at": "2025-01-01T00:00:00Z",
    "customer_groups": [{"id": OTHER}],
    "prices": [
        {"id": summer["prices"][0]["id"], "amount": 800, "variant_id": "variant_ref_mug"},
        {"amount": 700, "region_id": "reg_ref_eu", "variant_id": "variant_ref_tee_s_white"},
    ],
})
record("price-lists-update-groups-only", "POST", f"/admin/price-lists/{winter['id']}",
       {"customer_groups": [{"id": OTHER}]})
added = record("price-lists-add-prices", "POST", f"/admin/price-lists/{plain['id']}/prices/batch", {
    "prices": [
        {"amount": 5, "currency_code": "eur", "variant_id": "variant_ref_mug"},
        {"amount": 6, "currency_code": "usd", "variant_id": "variant_ref_sweat_s"},
    ],
})["price_list"]
record("price-lists-add-prices-override", "POST", f"/admin/price-lists/{plain['id']}/prices/batch", {
    "override": True,
    "prices": [
        {"amount": 7, "currency_code": "usd", "variant_id": "variant_ref_mug"},
        {"amount": 8, "region_id": "reg_ref_eu", "variant_id": "variant_ref_tee_m_black"},
    ],
})
after_override = call("GET", f"/admin/price-lists/{plain['id']}")[1]["price_list"]
record("price-lists-delete-prices", "DELETE", f"/admin/price-lists/{plain['id']}/prices/batch",
       {"price_ids": [after_override["prices"][0]["id"]]})
record("price-lists-get-after-delete-prices", "GET", f"/admin/price-lists/{plain['id']}")

record("price-lists-delete-variant-prices", "DELETE",
       f"/admin/price-lists/{summer['id']}/variants/variant_ref_tee_s_black/prices")
record("price-lists-delete-product-prices", "DELETE",
       f"/admin/price-lists/{summer['id']}/products/prod_ref_mug/prices")
record("price-lists-delete-products-prices", "DELETE",
       f"/admin/price-lists/{summer['id']}/products/prices/batch", {"product_ids": ["prod_ref_tshirt"]})
record("price-lists-get-after-product-deletes", "GET", f"/admin/price-lists/{summer['id']}")

# errors
record("price-lists-create-empty", "POST", "/admin/price-lists", {})
record("price-lists-create-xor", "POST", "/admin/price-lists", {
    "name": "x", "description": "y", "type": "sale",
    "prices": [{"amount": 1, "variant_id": "variant_ref_mug", "currency_code": "eur", "region_id": "reg_ref_eu"}],
})
record("price-lists-create-bad-price", "POST", "/admin/price-lists", {
    "name": "x", "description": "y", "type": "sale",
    "prices": [{"amount": "1", "variant_id": 5, "currency_code": "eur", "min_quantity": "a"}, 5],
})
record("price-lists-create-unknown-group", "POST", "/admin/price-lists", {
    "name": "PLT x", "description": "y", "type": "sale", "prices": [],
    "customer_groups": [{"id": "cgrp_missing"}],
})
record("price-lists-create-unknown-currency", "POST", "/admin/price-lists", {
    "name": "PLT x", "description": "y", "type": "sale",
    "prices": [{"amount": 1, "variant_id": "variant_ref_mug", "currency_code": "xxx"}],
})
record("price-lists-update-null-name", "POST", f"/admin/price-lists/{plain['id']}", {"name": None})
record("price-lists-update-missing", "POST", "/admin/price-lists/pl_missing", {"name": "x"})
record("price-lists-get-missing", "GET", "/admin/price-lists/pl_missing")
record("price-lists-list-bad-status", "GET", "/admin/price-lists?status%5B%5D=bogus")
record("price-lists-list-fields", "GET", "/admin/price-lists?fields=name")
record("price-lists-add-prices-missing", "POST", "/admin/price-lists/pl_missing/prices/batch", {"prices": []})
record("price-lists-delete-prices-empty", "DELETE", f"/admin/price-lists/{plain['id']}/prices/batch", {"price_ids": []})
record("price-lists-delete-products-prices-missing-list", "DELETE",
       "/admin/price-lists/pl_missing/products/prices/batch", {"product_ids": ["prod_ref_mug"]})

record("price-lists-delete", "DELETE", f"/admin/price-lists/{summer['id']}")
record("price-lists-delete-again", "DELETE", f"/admin/price-lists/{summer['id']}")
record("price-lists-get-deleted", "GET", f"/admin/price-lists/{summer['id']}")
for created in (winter, plain):
    call("DELETE", f"/admin/price-lists/{created['id']}")
