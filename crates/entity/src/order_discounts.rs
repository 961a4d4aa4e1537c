//! The `order_discounts` table.

link_table!("order_discounts": order_id, discount_id);
