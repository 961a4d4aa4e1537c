//! Loading a cart with the relations its answer and its totals need, one statement per
//! relation (carts are read one at a time; a page of carts loads only its items, through
//! [`items_of_carts`]).

use std::collections::HashMap;

use medusa_core::{Error, Result};
use medusa_entity::includes_tax::{self, Table};
use medusa_entity::{
    address, cart, cart_discounts, cart_gift_cards, country, customer, discount, discount_rule,
    gift_card, line_item, line_item_adjustment, payment, payment_provider, payment_session,
    product, product_shipping_profile, product_variant, region, region_payment_providers,
    shipping_method, shipping_option, shipping_profile,
};
use medusa_load::{by_key, children, through, Children, Connection, Link, Reader};
use medusa_query_dsl::{in_insertion_order, in_insertion_order_of};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

/// A line item with its adjustments and the product of its variant.
#[derive(Debug, Clone)]
pub struct ItemRows {
    pub item: line_item::Model,
    pub adjustments: Vec<line_item_adjustment::Model>,
    pub product_id: Option<String>,
    pub variant: Option<product_variant::Model>,
    /// Read only with tax-inclusive pricing on.
    pub includes_tax: Option<bool>,
}

/// A shipping method with its option.
#[derive(Debug, Clone)]
pub struct MethodRows {
    pub method: shipping_method::Model,
    pub option: Option<shipping_option::Model>,
    pub includes_tax: Option<bool>,
}

/// A discount of the cart with its rule.
#[derive(Debug, Clone)]
pub struct DiscountRows {
    pub discount: discount::Model,
    pub rule: Option<discount_rule::Model>,
}

/// An address with its country.
#[derive(Debug, Clone)]
pub struct AddressRows {
    pub address: address::Model,
    pub country: Option<country::Model>,
}

/// Everything a cart's answer and totals read.
#[derive(Debug, Clone)]
pub struct CartRows {
    pub cart: cart::Model,
    pub region: region::Model,
    pub region_includes_tax: Option<bool>,
    pub payment_providers: Vec<payment_provider::Model>,
    pub items: Vec<ItemRows>,
    pub shipping_methods: Vec<MethodRows>,
    /// In the order they were linked: the first that is not free shipping is the one allocated.
    pub discounts: Vec<DiscountRows>,
    pub gift_cards: Vec<gift_card::Model>,
    pub shipping_address: Option<AddressRows>,
    pub billing_address: Option<AddressRows>,
    pub customer: Option<customer::Model>,
    pub payment_sessions: Vec<payment_session::Model>,
    pub payment: Option<payment::Model>,
    /// The items' products with their shipping profiles, by product id.
    pub products: HashMap<String, (product::Model, Vec<shipping_profile::Model>)>,
}

/// The cart's row, or Medusa's 404.
pub async fn cart_row<C: sea_orm::ConnectionTrait>(conn: &C, id: &str) -> Result<cart::Model> {
    cart::Entity::find_by_id(id)
        .filter(cart::Column::DeletedAt.is_null())
        .one(conn)
        .await?
        .ok_or_else(|| Error::not_found(format!("Cart with {id} was not found")))
}

