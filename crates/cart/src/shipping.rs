//! Shipping methods on a cart (`CartService.addShippingMethod`,
//! `ShippingOptionService.createShippingMethod`): the option's price (or the cart's custom
//! price for it), its requirements against the cart's subtotal, one method per shipping
//! profile, `has_shipping` on the lines, and free shipping zeroing every method.

use medusa_core::new_row::stamped;
use medusa_core::{generate_id, Error, Result};
use medusa_entity::includes_tax::{self, Table};
use medusa_entity::sea_orm_active_enums::{
    DiscountRuleTypeEnum, ShippingOptionPriceTypeEnum, ShippingOptionRequirementTypeEnum,
};
use medusa_entity::{
    custom_shipping_option, line_item, shipping_method, shipping_method_tax_line, shipping_option,
    shipping_option_requirement,
};
use medusa_load::{find_live, live_or, Connection};
use medusa_providers::{FulfillmentProvider, ProviderRegistry};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, Set};
use serde_json::{Map, Value};

use crate::rows::{load_cart, CartRows};
use crate::view::cart_totals_in;

/// A custom price of an option for one cart (`CustomShippingOptionService.create`).
pub async fn create_custom_shipping_option_in<C: Connection>(
    conn: &C,
    cart_id: &str,
    option_id: &str,
    price: i64,
) -> Result<()> {
    let now = medusa_core::time::now();
    custom_shipping_option::ActiveModel {
        id: Set(generate_id("cso")),
        price: Set(crate::line_items::to_i32(price)?),
        shipping_option_id: Set(option_id.to_owned()),
        cart_id: Set(Some(cart_id.to_owned())),
        ..stamped(now)
    }
    .insert(conn)
    .await?;
    Ok(())
}

/// The live option, or Medusa's 404.
pub async fn live_option<C: Connection>(conn: &C, id: &str) -> Result<shipping_option::Model> {
    live_or::<shipping_option::Entity, _>(conn, id, || {
        Error::not_found(format!("Shipping Option with {id} was not found"))
    })
    .await
}

