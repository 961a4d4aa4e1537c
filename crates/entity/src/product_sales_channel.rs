//! The `product_sales_channel` table.

link_table!("product_sales_channel": product_id, sales_channel_id);