/// The items of these carts (each cart's by creation time, then id) with their adjustments and
/// products. With `tax_inclusive`, `includes_tax` is `Some(false)` until
/// [`attach_includes_tax`] reads the column (after the reader is dropped).
pub async fn items_of_carts<C: Connection>(
    reader: &mut Reader<'_, C>,
    cart_ids: &[String],
    tax_inclusive: bool,
) -> Result<Vec<Vec<ItemRows>>> {
    let backend = reader.backend();
    let items: Children<line_item::Model> = children(
        reader,
        line_item::Entity::find()
            .order_by_asc(line_item::Column::CreatedAt)
            .order_by_asc(line_item::Column::Id),
        line_item::Column::CartId,
        cart_ids,
    )
    .await?;
    let groups = items.into_groups();
    let ids: Vec<String> = groups.iter().flatten().map(|i| i.id.clone()).collect();
    let mut adjustments = children(
        reader,
        in_insertion_order(line_item_adjustment::Entity::find(), backend),
        line_item_adjustment::Column::ItemId,
        &ids,
    )
    .await?;
    let variants = by_key(
        reader,
        product_variant::Entity::find(),
        product_variant::Column::Id,
        groups.iter().flatten().filter_map(|i| i.variant_id.clone()),
    )
    .await?;
    let mut index = 0;
    Ok(groups
        .into_iter()
        .map(|group| {
            group
                .into_iter()
                .map(|item| {
                    let rows = ItemRows {
                        adjustments: adjustments.take(index),
                        variant: item
                            .variant_id
                            .as_ref()
                            .and_then(|v| variants.get(v))
                            .cloned(),
                        product_id: item
                            .variant_id
                            .as_ref()
                            .and_then(|v| variants.get(v))
                            .map(|v| v.product_id.clone()),
                        includes_tax: tax_inclusive.then_some(false),
                        item,
                    };
                    index += 1;
                    rows
                })
                .collect()
        })
        .collect())
}

/// Reads the items' `includes_tax` column (tax-inclusive pricing on only).
pub async fn attach_includes_tax<C: sea_orm::ConnectionTrait>(
    conn: &C,
    items: &mut [ItemRows],
) -> Result<()> {
    if items.iter().all(|i| i.includes_tax.is_none()) {
        return Ok(());
    }
    // Only the items that show the column read it.
    let shown = items.iter_mut().filter(|item| item.includes_tax.is_some());
    includes_tax::fill(conn, Table::LineItem, shown, |item| {
        (&item.item.id, &mut item.includes_tax)
    })
    .await?;
    Ok(())
}

