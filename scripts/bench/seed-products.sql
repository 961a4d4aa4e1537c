-- Seeds a freshly migrated Medusa 1.20 database with :n products for the products benchmark.
--
--   psql -v n=1000 -f scripts/bench/seed-products.sql <database>
--
-- Each product has 3 options, 10 variants (one per option-value combination), 2 prices per
-- variant (usd, eur), 2 images, 2 tags, a type, a collection, and links to the default
-- shipping profile and the default sales channel. Also a store, its default sales channel and
-- shipping profiles (so neither server's boot has to create them) and an admin user whose
-- api_token is `bench_api_token`.
--
-- Everything is generated set-based (INSERT ... SELECT generate_series), in one transaction.
-- For speed, foreign-key triggers are skipped (session_replication_role = replica: the rows
-- are generated consistent) and the filled tables' secondary indexes are dropped first and
-- rebuilt once at the end with their exact original definitions.
\set ON_ERROR_STOP on

SET session_replication_role = replica;
SET synchronous_commit = off;
SET maintenance_work_mem = '512MB';
SET work_mem = '256MB';

BEGIN;

-- Ids are zero-padded so that id order is numeric order.
CREATE FUNCTION pg_temp.pad(i bigint) RETURNS text
    LANGUAGE sql IMMUTABLE AS $$ SELECT lpad(i::text, 7, '0') $$;

CREATE TEMP TABLE bench_index_defs ON COMMIT DROP AS
SELECT ix.indexrelid::regclass::text AS name, pg_get_indexdef(ix.indexrelid) AS definition
FROM pg_index ix
JOIN pg_class t ON t.oid = ix.indrelid
JOIN pg_namespace ns ON ns.oid = t.relnamespace
WHERE ns.nspname = 'public'
  AND t.relname IN ('product', 'product_option', 'product_option_value', 'product_variant',
                    'money_amount', 'product_variant_money_amount', 'image', 'product_images',
                    'product_tags', 'product_sales_channel', 'product_shipping_profile')
  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = ix.indexrelid);

DO $$
DECLARE r record;
BEGIN
    FOR r IN SELECT name FROM bench_index_defs LOOP
        EXECUTE 'DROP INDEX ' || r.name;
    END LOOP;
END $$;

-- The store and what both servers' boot would otherwise create.
INSERT INTO sales_channel (id, name, description, is_disabled)
VALUES ('sc_bench_default', 'Default Sales Channel', 'Created by Medusa', false);
INSERT INTO store (id, name, default_currency_code, default_sales_channel_id)
VALUES ('store_bench', 'Bench Store', 'usd', 'sc_bench_default');
INSERT INTO store_currencies (store_id, currency_code) VALUES ('store_bench', 'usd'), ('store_bench', 'eur');
INSERT INTO shipping_profile (id, name, type) VALUES
    ('sp_bench_default', 'Default Shipping Profile', 'default'),
    ('sp_bench_gift_card', 'Gift Card Profile', 'gift_card');
INSERT INTO "user" (id, email, first_name, last_name, api_token, role)
VALUES ('usr_bench_admin', 'admin@bench.local', 'Bench', 'Admin', 'bench_api_token', 'admin');

-- Shared catalog rows.
INSERT INTO product_type (id, value)
SELECT 'ptyp_bench_' || lpad(k::text, 2, '0'), 'Type ' || k FROM generate_series(1, 10) k;
INSERT INTO product_collection (id, title, handle)
SELECT 'pcol_bench_' || lpad(k::text, 2, '0'), 'Collection ' || k, 'collection-' || k
FROM generate_series(1, 10) k;
INSERT INTO product_tag (id, value)
SELECT 'ptag_bench_' || lpad(k::text, 2, '0'), 'tag-' || k FROM generate_series(1, 20) k;

-- Products: one second apart, so the default order (created_at DESC) is total.
INSERT INTO product (id, title, subtitle, description, handle, is_giftcard, thumbnail, weight,
                     created_at, updated_at, collection_id, type_id, discountable, status)
SELECT 'prod_bench_' || pg_temp.pad(i),
       'Bench Product ' || i,
       'Subtitle ' || i,
       'A benchmark product, number ' || i || ', with a description long enough to look real.',
       'bench-product-' || i,
       false,
       'https://example.com/bench/' || i || '-1.jpg',
       400 + i % 100,
       timestamptz '2024-01-01 00:00:00+00' + i * interval '1 second',
       timestamptz '2024-01-01 00:00:00+00' + i * interval '1 second',
       'pcol_bench_' || lpad((1 + i % 10)::text, 2, '0'),
       'ptyp_bench_' || lpad((1 + i % 10)::text, 2, '0'),
       true,
       'published'
FROM generate_series(1, :n) i;

INSERT INTO product_option (id, title, product_id, created_at, updated_at)
SELECT 'opt_bench_' || pg_temp.pad(i) || '_' || k,
       (ARRAY['Size', 'Color', 'Material'])[k],
       'prod_bench_' || pg_temp.pad(i),
       timestamptz '2024-01-01 00:00:00+00' + i * interval '1 second',
       timestamptz '2024-01-01 00:00:00+00' + i * interval '1 second'
