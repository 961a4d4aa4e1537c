//! The `product_category_product` table.

// The table has no primary key in Medusa, only a unique index over both columns;
// sea-orm needs one, so the pair stands in for it.
link_table!("product_category_product": product_category_id, product_id);
