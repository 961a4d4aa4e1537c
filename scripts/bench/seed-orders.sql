-- Seeds a freshly migrated Medusa 1.20 database with :n orders for the orders benchmark.
--
--   psql -v n=1000 -f scripts/bench/seed-orders.sql <database>
--
-- Each order: a customer, a billing and a shipping address, 3 line items (19 % tax line
-- each; the first with a 10 % discount adjustment of the order's discount), a shipping method
-- (19 % tax line) of a flat-rate option, and a captured manual payment of the order's total
-- (9044: subtotal 7000, discount 400, shipping 1000, taxes 1254 + 190). Also the store, its
-- default sales channel and shipping profiles, a region (eur, Germany), the manual providers
-- and an admin user whose api_token is `bench_api_token`, as the products seed has them.
--
-- Set-based (INSERT ... SELECT generate_series) in one transaction, foreign-key triggers
-- skipped (session_replication_role = replica: the rows are generated consistent).
\set ON_ERROR_STOP on

SET session_replication_role = replica;
SET synchronous_commit = off;
SET maintenance_work_mem = '512MB';
SET work_mem = '256MB';

BEGIN;

CREATE FUNCTION pg_temp.pad(i bigint) RETURNS text
    LANGUAGE sql IMMUTABLE AS $$ SELECT lpad(i::text, 7, '0') $$;

INSERT INTO sales_channel (id, name, description, is_disabled)
VALUES ('sc_bench_default', 'Default Sales Channel', 'Created by Medusa', false);
INSERT INTO store (id, name, default_currency_code, default_sales_channel_id)
VALUES ('store_bench', 'Bench Store', 'eur', 'sc_bench_default');
INSERT INTO store_currencies (store_id, currency_code) VALUES ('store_bench', 'usd'), ('store_bench', 'eur');
INSERT INTO shipping_profile (id, name, type) VALUES
    ('sp_bench_default', 'Default Shipping Profile', 'default'),
    ('sp_bench_gift_card', 'Gift Card Profile', 'gift_card');
INSERT INTO "user" (id, email, first_name, last_name, api_token, role)
VALUES ('usr_bench_admin', 'admin@bench.local', 'Bench', 'Admin', 'bench_api_token', 'admin');

INSERT INTO payment_provider (id, is_installed) VALUES ('manual', true) ON CONFLICT DO NOTHING;
INSERT INTO fulfillment_provider (id, is_installed) VALUES ('manual', true) ON CONFLICT DO NOTHING;
INSERT INTO region (id, name, currency_code, tax_rate, gift_cards_taxable, automatic_taxes)
VALUES ('reg_bench_eu', 'EU', 'eur', 19, true, true);
INSERT INTO region_payment_providers (region_id, provider_id) VALUES ('reg_bench_eu', 'manual');
INSERT INTO region_fulfillment_providers (region_id, provider_id) VALUES ('reg_bench_eu', 'manual');
UPDATE country SET region_id = 'reg_bench_eu' WHERE iso_2 = 'de';
INSERT INTO shipping_option (id, name, region_id, profile_id, provider_id, price_type, amount,
                             is_return, data, admin_only)
VALUES ('so_bench_standard', 'Standard', 'reg_bench_eu', 'sp_bench_default', 'manual',
        'flat_rate', 1000, false, '{}', false);
INSERT INTO discount_rule (id, description, type, value, allocation)
VALUES ('dru_bench_10', '10 % off', 'percentage', 10, 'total');
INSERT INTO discount (id, code, is_dynamic, rule_id, is_disabled, usage_count)
VALUES ('disc_bench_10', 'BENCH10', false, 'dru_bench_10', false, 0);

INSERT INTO customer (id, email, first_name, last_name, has_account, created_at, updated_at)
SELECT 'cus_bench_' || pg_temp.pad(i), 'customer' || i || '@bench.local', 'First' || i,
       'Last' || i, true, now(), now()
FROM generate_series(1, :n) i;

INSERT INTO address (id, first_name, last_name, address_1, city, country_code, postal_code,
                     phone, created_at, updated_at)
SELECT 'addr_bench_' || kind || '_' || pg_temp.pad(i), 'First' || i, 'Last' || i,
       i || ' Hauptstrasse', 'Berlin', 'de', '10115', '+49' || i, now(), now()
FROM generate_series(1, :n) i, (VALUES ('b'), ('s')) k(kind);

-- One second apart, so the default order (created_at DESC) is total.
INSERT INTO "order" (id, status, fulfillment_status, payment_status, display_id, customer_id,
                     email, billing_address_id, shipping_address_id, region_id, currency_code,
                     created_at, updated_at, sales_channel_id)
SELECT 'order_bench_' || pg_temp.pad(i), 'pending', 'not_fulfilled', 'captured', i,
       'cus_bench_' || pg_temp.pad(i), 'customer' || i || '@bench.local',
       'addr_bench_b_' || pg_temp.pad(i), 'addr_bench_s_' || pg_temp.pad(i), 'reg_bench_eu', 'eur',
       timestamptz '2024-01-01 00:00:00+00' + i * interval '1 second',
       timestamptz '2024-01-01 00:00:00+00' + i * interval '1 second', 'sc_bench_default'
FROM generate_series(1, :n) i;
SELECT setval(pg_get_serial_sequence('"order"', 'display_id'), :n);

INSERT INTO order_discounts (order_id, discount_id)
SELECT 'order_bench_' || pg_temp.pad(i), 'disc_bench_10' FROM generate_series(1, :n) i;

INSERT INTO line_item (id, order_id, title, description, is_giftcard, should_merge,
                       allow_discounts, has_shipping, unit_price, quantity, created_at,
                       updated_at, is_return)
SELECT 'item_bench_' || pg_temp.pad(i) || '_' || k, 'order_bench_' || pg_temp.pad(i),
       (ARRAY['Shirt', 'Mug', 'Socks'])[k], 'Item ' || k, false, true, true, true,
       (ARRAY[2000, 1500, 500])[k], (ARRAY[2, 1, 3])[k],
       timestamptz '2024-01-01 00:00:00+00' + i * interval '1 second' + k * interval '1 ms',
       timestamptz '2024-01-01 00:00:00+00' + i * interval '1 second', false
FROM generate_series(1, :n) i, generate_series(1, 3) k;

INSERT INTO line_item_tax_line (id, rate, name, code, item_id, created_at, updated_at)
SELECT 'litl_bench_' || pg_temp.pad(i) || '_' || k, 19, 'VAT', 'vat',
       'item_bench_' || pg_temp.pad(i) || '_' || k, now(), now()
FROM generate_series(1, :n) i, generate_series(1, 3) k;

INSERT INTO line_item_adjustment (id, item_id, description, discount_id, amount)
SELECT 'lia_bench_' || pg_temp.pad(i), 'item_bench_' || pg_temp.pad(i) || '_1', 'discount',
       'disc_bench_10', 400
FROM generate_series(1, :n) i;

INSERT INTO shipping_method (id, shipping_option_id, order_id, price, data)
SELECT 'sm_bench_' || pg_temp.pad(i), 'so_bench_standard', 'order_bench_' || pg_temp.pad(i),
       1000, '{}'
FROM generate_series(1, :n) i;

INSERT INTO shipping_method_tax_line (id, rate, name, code, shipping_method_id, created_at, updated_at)
SELECT 'smtl_bench_' || pg_temp.pad(i), 19, 'VAT', 'vat', 'sm_bench_' || pg_temp.pad(i), now(), now()
FROM generate_series(1, :n) i;

INSERT INTO payment (id, order_id, amount, currency_code, amount_refunded, provider_id, data,
                     captured_at, created_at, updated_at)
SELECT 'pay_bench_' || pg_temp.pad(i), 'order_bench_' || pg_temp.pad(i), 9044, 'eur', 0,
       'manual', '{}', now(), now(), now()
FROM generate_series(1, :n) i;

COMMIT;

VACUUM ANALYZE;
