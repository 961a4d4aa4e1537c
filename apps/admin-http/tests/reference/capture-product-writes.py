#!/usr/bin/env python3
"""Records the second reference server's answers to the product write sequence that
`tests/it/product_writes.rs` replays (writes are never sent to the :9100 server).

Usage: capture-product-writes.py [base_url]   (default http://127.0.0.1:9101)
Each run uses a fresh suffix in titles and tag values, so it can be repeated against the same
server; the tests compare answers after redaction, where the suffix does not matter because
the same body (with the suffix `RUN`) is what the tests send.
"""
import json
import os
import sys
import urllib.request

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:9101"
HERE = os.path.dirname(os.path.abspath(__file__))
TOKEN = "ref_admin_api_token"
RUN_ID = [""]


def call(method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(BASE + path, data=data, method=method)
    req.add_header("x-medusa-access-token", TOKEN)
    if data is not None:
        req.add_header("content-type", "application/json")
    try:
        with urllib.request.urlopen(req) as res:
            return res.status, json.loads(res.read())
    except urllib.error.HTTPError as err:
        return err.code, json.loads(err.read())


def record(name, status, body):
    with open(os.path.join(HERE, f"product-writes-{name}.json"), "w") as out:
        json.dump({"run": RUN_ID[0], "status": status, "body": body}, out, indent=2, sort_keys=True)
        out.write("\n")
    return body


def main():
    steps = json.load(open(os.path.join(HERE, "product-writes-steps.json")))
    run = os.urandom(4).hex()
    RUN_ID[0] = run
    ids = {}

    def fill(value):
        text = json.dumps(value).replace("RUN", run)
        for key, id_ in ids.items():
            text = text.replace("{" + key + "}", id_)
        return json.loads(text)

    for step in steps:
        status, body = call(step["method"], fill(step["path"]), fill(step.get("body")))
        record(step["name"], status, body)
        product = body.get("product") if isinstance(body, dict) else None
        if product and "capture" in step:
            for key, expr in step["capture"].items():
                ids[key] = lookup(product, expr)


def lookup(product, expr):
    """`variants.title=S / Red` → that variant's id; `options.title=Size` likewise; `id`."""
    if expr == "id":
        return product["id"]
    relation, cond = expr.split(".", 1)
    field, value = cond.split("=", 1)
    return next(item["id"] for item in product[relation] if item[field] == value)


if __name__ == "__main__":
    main()
