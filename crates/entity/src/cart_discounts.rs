//! The `cart_discounts` table.

link_table!("cart_discounts": cart_id, discount_id);
