//! The `region_payment_providers` table.

link_table!("region_payment_providers": region_id, provider_id);
