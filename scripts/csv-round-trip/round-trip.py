#!/usr/bin/env python3
"""The product CSV round trip between Medusa 1.20 and this server (issue 16), run by hand.

1. A copy of a seeded reference database (SOURCE_DB) is served by Medusa, which is given one
   more product through its admin API (`enrich`: three options, region and currency prices,
   two sales channels, every variant column); its `product-export` batch job writes CSV A.
2. Our server, on a copy of that database with its products removed (empty-catalog.sql:
   same regions, currencies, sales channels, collections), imports CSV A and exports CSV B.
3. Medusa, on another such copy, imports CSV B.
4. Medusa, on a third such copy, imports CSV A itself: catalog M, what Medusa makes of its
   own file.
5. The catalogs (products, variants, prices, options, images, tags, type, collection, sales
   channels, categories) read through `GET /admin/products` are put in a canonical form
   (canonical.py) and compared: ours after importing A, and Medusa after importing B, must
   both be M (exit 1 otherwise). What M lacks of the exporting store (A) is what Medusa's CSV
   format does not carry (e.g. `is_giftcard`: its import maps the profile columns to nothing);
   it is reported, not failed.

The `Product Id` and `Variant Id` cells are emptied before each import: they name rows of the
store the file came from, which a fresh store does not have (Medusa and this server would
both update those ids, and fail). Everything else is imported as exported.

Needs: a reference install (MEDUSA_REF_HOME, its app/ with node_modules; see
../shared/reference/medusa-ref), PostgreSQL with the reference role, our binary (OUR_BIN).
Medusa gets a local file service for the run (scripts/bench/medusa-local-file.js, copied into
its app/dist/services). Writes to OUT; exits 1 when a catalog differs.

    MEDUSA_REF_HOME=/tmp/mr SOURCE_DB=medusa_ref OUR_BIN=target/debug/medusa-admin \\
        scripts/csv-round-trip/round-trip.py
"""
import csv
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
from canonical import canonical_catalog, diff  # noqa: E402

MEDUSA_HOME = os.environ.get("MEDUSA_REF_HOME", os.path.expanduser("~/.cache/medusa-ref"))
SOURCE_DB = os.environ.get("SOURCE_DB", "medusa_ref")
PG_USER = os.environ.get("PG_USER", "medusa_ref")
PG_PASSWORD = os.environ.get("PG_PASSWORD", "medusa_ref")
PG_HOST = os.environ.get("PG_HOST", "127.0.0.1")
PG_PORT = os.environ.get("PG_PORT", "5432")
PG = f"postgres://{PG_USER}:{PG_PASSWORD}@{PG_HOST}:{PG_PORT}"
OUR_BIN = os.environ.get("OUR_BIN", os.path.join(ROOT, "target/debug/medusa-admin"))
OUT = os.environ.get("OUT", "/tmp/csv-round-trip")
MEDUSA_PORT = int(os.environ.get("MEDUSA_PORT", "9731"))
OUR_PORT = int(os.environ.get("OUR_PORT", "9732"))
TOKEN = "ref_admin_api_token"
PREFIX = os.environ.get("DB_PREFIX", "csv_rt")


def log(*args):
    print("[round-trip]", *args, file=sys.stderr, flush=True)


def psql(db, *args, stdin=None):
    env = dict(os.environ, PGPASSWORD=PG_PASSWORD)
    cmd = ["psql", "-h", PG_HOST, "-p", PG_PORT, "-U", PG_USER, "-d", db, "-v", "ON_ERROR_STOP=1", "-q", *args]
    subprocess.run(cmd, env=env, check=True, stdin=stdin, stdout=subprocess.DEVNULL)


def copy_db(source, name, empty):
    psql("postgres", "-c", f"DROP DATABASE IF EXISTS {name}", "-c", f"CREATE DATABASE {name}")
    env = dict(os.environ, PGPASSWORD=PG_PASSWORD)
    dump = subprocess.Popen(["pg_dump", "-h", PG_HOST, "-p", PG_PORT, "-U", PG_USER, source], env=env, stdout=subprocess.PIPE)
    psql(name, stdin=dump.stdout)
    if dump.wait() != 0:
        raise SystemExit(f"pg_dump {source} failed")
    if empty:
        psql(name, "-f", os.path.join(HERE, "empty-catalog.sql"))


