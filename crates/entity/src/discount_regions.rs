//! The `discount_regions` table.

link_table!("discount_regions": discount_id, region_id);
