//! The `discount_rule_products` table.

link_table!("discount_rule_products": discount_rule_id, product_id);
