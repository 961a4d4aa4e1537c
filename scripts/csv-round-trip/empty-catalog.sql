-- Removes the products (with their variants, options, prices, images and links) from a
-- scratch copy of a store, keeping regions, sales channels, collections, categories, types
-- and tags: the "fresh store" both ends of the CSV round trip import into. Orders keep their
-- lines, which no longer name a variant. Never run it on a database you want to keep.
BEGIN;
UPDATE line_item SET variant_id = NULL WHERE variant_id IS NOT NULL;
DELETE FROM product_option_value;
CREATE TEMP TABLE variant_prices AS SELECT money_amount_id AS id FROM product_variant_money_amount;
DELETE FROM product_variant_money_amount;
DELETE FROM money_amount WHERE id IN (SELECT id FROM variant_prices);
DELETE FROM product_variant_inventory_item;
DELETE FROM product_variant;
DELETE FROM product_option;
CREATE TEMP TABLE product_image_ids AS SELECT image_id AS id FROM product_images;
DELETE FROM product_images;
DELETE FROM image WHERE id IN (SELECT id FROM product_image_ids);
DELETE FROM product_tags;
DELETE FROM product_sales_channel;
DELETE FROM product_category_product;
DELETE FROM product_shipping_profile;
DELETE FROM product_tax_rate;
DELETE FROM discount_rule_products;
DELETE FROM discount_condition_product;
DELETE FROM product;
COMMIT;
