"""A product catalog (the `GET /admin/products` answer) in a canonical form: what a product
CSV carries, keyed by what survives a round trip (product handles, variant SKUs or titles,
option titles, price currencies), ids and timestamps left out. The same form as the test
`product_csv_from_medusa` builds (apps/admin-http/tests/it/product_csv_round_trip.rs)."""

PRODUCT_FIELDS = [
    "title", "subtitle", "description", "handle", "status", "is_giftcard", "discountable",
    "thumbnail", "weight", "length", "height", "width", "hs_code", "origin_country",
    "mid_code", "material", "external_id",
]
VARIANT_FIELDS = [
    "title", "sku", "barcode", "ean", "upc", "inventory_quantity", "allow_backorder",
    "manage_inventory", "weight", "length", "height", "width", "hs_code", "origin_country",
    "mid_code", "material",
]


def canonical_product(product):
    options = {o["id"]: o["title"] for o in product.get("options") or []}
    out = {key: product.get(key) for key in PRODUCT_FIELDS}
    out["collection"] = (product.get("collection") or {}).get("handle")
    out["type"] = (product.get("type") or {}).get("value")
    out["tags"] = sorted(t["value"] for t in product.get("tags") or [])
    out["images"] = sorted(i["url"] for i in product.get("images") or [])
    out["options"] = sorted(options.values())
    out["sales_channels"] = sorted(c["name"] for c in product.get("sales_channels") or [])
    out["categories"] = sorted(c["handle"] for c in product.get("categories") or [])
    variants = {}
    for variant in product.get("variants") or []:
        v = {key: variant.get(key) for key in VARIANT_FIELDS}
        v["options"] = {options.get(o["option_id"], o["option_id"]): o["value"] for o in variant.get("options") or []}
        v["prices"] = sorted(
            (p.get("currency_code") or "", p.get("region_id") or "", p["amount"])
            for p in variant.get("prices") or []
            if not p.get("price_list_id")
        )
        v["prices"] = [list(p) for p in v["prices"]]
        variants[variant.get("sku") or variant.get("title")] = v
    out["variants"] = variants
    return out


def canonical_catalog(products):
    return {p["handle"]: canonical_product(p) for p in products}


def diff(expected, actual, path=""):
    """Lines naming each place two canonical values differ."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        lines = []
        for key in sorted(set(expected) | set(actual)):
            where = f"{path}.{key}" if path else str(key)
            if key not in actual:
                lines.append(f"{where}: missing (expected {expected[key]!r})")
            elif key not in expected:
                lines.append(f"{where}: unexpected {actual[key]!r}")
            else:
                lines.extend(diff(expected[key], actual[key], where))
        return lines
    return [] if expected == actual else [f"{path}: expected {expected!r}, got {actual!r}"]
