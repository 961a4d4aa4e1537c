#!/usr/bin/env python3
"""Sends the same requests to the reference Medusa server and to ours and diffs the JSON.

Both servers should serve the same rows: start ours on a copy of the reference database,
e.g. (reference up, see ../shared/reference/medusa-ref/README.md):

    createdb medusa_copy && pg_dump medusa_ref | psql medusa_copy
    DATABASE_URL=postgres://.../medusa_copy PORT=9200 medusa-admin serve &
    scripts/compare-with-reference.py http://127.0.0.1:9100 http://127.0.0.1:9200

Every request is authenticated with each v1 method (session cookie, JWT, API token) on our
side. Fields we deliberately do not serialize (`api_token`) are dropped from Medusa's answers
before comparing. Exits 1 when an answer differs.
"""
import json
import sys
import urllib.error
import urllib.request

REF, OURS = sys.argv[1], sys.argv[2]
EMAIL, PASSWORD, API_TOKEN = "admin@medusa-test.com", "supersecret", "ref_admin_api_token"
PATHS = [
    "/admin/auth",
    "/admin/users",
    "/admin/users/usr_ref_admin",
    "/admin/users?q=admin",
    "/admin/users?fields=email",
    "/admin/users?fields=email,first_name&order=-email",
    "/admin/users?expand=",
    "/admin/users?created_at%5Bgt%5D=2020-01-01&role[]=admin",
    "/admin/users?created_at[lt]=2020-01-01",
    "/admin/users?limit=1&offset=0&order=email",
    "/admin/users/usr_missing",
    "/admin/store",
    "/admin/store/payment-providers",
    "/admin/store/tax-providers",
    "/admin/currencies",
    "/admin/currencies?limit=5&offset=10",
    "/admin/currencies?order=code",
    "/admin/currencies?order=-name&limit=3",
    "/admin/currencies?code=eur",
    "/admin/currencies?q=dollar",
    "/admin/currencies?q=EU&order=code&limit=4&offset=1",
]
DELIBERATELY_HIDDEN = {"api_token"}


def call(base, path, method="GET", body=None, headers=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(base + path, data=data, method=method)
    req.add_header("content-type", "application/json")
    for k, v in (headers or {}).items():
        req.add_header(k, v)
    try:
        with urllib.request.urlopen(req) as res:
            return res.status, res.read(), res.headers
    except urllib.error.HTTPError as err:
        return err.code, err.read(), err.headers


def strip(value):
    if isinstance(value, dict):
        return {k: strip(v) for k, v in value.items() if k not in DELIBERATELY_HIDDEN}
    if isinstance(value, list):
        return [strip(v) for v in value]
    return value


def credentials(base):
    creds = {"api token": {"x-medusa-access-token": API_TOKEN}}
    status, body, headers = call(base, "/admin/auth/token", "POST", {"email": EMAIL, "password": PASSWORD})
    assert status == 200, f"{base} token login: {status} {body[:200]}"
    creds["jwt"] = {"authorization": "Bearer " + json.loads(body)["access_token"]}
    status, body, headers = call(base, "/admin/auth", "POST", {"email": EMAIL, "password": PASSWORD})
    assert status == 200, f"{base} session login: {status} {body[:200]}"
    cookie = [c for c in headers.get_all("set-cookie") if c.startswith("connect.sid=")][0].split(";")[0]
    creds["session"] = {"cookie": cookie}
    return creds


ours = credentials(OURS)
reference = {"x-medusa-access-token": API_TOKEN}
failures = 0
for path in PATHS:
    ref_status, ref_body, _ = call(REF, path, headers=reference)
    expected = strip(json.loads(ref_body))
    before = failures
    for method, headers in ours.items():
        status, body, _ = call(OURS, path, headers=headers)
        got = json.loads(body) if body else None
        if status != ref_status or got != expected:
            failures += 1
            print(f"DIFF {path} [{method}]: status {status} vs {ref_status}")
            print("  ours:", json.dumps(got, sort_keys=True)[:600])
            print("  ref: ", json.dumps(expected, sort_keys=True)[:600])
    if failures == before:
        print(f"ok   {path} ({ref_status})")
print(f"{len(PATHS) * len(ours) - failures} passed, {failures} failed")
sys.exit(1 if failures else 0)
