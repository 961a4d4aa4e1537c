#!/usr/bin/env python3
"""Whether two answers of GET /admin/products carry the same products, prices and relations.

    same-page.py <ours.json> <medusa.json>

Prints `same` or the first differences. Children that Medusa loads without ORDER BY (tags,
options, option values, images, prices) come back in whatever order PostgreSQL's plan
yields, so they are compared sorted by id.
"""

import json
import sys

UNORDERED = ("tags", "options", "values", "images", "prices", "profiles", "sales_channels")


def normalized(value):
    if isinstance(value, dict):
        out = {key: normalized(child) for key, child in value.items()}
        for key in UNORDERED:
            items = out.get(key)
            if isinstance(items, list) and all(isinstance(i, dict) for i in items):
                out[key] = sorted(items, key=lambda item: str(item.get("id", "")))
        return out
    if isinstance(value, list):
        return [normalized(item) for item in value]
    return value


def differences(a, b, path="", found=None):
    found = [] if found is None else found
    if len(found) >= 5:
        return found
    if type(a) is not type(b):
        found.append(f"{path}: {json.dumps(a)[:60]} vs {json.dumps(b)[:60]}")
    elif isinstance(a, dict):
        for key in sorted(set(a) | set(b)):
            if key not in a or key not in b:
                found.append(f"{path}.{key}: only in {'medusa' if key not in a else 'ours'}")
            else:
                differences(a[key], b[key], f"{path}.{key}", found)
    elif isinstance(a, list):
        if len(a) != len(b):
            found.append(f"{path}: {len(a)} items vs {len(b)}")
        else:
            for i, (x, y) in enumerate(zip(a, b)):
                differences(x, y, f"{path}[{i}]", found)
    elif a != b:
        found.append(f"{path}: {json.dumps(a)[:60]} vs {json.dumps(b)[:60]}")
    return found


def main() -> int:
    with open(sys.argv[1]) as ours, open(sys.argv[2]) as medusa:
        found = differences(normalized(json.load(ours)), normalized(json.load(medusa)))
    print("same" if not found else "different: " + "; ".join(found))
    return 0


if __name__ == "__main__":
    sys.exit(main())
