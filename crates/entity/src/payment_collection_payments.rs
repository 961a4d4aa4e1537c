//! The `payment_collection_payments` table.

link_table!("payment_collection_payments": payment_collection_id, payment_id);