/// Whether a cart has a free-shipping discount.
pub fn has_free_shipping(rows: &CartRows) -> bool {
    rows.discounts.iter().any(|d| {
        d.rule
            .as_ref()
            .is_some_and(|r| r.r#type == DiscountRuleTypeEnum::FreeShipping)
    })
}

/// Adds a method of `option_id` to the cart: at the cart's custom price for the option when
/// it has custom prices (any other option is then refused, "Wrong shipping option"),
/// otherwise at the option's price once the option's region and requirements accept the
/// cart. The cart's methods of the same profile go; each variant line's `has_shipping` says
/// whether a method ships its product's profile; free shipping zeroes every method.
pub async fn add_shipping_method_in<C: Connection>(
    conn: &C,
    providers: &ProviderRegistry,
    tax_inclusive: bool,
    cart_id: &str,
    option_id: &str,
    data: &Map<String, Value>,
) -> Result<()> {
    let rows = load_cart(conn, cart_id, tax_inclusive).await?;
    let customs = custom_shipping_option::Entity::find()
        .filter(custom_shipping_option::Column::CartId.eq(cart_id))
        .filter(custom_shipping_option::Column::DeletedAt.is_null())
        .all(conn)
        .await?;
    let custom = customs.iter().find(|c| c.shipping_option_id == option_id);
    if !customs.is_empty() && custom.is_none() {
        return Err(Error::invalid_data("Wrong shipping option"));
    }
    let option = live_option(conn, option_id).await?;
    let option_includes_tax = if tax_inclusive {
        includes_tax::read_one(conn, Table::ShippingOption, &option.id).await?
    } else {
        false
    };
    if custom.is_none() {
        validate_cart_option(conn, &rows, &option, option_includes_tax, tax_inclusive).await?;
    }
    let provider = providers.fulfillment(&option.provider_id).ok_or_else(|| {
        Error::not_found(format!(
            "Could not find a fulfillment provider with id: {}",
            option.provider_id
        ))
    })?;
    let data = provider.validate_fulfillment_data(&option.data, &Value::Object(data.clone()));
    let price = match custom {
        Some(custom) => custom.price,
        None => option_price(provider.as_ref(), &option, &data)?,
    };
    let method = shipping_method::ActiveModel {
        id: Set(generate_id("sm")),
        shipping_option_id: Set(option.id.clone()),
        order_id: Set(None),
        cart_id: Set(Some(cart_id.to_owned())),
        swap_id: Set(None),
        return_id: Set(None),
        price: Set(price),
        data: Set(data),
        claim_order_id: Set(None),
    }
    .insert(conn)
    .await?;
    if tax_inclusive {
        includes_tax::write(conn, Table::ShippingMethod, &method.id, option_includes_tax).await?;
    }
    let mut kept_profiles = vec![option.profile_id.clone()];
    for existing in &rows.shipping_methods {
        let same_profile = existing
            .option
            .as_ref()
            .is_some_and(|o| o.profile_id == option.profile_id);
        if same_profile {
            delete_method_in(conn, &existing.method.id).await?;
        } else if let Some(o) = &existing.option {
            kept_profiles.push(o.profile_id.clone());
        }
    }
    for item in &rows.items {
        let Some(product_id) = &item.product_id else {
            continue;
        };
        let profile = rows
            .products
            .get(product_id)
            .and_then(|(_, profiles)| profiles.first())
            .map(|p| p.id.clone());
        let ships = profile.is_some_and(|p| kept_profiles.contains(&p));
        if item.item.has_shipping != Some(ships) {
            let mut active = item.item.clone().into_active_model();
            active.has_shipping = Set(Some(ships));
            active.updated_at = Set(medusa_core::time::now());
            active.update(conn).await?;
        }
    }
    if has_free_shipping(&rows) {
        adjust_free_shipping_in(conn, cart_id, true).await?;
    }
    Ok(())
}

/// `ShippingOptionService.getPrice_`: a `calculated` option's price is the provider's
/// (a provider's failure is Medusa's unknown error; no price is refused by the column), any
/// other option's is its amount.
fn option_price(
    provider: &dyn FulfillmentProvider,
    option: &shipping_option::Model,
    data: &Value,
) -> Result<i32> {
    if option.price_type != ShippingOptionPriceTypeEnum::Calculated {
        return Ok(option.amount.unwrap_or(0));
    }
    let price = provider
        .calculate_price(&option.data, data)
        .map_err(|message| Error::Db(sea_orm::DbErr::Custom(message)))?
        .ok_or_else(|| {
            Error::invalid_data(
                "Can't insert null value in field price on insert in table shipping_method",
            )
        })?;
    crate::line_items::to_i32(price)
}

/// `validateCartOption`: a return option is never offered; the option must be of the cart's
/// region, and its requirements must accept the cart's subtotal (with the item taxes when the
/// option's price includes tax).
async fn validate_cart_option<C: Connection>(
    conn: &C,
    rows: &CartRows,
    option: &shipping_option::Model,
    option_includes_tax: bool,
    tax_inclusive: bool,
) -> Result<()> {
    if option.is_return {
        return Ok(());
    }
    if option.region_id != rows.cart.region_id {
        return Err(Error::invalid_data(
            "The shipping option is not available in the cart's region",
        ));
    }
    let requirements = shipping_option_requirement::Entity::find()
        .filter(shipping_option_requirement::Column::ShippingOptionId.eq(&option.id))
        .filter(shipping_option_requirement::Column::DeletedAt.is_null())
        .all(conn)
        .await?;
    if requirements.is_empty() {
        return Ok(());
    }
    let totals = cart_totals_in(conn, rows, tax_inclusive).await?;
    let amount = if option_includes_tax {
        totals.subtotal + totals.item_tax_total
    } else {
        totals.subtotal
    };
    let met = requirements.iter().all(|r| match r.r#type {
        ShippingOptionRequirementTypeEnum::MaxSubtotal => i64::from(r.amount) > amount,
        ShippingOptionRequirementTypeEnum::MinSubtotal => i64::from(r.amount) <= amount,
    });
    if met {
        Ok(())
    } else {
        Err(Error::not_allowed(
            "The Cart does not satisfy the shipping option's requirements",
        ))
    }
}

pub(crate) async fn delete_method_in<C: Connection>(conn: &C, id: &str) -> Result<()> {
    shipping_method_tax_line::Entity::delete_many()
        .filter(shipping_method_tax_line::Column::ShippingMethodId.eq(id))
        .exec(conn)
        .await?;
    shipping_method::Entity::delete_by_id(id).exec(conn).await?;
    Ok(())
}

/// Free shipping on: every method of the cart costs 0. Off: each method costs its option's
/// price again.
pub async fn adjust_free_shipping_in<C: Connection>(
    conn: &C,
    cart_id: &str,
    free: bool,
) -> Result<()> {
    let methods = shipping_method::Entity::find()
        .filter(shipping_method::Column::CartId.eq(cart_id))
        .all(conn)
        .await?;
    for method in methods {
        let price = if free {
            0
        } else {
            find_live::<shipping_option::Entity, _>(conn, &method.shipping_option_id)
                .await?
                .and_then(|o| o.amount)
                .unwrap_or(0)
        };
        if method.price != price {
            let mut active = method.into_active_model();
            active.price = Set(price);
            active.update(conn).await?;
        }
    }
    Ok(())
}

/// Removes a line and what hangs on it (adjustments, tax lines).
pub async fn delete_line_in<C: Connection>(conn: &C, item: &line_item::Model) -> Result<()> {
    medusa_entity::line_item_adjustment::Entity::delete_many()
        .filter(medusa_entity::line_item_adjustment::Column::ItemId.eq(&item.id))
        .exec(conn)
        .await?;
    medusa_entity::line_item_tax_line::Entity::delete_many()
        .filter(medusa_entity::line_item_tax_line::Column::ItemId.eq(&item.id))
        .exec(conn)
        .await?;
    line_item::Entity::delete_by_id(item.id.as_str())
        .exec(conn)
        .await?;
    Ok(())
}
