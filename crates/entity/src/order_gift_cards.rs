//! The `order_gift_cards` table.

link_table!("order_gift_cards": order_id, gift_card_id);
