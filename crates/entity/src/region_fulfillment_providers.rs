//! The `region_fulfillment_providers` table.

link_table!("region_fulfillment_providers": region_id, provider_id);
