//! What `CartService.update` does to a cart's contents when its region or customer changes:
//! the variant lines priced again (`updateUnitPrices_`), and the move to another region
//! (`setRegion_`: the shipping address's country, the shipping methods, the discounts and gift
//! cards that do not hold there, the payment sessions).

use medusa_core::{Error, Result};
use medusa_entity::{address, cart, cart_discounts, cart_gift_cards, discount_regions};
use medusa_entity::{line_item, payment_session, shipping_method};
use medusa_load::Connection;
use medusa_pricing::line_prices::{select_line_prices, VariantQuantity};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, Set};
use serde_json::{Map, Value};

use crate::carts::{insert_address_in, region_countries};
use crate::discounts::refresh_cart_adjustments_in;
use crate::line_items::{live_region, to_i32};
use crate::shipping::{delete_line_in, delete_method_in};

/// `updateUnitPrices_`: each variant line of the cart takes the price the region and customer
/// select for it at its quantity (and no longer counts as shipped); a line whose variant has
/// no price there is removed. Custom lines keep their price.
pub async fn reprice_lines_in<C: Connection>(
    conn: &C,
    cart_id: &str,
    region_id: &str,
    customer_id: Option<&str>,
    tax_inclusive: bool,
) -> Result<()> {
    let lines: Vec<line_item::Model> = line_item::Entity::find()
        .filter(line_item::Column::CartId.eq(cart_id))
        .all(conn)
        .await?;
    if lines.is_empty() {
        return Ok(());
    }
    let region = live_region(conn, region_id).await?;
    let wanted: Vec<VariantQuantity> = lines
        .iter()
        .filter_map(|l| {
            l.variant_id.as_ref().map(|v| VariantQuantity {
                variant_id: v.clone(),
                quantity: i64::from(l.quantity),
            })
        })
        .collect();
    let prices = select_line_prices(conn, &region, customer_id, &wanted, tax_inclusive).await?;
    for line in lines {
        let Some(variant_id) = &line.variant_id else {
            continue;
        };
        match prices.get(variant_id).and_then(|p| p.calculated_price) {
            Some(price) => {
                let mut active = line.clone().into_active_model();
                active.unit_price = Set(to_i32(price)?);
                active.has_shipping = Set(Some(false));
                active.updated_at = Set(medusa_core::time::now());
                active.update(conn).await?;
            }
            None => delete_line_in(conn, &line).await?,
        }
    }
    Ok(())
}

/// `setRegion_`: moves the cart to `region_id` (404 when unknown; refused for a completed or
/// authorized cart). The shipping address takes `country_code` (which must be one of the
/// region's countries), else loses its country, or takes the region's only one; the shipping
/// methods go, as do the discounts not offered in the region, every gift card and the payment
/// sessions; the lines' adjustments are computed again. Gives the cart row as written.
pub async fn set_region_in<C: Connection>(
    conn: &C,
    cart: &cart::Model,
    region_id: &str,
    country_code: Option<&str>,
    tax_inclusive: bool,
) -> Result<cart::Model> {
    if cart.completed_at.is_some() || cart.payment_authorized_at.is_some() {
        return Err(Error::not_allowed(
            "Cannot change the region of a completed cart",
        ));
    }
    let region = live_region(conn, region_id).await?;
    let countries = region_countries(conn, &region.id).await?;
    let existing = match &cart.shipping_address_id {
        Some(id) => address::Entity::find_by_id(id.as_str()).one(conn).await?,
        None => None,
    };
    let country = match country_code.map(str::to_lowercase) {
        Some(code) if !countries.contains(&code) => {
            return Err(Error::not_allowed("Country not available in region"));
        }
        Some(code) => Some(code),
        // Without a country asked for, a region of one country gives it; else none is set.
        None if countries.len() == 1 => Some(countries[0].clone()),
        None => None,
    };
    let shipping_address_id = match existing {
        Some(address) => {
            if address.country_code != country {
                let mut active = address.clone().into_active_model();
                active.country_code = Set(country);
                active.updated_at = Set(medusa_core::time::now());
                active.update(conn).await?;
            }
            address.id
        }
        None => {
            let mut fields = Map::new();
            if let Some(code) = country {
                fields.insert("country_code".into(), Value::String(code));
            }
            insert_address_in(conn, &fields).await?.id
        }
    };

    let methods = shipping_method::Entity::find()
        .filter(shipping_method::Column::CartId.eq(&cart.id))
        .all(conn)
        .await?;
    for method in &methods {
        delete_method_in(conn, &method.id).await?;
    }
    drop_discounts_outside_in(conn, &cart.id, &region.id).await?;
    cart_gift_cards::Entity::delete_many()
        .filter(cart_gift_cards::Column::CartId.eq(&cart.id))
        .exec(conn)
        .await?;
    payment_session::Entity::delete_many()
        .filter(payment_session::Column::CartId.eq(&cart.id))
        .exec(conn)
        .await?;

    let mut active = cart.clone().into_active_model();
    active.region_id = Set(region.id.clone());
    active.shipping_address_id = Set(Some(shipping_address_id));
    active.updated_at = Set(medusa_core::time::now());
    let written = active.update(conn).await?;
    refresh_cart_adjustments_in(conn, &cart.id, tax_inclusive).await?;
    Ok(written)
}

/// Unlinks the cart's discounts that `region_id` is not one of the regions of (a discount's
/// own regions, as `setRegion_` reads them).
async fn drop_discounts_outside_in<C: Connection>(
    conn: &C,
    cart_id: &str,
    region_id: &str,
) -> Result<()> {
    let linked = cart_discounts::Entity::find()
        .filter(cart_discounts::Column::CartId.eq(cart_id))
        .all(conn)
        .await?;
    if linked.is_empty() {
        return Ok(());
    }
    let offered: Vec<String> = discount_regions::Entity::find()
        .filter(discount_regions::Column::RegionId.eq(region_id))
        .filter(
            discount_regions::Column::DiscountId
                .is_in(linked.iter().map(|l| l.discount_id.clone())),
        )
        .all(conn)
        .await?
        .into_iter()
        .map(|r| r.discount_id)
        .collect();
    let dropped: Vec<String> = linked
        .into_iter()
        .map(|l| l.discount_id)
        .filter(|id| !offered.contains(id))
        .collect();
    if !dropped.is_empty() {
        cart_discounts::Entity::delete_many()
            .filter(cart_discounts::Column::CartId.eq(cart_id))
            .filter(cart_discounts::Column::DiscountId.is_in(dropped))
            .exec(conn)
            .await?;
    }
    Ok(())
}
