//! The `claim_item_tags` table.

link_table!("claim_item_tags": item_id, tag_id);
