//! The orders' own statement: the orders with their to-one relations (addresses, customer,
//! sales channel, region) left-joined into it, and the one statement that tells which of
//! the relations orders seldom have (gift cards, refunds, fulfillments, returns, swaps, ...)
//! a page has at all, so that the absent ones cost no statement.

use medusa_core::Result;
use medusa_entity::includes_tax::Table;
use medusa_entity::{
    address, claim_order, customer, fulfillment, gift_card_transaction, order, order_edit,
    order_gift_cards, r#return, refund, region, sales_channel, swap,
};
use medusa_load::{join_one, joined_one, present, Connection, Owned, Reader};
use sea_orm::sea_query::Expr;
use sea_orm::{FromQueryResult, QueryTrait, Select};
use serde_json::Value;

use crate::json::to_value;
use crate::load::{flagged, includes_tax_of, Needs};
use crate::rows::OrderRows;

/// A to-one relation shown as loaded (`shown` key, and the order's column naming it),
/// joined under its own alias (the list's search joins the same tables under theirs).
struct Shown {
    path: &'static str,
    alias: &'static str,
    key: order::Column,
}

const ADDRESSES: [Shown; 2] = [
    Shown {
        path: "billing_address",
        alias: "joined_billing_address",
        key: order::Column::BillingAddressId,
    },
    Shown {
        path: "shipping_address",
        alias: "joined_shipping_address",
        key: order::Column::ShippingAddressId,
    },
];
const CUSTOMER: Shown = Shown {
    path: "customer",
    alias: "joined_customer",
    key: order::Column::CustomerId,
};
const SALES_CHANNEL: Shown = Shown {
    path: "sales_channel",
    alias: "joined_sales_channel",
    key: order::Column::SalesChannelId,
};
const REGION: Shown = Shown {
    path: "region",
    alias: "joined_region",
    key: order::Column::RegionId,
};

fn order_key(column: order::Column) -> Expr {
    Expr::col((order::Entity, column))
}

/// Reads the orders `select` selects, with the to-one relations `needs` names, in one
/// statement.
pub(crate) async fn read_orders<C: Connection>(
    reader: &mut Reader<'_, C>,
    select: Select<order::Entity>,
    needs: &Needs<'_>,
) -> Result<Vec<OrderRows>> {
    let mut statement = select.into_query();
    for shown in &ADDRESSES {
        if needs.has(shown.path) {
            let key = order_key(shown.key).into();
            join_one::<address::Entity>(
                &mut statement,
                shown.alias,
                address::Column::Id,
                key,
                true,
            );
        }
    }
    if needs.has(CUSTOMER.path) {
        let key = order_key(CUSTOMER.key).into();
        join_one::<customer::Entity>(
            &mut statement,
            CUSTOMER.alias,
            customer::Column::Id,
            key,
            true,
        );
    }
    if needs.has(SALES_CHANNEL.path) {
        let key = order_key(SALES_CHANNEL.key).into();
        let id = sales_channel::Column::Id;
        join_one::<sales_channel::Entity>(&mut statement, SALES_CHANNEL.alias, id, key, true);
    }
    if needs.has(REGION.path) {
        // Medusa reads an order's region with deleted ones.
        let key = order_key(REGION.key).into();
        join_one::<region::Entity>(&mut statement, REGION.alias, region::Column::Id, key, false);
    }
    let results = reader.results(&statement).await?;
    let mut orders = Vec::with_capacity(results.len());
    for row in &results {
        let mut rows = OrderRows {
            tax_inclusive_pricing: needs.tax_inclusive,
            ..OrderRows::bare(order::Model::from_query_result(row, "")?)
        };
        for shown in &ADDRESSES {
            if needs.has(shown.path) {
                let found = joined_one::<address::Entity>(row, shown.alias, address::Column::Id)?;
                rows.shown.insert(shown.path.into(), shown_or_null(found)?);
            }
        }
        if needs.has(CUSTOMER.path) {
            let found = joined_one::<customer::Entity>(row, CUSTOMER.alias, customer::Column::Id)?;
            rows.shown
                .insert(CUSTOMER.path.into(), shown_or_null(found)?);
        }
        if needs.has(SALES_CHANNEL.path) {
            let id = sales_channel::Column::Id;
            let found = joined_one::<sales_channel::Entity>(row, SALES_CHANNEL.alias, id)?;
            rows.shown
                .insert(SALES_CHANNEL.path.into(), shown_or_null(found)?);
        }
        if needs.has(REGION.path) {
            rows.region = Some(joined_one::<region::Entity>(
                row,
                REGION.alias,
                region::Column::Id,
            )?);
        }
        orders.push(rows);
    }
    if needs.has(REGION.path) && needs.tax_inclusive {
        let mut keys: Vec<String> = orders.iter().map(|o| o.order.region_id.clone()).collect();
        keys.sort_unstable();
        keys.dedup();
        let includes_tax = includes_tax_of(reader, needs, Table::Region, &keys).await?;
        for o in &mut orders {
            o.region_includes_tax = flagged(includes_tax.as_ref(), &o.order.region_id);
        }
    }
    Ok(orders)
}

fn shown_or_null<M: serde::Serialize>(row: Option<M>) -> Result<Value> {
    Ok(row
        .as_ref()
        .map(to_value)
        .transpose()?
        .unwrap_or(Value::Null))
}

/// The relations of an order that most orders do not have, each with the column naming
/// the order (the gift cards through their link table).
fn seldom() -> [(&'static str, Owned); 8] {
    [
        (
            "gift_cards",
            Owned::of::<order_gift_cards::Entity>(order_gift_cards::Column::OrderId),
        ),
        (
            "gift_card_transactions",
            Owned::of::<gift_card_transaction::Entity>(gift_card_transaction::Column::OrderId),
        ),
        (
            "refunds",
            Owned::of::<refund::Entity>(refund::Column::OrderId),
        ),
        (
            "edits",
            Owned::of::<order_edit::Entity>(order_edit::Column::OrderId),
        ),
        (
            "fulfillments",
            Owned::of::<fulfillment::Entity>(fulfillment::Column::OrderId),
        ),
        (
            "returns",
            Owned::of::<r#return::Entity>(r#return::Column::OrderId),
        ),
        ("swaps", Owned::of::<swap::Entity>(swap::Column::OrderId)),
        (
            "claims",
            Owned::of::<claim_order::Entity>(claim_order::Column::OrderId),
        ),
    ]
}

/// Which of the seldom relations `needs` names no order of the page has: their loads are
/// given no keys, and so send no statement.
pub(crate) async fn absent<C: Connection>(
    reader: &mut Reader<'_, C>,
    needs: &Needs<'_>,
    ids: &[String],
) -> Result<Vec<&'static str>> {
    let (paths, relations): (Vec<&'static str>, Vec<Owned>) = seldom()
        .into_iter()
        .filter(|(path, _)| needs.has(path))
        .unzip();
    let found = present(reader, &relations, ids).await?;
    Ok(paths
        .into_iter()
        .zip(found)
        .filter_map(|(path, found)| (!found).then_some(path))
        .collect())
}