/// One cart with every relation of its answer.
pub async fn load_cart<C: Connection>(conn: &C, id: &str, tax_inclusive: bool) -> Result<CartRows> {
    let cart = cart_row(conn, id).await?;
    let region = region::Entity::find_by_id(cart.region_id.as_str())
        .one(conn)
        .await?
        .ok_or_else(|| Error::not_found(format!("Region with {} was not found", cart.region_id)))?;
    let mut reader = Reader::new(conn).await?;
    let backend = reader.backend();
    let ids = vec![cart.id.clone()];
    let payment_providers = through(
        &mut reader,
        payment_provider::Entity::find(),
        payment_provider::Column::Id,
        Link::<region_payment_providers::Entity> {
            owner: region_payment_providers::Column::RegionId,
            target: region_payment_providers::Column::ProviderId,
        },
        std::slice::from_ref(&region.id),
    )
    .await?
    .into_groups()
    .pop()
    .unwrap_or_default();
    let mut items = items_of_carts(&mut reader, &ids, tax_inclusive)
        .await?
        .pop()
        .unwrap_or_default();
    let methods = children(
        &mut reader,
        in_insertion_order(shipping_method::Entity::find(), backend),
        shipping_method::Column::CartId,
        &ids,
    )
    .await?
    .into_groups()
    .pop()
    .unwrap_or_default();
    let options = by_key(
        &mut reader,
        shipping_option::Entity::find(),
        shipping_option::Column::Id,
        methods.iter().map(|m| m.shipping_option_id.clone()),
    )
    .await?;
    let mut shipping_methods: Vec<MethodRows> = methods
        .into_iter()
        .map(|method| MethodRows {
            option: options.get(&method.shipping_option_id).cloned(),
            includes_tax: None,
            method,
        })
        .collect();
    let discounts = through(
        &mut reader,
        in_insertion_order_of(discount::Entity::find(), backend, "cart_discounts"),
        discount::Column::Id,
        Link::<cart_discounts::Entity> {
            owner: cart_discounts::Column::CartId,
            target: cart_discounts::Column::DiscountId,
        },
        &ids,
    )
    .await?
    .into_groups()
    .pop()
    .unwrap_or_default();
    let rules = by_key(
        &mut reader,
        discount_rule::Entity::find(),
        discount_rule::Column::Id,
        discounts.iter().filter_map(|d| d.rule_id.clone()),
    )
    .await?;
    let discounts = discounts
        .into_iter()
        .map(|discount| DiscountRows {
            rule: discount
                .rule_id
                .as_ref()
                .and_then(|r| rules.get(r))
                .cloned(),
            discount,
        })
        .collect();
    let gift_cards = through(
        &mut reader,
        in_insertion_order_of(gift_card::Entity::find(), backend, "cart_gift_cards"),
        gift_card::Column::Id,
        Link::<cart_gift_cards::Entity> {
            owner: cart_gift_cards::Column::CartId,
            target: cart_gift_cards::Column::GiftCardId,
        },
        &ids,
    )
    .await?
    .into_groups()
    .pop()
    .unwrap_or_default();
    let addresses = by_key(
        &mut reader,
        address::Entity::find(),
        address::Column::Id,
        cart.shipping_address_id
            .iter()
            .chain(cart.billing_address_id.iter())
            .cloned(),
    )
    .await?;
    let countries = by_key(
        &mut reader,
        country::Entity::find(),
        country::Column::Iso2,
        addresses.values().filter_map(|a| a.country_code.clone()),
    )
    .await?;
    let address_rows = |id: &Option<String>| {
        id.as_ref()
            .and_then(|id| addresses.get(id))
            .map(|a| AddressRows {
                country: a
                    .country_code
                    .as_ref()
                    .and_then(|c| countries.get(c))
                    .cloned(),
                address: a.clone(),
            })
    };
    let shipping_address = address_rows(&cart.shipping_address_id);
    let billing_address = address_rows(&cart.billing_address_id);
    let customer = by_key(
        &mut reader,
        customer::Entity::find(),
        customer::Column::Id,
        cart.customer_id.iter().cloned(),
    )
    .await?
    .into_values()
    .next();
    let payment_sessions = children(
        &mut reader,
        in_insertion_order(payment_session::Entity::find(), backend),
        payment_session::Column::CartId,
        &ids,
    )
    .await?
    .into_groups()
    .pop()
    .unwrap_or_default();
    let payment = by_key(
        &mut reader,
        payment::Entity::find(),
        payment::Column::Id,
        cart.payment_id.iter().cloned(),
    )
    .await?
    .into_values()
    .next();
    let product_ids: Vec<String> = items.iter().filter_map(|i| i.product_id.clone()).collect();
    let product_rows = by_key(
        &mut reader,
        product::Entity::find(),
        product::Column::Id,
        product_ids.iter().cloned(),
    )
    .await?;
    let mut distinct_products: Vec<String> = product_rows.keys().cloned().collect();
    distinct_products.sort();
    let mut profiles = through(
        &mut reader,
        shipping_profile::Entity::find(),
        shipping_profile::Column::Id,
        Link::<product_shipping_profile::Entity> {
            owner: product_shipping_profile::Column::ProductId,
            target: product_shipping_profile::Column::ProfileId,
        },
        &distinct_products,
    )
    .await?;
    let products = distinct_products
        .iter()
        .enumerate()
        .filter_map(|(index, id)| {
            product_rows
                .get(id)
                .map(|p| (id.clone(), (p.clone(), profiles.take(index))))
        })
        .collect();
    drop(reader);
    attach_includes_tax(conn, &mut items).await?;
    if tax_inclusive {
        includes_tax::fill(
            conn,
            Table::ShippingMethod,
            &mut shipping_methods,
            |method| (&method.method.id, &mut method.includes_tax),
        )
        .await?;
    }
    let region_includes_tax = if tax_inclusive {
        Some(includes_tax::read_one(conn, Table::Region, &region.id).await?)
    } else {
        None
    };
    Ok(CartRows {
        cart,
        region,
        region_includes_tax,
        payment_providers,
        items,
        shipping_methods,
        discounts,
        gift_cards,
        shipping_address,
        billing_address,
        customer,
        payment_sessions,
        payment,
        products,
    })
}