class Server:
    def __init__(self, kind, db):
        self.kind, self.db = kind, db
        self.port = MEDUSA_PORT if kind == "medusa" else OUR_PORT
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = open(os.path.join(OUT, f"{kind}-{db}.log"), "w")
        url = f"{PG}/{db}"
        if kind == "medusa":
            env = dict(os.environ, DATABASE_URL=url, NODE_ENV="development", MEDUSA_DISABLE_TELEMETRY="true",
                       PORT=str(self.port), MEDUSA_BIND_HOST="127.0.0.1", BENCH_MEDUSA_UPLOADS=self.uploads())
            cmd = ["node", "-r", "./bind-host.js", "node_modules/@medusajs/medusa-cli/cli.js", "start", "--port", str(self.port)]
            cwd = os.path.join(MEDUSA_HOME, "app")
        else:
            env = dict(os.environ, DATABASE_URL=url + "?sslmode=disable", HOST="127.0.0.1", PORT=str(self.port),
                       JWT_SECRET="rt-jwt", COOKIE_SECRET="rt-cookie", UPLOAD_DIR=self.uploads(), RUST_LOG="warn")
            subprocess.run([OUR_BIN, "migrate"], env=env, check=True, stdout=self.log, stderr=self.log)
            cmd, cwd = [OUR_BIN, "serve"], ROOT
        self.proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=self.log, stderr=self.log, start_new_session=True)
        for _ in range(240):
            try:
                self.get("/admin/products?limit=1")
                return
            except Exception:
                if self.proc.poll() is not None:
                    raise SystemExit(f"{kind} exited during startup, see {self.log.name}")
                time.sleep(0.5)
        raise SystemExit(f"{kind} did not answer, see {self.log.name}")

    def uploads(self):
        path = os.path.join(OUT, f"uploads-{self.kind}-{self.db}")
        os.makedirs(path, exist_ok=True)
        return path

    def stop(self):
        os.killpg(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)

    def request(self, method, path, body=None, headers=None):
        req = urllib.request.Request(self.base + path, data=body, method=method,
                                     headers={"x-medusa-access-token": TOKEN, **(headers or {})})
        with urllib.request.urlopen(req, timeout=600) as res:
            return json.loads(res.read() or b"null")

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, body):
        return self.request("POST", path, json.dumps(body).encode(), {"content-type": "application/json"})

    def upload(self, path):
        boundary = uuid.uuid4().hex
        with open(path, "rb") as f:
            data = f.read()
        body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"{os.path.basename(path)}\"\r\n"
                f"Content-Type: text/csv\r\n\r\n").encode() + data + f"\r\n--{boundary}--\r\n".encode()
        answer = self.request("POST", "/admin/uploads", body, {"content-type": f"multipart/form-data; boundary={boundary}"})
        return answer["uploads"][0]["key"]

    def job(self, body):
        job = self.post("/admin/batch-jobs", body)["batch_job"]
        while job["status"] not in ("completed", "failed", "canceled"):
            time.sleep(0.3)
            job = self.get(f"/admin/batch-jobs/{job['id']}")["batch_job"]
        if job["status"] != "completed":
            raise SystemExit(f"{self.kind}: {body['type']} {job['status']}: {json.dumps(job.get('result'))}")
        return job

    def export(self, dest):
        job = self.job({"type": "product-export", "context": {}, "dry_run": False})
        key = os.path.basename(job["result"]["file_key"])
        # Medusa's bench file service keeps files by name; ours keeps exports (protected
        # files) under .protected.
        candidates = [os.path.join(self.uploads(), key), os.path.join(self.uploads(), ".protected", key)]
        source = next((c for c in candidates if os.path.exists(c)), None)
        if source is None:
            raise SystemExit(f"{self.kind}: exported file {key} not found under {self.uploads()}")
        shutil.copyfile(source, dest)
        log(f"{self.kind}: exported {job['result'].get('count')} products to {dest}")

    def import_csv(self, path):
        key = self.upload(path)
        job = self.job({"type": "product-import", "context": {"fileKey": key}, "dry_run": False})
        log(f"{self.kind}: imported {path}: {json.dumps(job['result'].get('stat_descriptors'))}")

    def catalog(self):
        expand = "variants,variants.prices,variants.options,options,options.values,images,tags,type,collection,sales_channels"
        products = self.get(f"/admin/products?limit=1000&expand={expand}")["products"]
        return canonical_catalog(products)


