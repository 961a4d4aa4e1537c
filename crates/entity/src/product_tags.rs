//! The `product_tags` table.

link_table!("product_tags": product_id, product_tag_id);
