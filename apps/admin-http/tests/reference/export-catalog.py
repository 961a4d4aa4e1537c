#!/usr/bin/env python3
"""Exports the reference store's catalog rows (and the regions, profiles and options they
point at) to catalog.json, which the HTTP tests load so that our answers can be compared
with the reference server's on the same rows. Read-only on the reference database."""
import json
import os
import subprocess

TABLES = [
    "region", "region_payment_providers", "region_fulfillment_providers", "country",
    "shipping_profile", "shipping_option", "product_collection", "product_type", "product_tag",
    "product", "product_tags", "product_option", "product_variant", "product_option_value",
    "money_amount", "product_variant_money_amount", "image", "product_images", "sales_channel",
    "product_sales_channel", "product_shipping_profile",
]
WHERE = {"country": "where region_id is not null"}
env = dict(os.environ, PGPASSWORD=os.environ.get("PGPASSWORD", "medusa_ref"))
out = {}
for table in TABLES:
    sql = f'select coalesce(json_agg(t order by t.ctid), \'[]\') from (select *, ctid from "{table}" {WHERE.get(table, "")}) t'
    text = subprocess.check_output(
        ["psql", "-h", "127.0.0.1", "-U", "medusa_ref", "medusa_ref", "-Atc", sql], env=env)
    rows = json.loads(text)
    for row in rows:
        row.pop("ctid", None)
    out[table] = rows
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "catalog.json")
with open(path, "w") as f:
    json.dump(out, f, indent=1, ensure_ascii=False, sort_keys=True)
print(path, {k: len(v) for k, v in out.items()})
