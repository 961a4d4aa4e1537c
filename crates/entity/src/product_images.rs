//! The `product_images` table.

link_table!("product_images": product_id, image_id);
