//! The `price_list_customer_groups` table.

link_table!("price_list_customer_groups": price_list_id, customer_group_id);
