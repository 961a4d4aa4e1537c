//! The events the discount and gift-card writes record, with Medusa's names and payloads.

use medusa_events::events;

events! {
    DiscountCreated = "discount.created" { id: String }
    GiftCardCreated = "gift_card.created" { id: String }
}
