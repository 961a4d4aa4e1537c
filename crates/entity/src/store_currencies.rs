//! The `store_currencies` table.

link_table!("store_currencies": store_id, currency_code);