FROM generate_series(1, :n) i, generate_series(1, 3) k;

-- Ten variants: five sizes x two colors, one material: every combination once.
INSERT INTO product_variant (id, title, product_id, sku, inventory_quantity, allow_backorder,
                             manage_inventory, weight, created_at, updated_at, variant_rank)
SELECT 'variant_bench_' || pg_temp.pad(i) || '_' || lpad(v::text, 2, '0'),
       (ARRAY['S', 'M', 'L', 'XL', 'XXL'])[1 + (v - 1) % 5] || ' / '
           || (ARRAY['Black', 'White'])[1 + (v - 1) / 5] || ' / Cotton',
       'prod_bench_' || pg_temp.pad(i),
       'BENCH-' || pg_temp.pad(i) || '-' || lpad(v::text, 2, '0'),
       100,
       false,
       true,
       400,
       timestamptz '2024-01-01 00:00:00+00' + i * interval '1 second',
       timestamptz '2024-01-01 00:00:00+00' + i * interval '1 second',
       v - 1
FROM generate_series(1, :n) i, generate_series(1, 10) v;

INSERT INTO product_option_value (id, value, option_id, variant_id, created_at, updated_at)
SELECT 'optval_bench_' || pg_temp.pad(i) || '_' || lpad(v::text, 2, '0') || '_' || k,
       CASE k
           WHEN 1 THEN (ARRAY['S', 'M', 'L', 'XL', 'XXL'])[1 + (v - 1) % 5]
           WHEN 2 THEN (ARRAY['Black', 'White'])[1 + (v - 1) / 5]
           ELSE 'Cotton'
       END,
       'opt_bench_' || pg_temp.pad(i) || '_' || k,
       'variant_bench_' || pg_temp.pad(i) || '_' || lpad(v::text, 2, '0'),
       timestamptz '2024-01-01 00:00:00+00' + i * interval '1 second',
       timestamptz '2024-01-01 00:00:00+00' + i * interval '1 second'
FROM generate_series(1, :n) i, generate_series(1, 10) v, generate_series(1, 3) k;

INSERT INTO money_amount (id, currency_code, amount, created_at, updated_at)
SELECT 'ma_bench_' || pg_temp.pad(i) || '_' || lpad(v::text, 2, '0') || '_' || c,
       c,
       CASE c WHEN 'usd' THEN 1000 ELSE 900 END + 100 * v + i % 1000,
       timestamptz '2024-01-01 00:00:00+00' + i * interval '1 second',
       timestamptz '2024-01-01 00:00:00+00' + i * interval '1 second'
FROM generate_series(1, :n) i, generate_series(1, 10) v, unnest(ARRAY['eur', 'usd']) c;

INSERT INTO product_variant_money_amount (id, money_amount_id, variant_id, created_at, updated_at)
SELECT 'pvma_bench_' || pg_temp.pad(i) || '_' || lpad(v::text, 2, '0') || '_' || c,
       'ma_bench_' || pg_temp.pad(i) || '_' || lpad(v::text, 2, '0') || '_' || c,
       'variant_bench_' || pg_temp.pad(i) || '_' || lpad(v::text, 2, '0'),
       timestamptz '2024-01-01 00:00:00+00' + i * interval '1 second',
       timestamptz '2024-01-01 00:00:00+00' + i * interval '1 second'
FROM generate_series(1, :n) i, generate_series(1, 10) v, unnest(ARRAY['eur', 'usd']) c;

INSERT INTO image (id, url, created_at, updated_at)
SELECT 'img_bench_' || pg_temp.pad(i) || '_' || j,
       'https://example.com/bench/' || i || '-' || j || '.jpg',
       timestamptz '2024-01-01 00:00:00+00' + i * interval '1 second',
       timestamptz '2024-01-01 00:00:00+00' + i * interval '1 second'
FROM generate_series(1, :n) i, generate_series(1, 2) j;

INSERT INTO product_images (product_id, image_id)
SELECT 'prod_bench_' || pg_temp.pad(i), 'img_bench_' || pg_temp.pad(i) || '_' || j
FROM generate_series(1, :n) i, generate_series(1, 2) j;

INSERT INTO product_tags (product_id, product_tag_id)
SELECT 'prod_bench_' || pg_temp.pad(i), 'ptag_bench_' || lpad((1 + (i + 7 * j) % 20)::text, 2, '0')
FROM generate_series(1, :n) i, generate_series(0, 1) j;

INSERT INTO product_sales_channel (product_id, sales_channel_id)
SELECT 'prod_bench_' || pg_temp.pad(i), 'sc_bench_default' FROM generate_series(1, :n) i;

INSERT INTO product_shipping_profile (profile_id, product_id)
SELECT 'sp_bench_default', 'prod_bench_' || pg_temp.pad(i) FROM generate_series(1, :n) i;

DO $$
DECLARE r record;
BEGIN
    FOR r IN SELECT definition FROM bench_index_defs LOOP
        EXECUTE r.definition;
    END LOOP;
END $$;

COMMIT;

-- A database that has been in use has statistics and a visibility map.
VACUUM ANALYZE;