def enrich(medusa):
    """One more product on the exporting store, with what the seeded catalog lacks."""
    region = medusa.get("/admin/regions?limit=1")["regions"][0]
    web = medusa.post("/admin/sales-channels", {"name": "Web Shop", "description": "Round trip"})["sales_channel"]
    default = medusa.get("/admin/store")["store"]["default_sales_channel_id"]
    collection = medusa.get("/admin/collections?limit=1")["collections"][0]["id"]
    # A barcode with a leading zero and a decimal HS code: Medusa's parser reads them as numbers.
    variant = lambda title, color, plug, sku, barcode: {
        "title": title, "sku": sku, "barcode": barcode, "ean": f"{sku}-EAN", "upc": f"{sku}-UPC",
        "inventory_quantity": 7, "allow_backorder": True, "manage_inventory": True,
        "weight": 1200, "length": 30, "height": 45, "width": 20, "hs_code": "9405", "origin_country": "dk",
        "mid_code": "MID1", "material": "steel",
        "prices": [{"currency_code": "usd", "amount": 1999}, {"region_id": region["id"], "amount": 1799}],
        "options": [{"value": color}, {"value": plug}, {"value": "One"}],
    }
    medusa.post("/admin/products", {
        "title": "Round Trip Lamp", "handle": "round-trip-lamp", "subtitle": "A lamp", "description": "Lights; \"quoted\", and more",
        "status": "published", "discountable": False, "weight": 1300, "length": 31, "height": 46, "width": 21,
        "hs_code": "9405.10", "origin_country": "se", "mid_code": "MIDP", "material": "brass",
        "collection_id": collection, "type": {"value": "Lighting"}, "tags": [{"value": "lamp"}, {"value": "home"}],
        "images": ["https://example.com/lamp-1.png", "https://example.com/lamp-2.png"], "thumbnail": "https://example.com/lamp-1.png",
        "options": [{"title": "Color"}, {"title": "Plug"}, {"title": "Size"}],
        "variants": [variant("Black / EU", "Black", "EU", "LAMP-B-EU", "0400000000017"), variant("White / US", "White", "US", "LAMP-W-US", "LAMP-W-US-BC")],
        "sales_channels": [{"id": default}, {"id": web["id"]}],
    })
    log(f"enriched: one product in {region['name']} and channels Default, {web['name']}")


def without_ids(source, dest):
    """The CSV with its `Product Id` and `Variant Id` cells emptied (a fresh store has none)."""
    with open(source, newline="", encoding="utf-8") as f:
        text = f.read()
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    header = rows[0]
    blank = [i for i, name in enumerate(header) if name in ("Product Id", "Variant Id")]
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    for row in rows[1:]:
        writer.writerow(["" if i in blank else cell for i, cell in enumerate(row)])
    with open(dest, "w", newline="", encoding="utf-8") as f:
        f.write(out.getvalue())


def main():
    os.makedirs(OUT, exist_ok=True)
    services = os.path.join(MEDUSA_HOME, "app", "dist", "services")
    os.makedirs(services, exist_ok=True)
    shutil.copyfile(os.path.join(ROOT, "scripts/bench/medusa-local-file.js"), os.path.join(services, "bench-local-file.js"))
    a, ours, b, m = f"{PREFIX}_a", f"{PREFIX}_ours", f"{PREFIX}_b", f"{PREFIX}_m"
    copy_db(SOURCE_DB, a, False)
    medusa = Server("medusa", a)
    try:
        enrich(medusa)
        medusa.export(os.path.join(OUT, "medusa-export.csv"))
        catalog_a = medusa.catalog()
    finally:
        medusa.stop()
    for name in (ours, b, m):
        copy_db(a, name, True)
    log("databases ready")
    without_ids(os.path.join(OUT, "medusa-export.csv"), os.path.join(OUT, "medusa-export-no-ids.csv"))

    server = Server("ours", ours)
    try:
        server.import_csv(os.path.join(OUT, "medusa-export-no-ids.csv"))
        catalog_ours = server.catalog()
        server.export(os.path.join(OUT, "ours-export.csv"))
    finally:
        server.stop()
    without_ids(os.path.join(OUT, "ours-export.csv"), os.path.join(OUT, "ours-export-no-ids.csv"))

    medusa = Server("medusa", b)
    try:
        medusa.import_csv(os.path.join(OUT, "ours-export-no-ids.csv"))
        catalog_b = medusa.catalog()
    finally:
        medusa.stop()

    medusa = Server("medusa", m)
    try:
        medusa.import_csv(os.path.join(OUT, "medusa-export-no-ids.csv"))
        catalog_m = medusa.catalog()
    finally:
        medusa.stop()

    for name, catalog in (("a", catalog_a), ("ours", catalog_ours), ("b", catalog_b), ("m", catalog_m)):
        with open(os.path.join(OUT, f"catalog-{name}.json"), "w") as f:
            json.dump(catalog, f, indent=1, sort_keys=True)
    lost = diff(catalog_a, catalog_m)
    log(f"what Medusa's own import of its export loses ({len(lost)}):", *lost)
    failed = False
    for name, catalog in (("ours after importing Medusa's CSV", catalog_ours), ("Medusa after importing ours", catalog_b)):
        differences = diff(catalog_m, catalog)
        if differences:
            failed = True
            log(f"{name}: {len(differences)} differences from Medusa's import of its own CSV:")
            for line in differences[:80]:
                log("  ", line)
        else:
            log(f"{name}: the same catalog as Medusa's import of its own CSV ({len(catalog_m)} products)")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
