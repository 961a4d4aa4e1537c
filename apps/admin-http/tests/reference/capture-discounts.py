#!/usr/bin/env python3
"""Records the reference Medusa's answers for the discount and gift card scenario of
`discounts-scenario.json`, for `tests/it/discounts.rs`.

The scenario is data shared with the test: each step's method, path and body, with `{name}`
standing for ids an earlier step saved (JSON pointers into its answer). Each answer is stored
as `discounts-<step>.json` ({status, body}) with the saved ids written back as `{name}` and
gift card codes as `[code]`, so the test can compare its own answers the same way.

Writes go to the shared reference server (MEDUSA_REF_URL, default :9100): only codes starting
with HLPDISC_ are created, and everything created is (soft-)deleted by the scenario itself.
"""
import json
import os
import re
import urllib.parse
import urllib.request

REF = os.environ.get("MEDUSA_REF_URL", "http://127.0.0.1:9100")
HERE = os.path.dirname(os.path.abspath(__file__))
HEADERS = {"x-medusa-access-token": "ref_admin_api_token", "content-type": "application/json"}
GIFT_CODE = re.compile(r"^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$")


def call(method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(REF + path, data=data, method=method, headers=HEADERS)
    try:
        with urllib.request.urlopen(req) as res:
            return res.status, json.loads(res.read() or b"null")
    except urllib.error.HTTPError as err:
        return err.code, json.loads(err.read() or b"null")


def fill(value, saved):
    if isinstance(value, str):
        for name, id_ in saved.items():
            value = value.replace("{" + name + "}", id_)
        return value
    if isinstance(value, list):
        return [fill(v, saved) for v in value]
    if isinstance(value, dict):
        return {k: fill(v, saved) for k, v in value.items()}
    return value


def unfill(value, saved, key=None):
    if isinstance(value, str):
        if key == "code" and GIFT_CODE.match(value):
            return "[code]"
        for name, id_ in saved.items():
            value = value.replace(id_, "{" + name + "}")
        return value
    if isinstance(value, list):
        return [unfill(v, saved, key) for v in value]
    if isinstance(value, dict):
        return {k: unfill(v, saved, k) for k, v in value.items()}
    return value


def pointer(doc, path):
    for part in path.strip("/").split("/"):
        doc = doc[int(part)] if isinstance(doc, list) else doc[part]
    return doc


# Discounts left live by an interrupted run would make the codes taken.
for stale in call("GET", "/admin/discounts?q=HLPDISC_T&limit=100&expand=")[1]["discounts"]:
    call("DELETE", f"/admin/discounts/{stale['id']}")

saved = {}
with open(os.path.join(HERE, "discounts-scenario.json")) as f:
    steps = json.load(f)
for step in steps:
    status, answer = call(step["method"], fill(step["path"], saved), fill(step.get("body"), saved))
    for name, ptr in step.get("save", {}).items():
        saved[name] = pointer(answer, ptr)
    with open(os.path.join(HERE, f"discounts-{step['name']}.json"), "w") as out:
        json.dump({"status": status, "body": unfill(answer, saved)}, out, indent=2, sort_keys=True)
        out.write("\n")
    print(f"{step['name']} <- {step['method']} {step['path']} [{status}]")
