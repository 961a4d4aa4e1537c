//! The `cart_gift_cards` table.

link_table!("cart_gift_cards": cart_id, gift_card_id);
