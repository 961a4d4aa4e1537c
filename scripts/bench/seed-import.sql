-- What the import benchmark's databases hold before an import: the store, its default sales
-- channel and shipping profiles (so neither server's boot creates them), the region the
-- CSV's `Price Bench Region [EUR]` column names, and an admin user whose api_token is
-- `bench_api_token`. No products.
INSERT INTO sales_channel (id, name, description, is_disabled)
VALUES ('sc_bench_default', 'Default Sales Channel', 'Created by Medusa', false);
INSERT INTO store (id, name, default_currency_code, default_sales_channel_id)
VALUES ('store_bench', 'Bench Store', 'usd', 'sc_bench_default');
INSERT INTO store_currencies (store_id, currency_code) VALUES ('store_bench', 'usd'), ('store_bench', 'eur');
INSERT INTO shipping_profile (id, name, type) VALUES
    ('sp_bench_default', 'Default Shipping Profile', 'default'),
    ('sp_bench_gift_card', 'Gift Card Profile', 'gift_card');
INSERT INTO region (id, name, currency_code, tax_rate)
VALUES ('reg_bench', 'Bench Region', 'eur', 0);
INSERT INTO "user" (id, email, first_name, last_name, api_token, role)
VALUES ('usr_bench_admin', 'admin@bench.local', 'Bench', 'Admin', 'bench_api_token', 'admin');
