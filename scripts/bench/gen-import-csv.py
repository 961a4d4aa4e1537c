#!/usr/bin/env python3
"""Writes a product CSV in Medusa's import format (`;`, `\\r\\n`), streamed.

    gen-import-csv.py <variant rows> <file>

10 variants per product (2 options: size x colour), 2 currency prices and 1 region price
per variant, 2 images, 2 tags and a type per product. Every product is new (no ids), so an
import creates <rows>/10 products and <rows> variants.
"""

import sys

HEADER = [
    "Product Handle", "Product Title", "Product Subtitle", "Product Description",
    "Product Status", "Product Thumbnail", "Product Weight", "Product Discountable",
    "Product Tags", "Product Type", "Variant Title", "Variant SKU", "Variant Barcode",
    "Variant Inventory Quantity", "Variant Allow Backorder", "Variant Manage Inventory",
    "Variant Weight", "Option 1 Name", "Option 1 Value", "Option 2 Name", "Option 2 Value",
    "Price USD", "Price EUR", "Price Bench Region [EUR]", "Image 1 Url", "Image 2 Url",
]
SIZES = ["S", "M", "L", "XL", "XXL"]
COLOURS = ["Black", "White"]
PER_PRODUCT = 10


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    rows, path = int(sys.argv[1]), sys.argv[2]
    with open(path, "w", newline="") as out:
        out.write(";".join(HEADER) + "\r\n")
        for row in range(rows):
            p, v = divmod(row, PER_PRODUCT)
            size, colour = SIZES[v % 5], COLOURS[v // 5]
            cells = [
                f"bench-import-{p}", f"Bench product {p}", f"Subtitle {p}",
                f"Description of bench product {p}", "published",
                f"https://img.example/{p}/thumb.png", str(100 + p % 400), "true",
                f"tag-{p % 20},tag-{(p + 7) % 20}", f"Type {p % 10}",
                f"{size} / {colour}", f"BENCH-{p}-{v}", f"BC{row:09d}",
                str(10 + v), "false", "true", str(200 + v),
                "Size", size, "Colour", colour,
                f"{10 + v}.{p % 100:02d}", f"{9 + v}.50", f"{8 + v}.25",
                f"https://img.example/{p}/1.png", f"https://img.example/{p}/2.png",
            ]
            out.write(";".join(cells) + "\r\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
