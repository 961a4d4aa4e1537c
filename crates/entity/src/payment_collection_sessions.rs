//! The `payment_collection_sessions` table.

link_table!("payment_collection_sessions": payment_collection_id, payment_session_id);
