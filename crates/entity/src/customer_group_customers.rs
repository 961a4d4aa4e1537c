//! The `customer_group_customers` table.

link_table!("customer_group_customers": customer_group_id, customer_id);
