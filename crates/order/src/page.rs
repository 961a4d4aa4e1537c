//! The orders' own statement: the orders with their to-one relations (addresses, customer,
//! sales channel, region) left-joined into it, and, for each order, which of the relations
//! orders seldom have (gift cards, refunds, fulfillments, returns, swaps, ...) it has at all,
//! so that those no order of a page has cost no statement.

use medusa_core::positional::FromColumns;
use medusa_core::Result;
use medusa_entity::includes_tax::Table;
use medusa_entity::{
    address, claim_order, customer, fulfillment, gift_card_transaction, order, order_edit,
    order_gift_cards, r#return, refund, region, sales_channel, swap,
};
use medusa_load::{
    join_one, joined_one, present_columns, present_in, Connection, Owned, Positions, Reader,
};
use sea_orm::sea_query::{Expr, SelectStatement};
use sea_orm::{DbBackend, EntityTrait, QueryResult, QueryTrait, Select};

use crate::load::{flagged, includes_tax_of, Needs};
use crate::rows::OrderRows;

/// A to-one relation joined into the orders' statement: its path (as `needs` names it), its
/// alias (the list's search joins the same tables under theirs) and the order's column naming it.
struct ToOne {
    path: &'static str,
    alias: &'static str,
    key: order::Column,
}

/// `NAME = "path", KeyColumn`: the relation at `path`, joined under the alias
/// `joined_<path>`, named by the order's column `KeyColumn`.
macro_rules! to_one {
    ($($name:ident = $path:literal, $key:ident;)*) => {
        $(const $name: ToOne = ToOne {
            path: $path,
            alias: concat!("joined_", $path),
            key: order::Column::$key,
        };)*
    };
}

to_one! {
    BILLING_ADDRESS = "billing_address", BillingAddressId;
    SHIPPING_ADDRESS = "shipping_address", ShippingAddressId;
    CUSTOMER = "customer", CustomerId;
    SALES_CHANNEL = "sales_channel", SalesChannelId;
    REGION = "region", RegionId;
}

impl ToOne {
    /// Joins `E` (keyed by `id`) into `statement` when `needs` names this relation.
    fn join<E: EntityTrait>(
        &self,
        statement: &mut SelectStatement,
        backend: DbBackend,
        needs: &Needs<'_>,
        id: E::Column,
        live: bool,
    ) {
        if needs.has(self.path) {
            let key = order_key(self.key).into();
            join_one::<E>(statement, backend, self.alias, id, key, live);
        }
    }

    /// The joined row of `row` (`Some(None)` when the order has none), or `None` when
    /// `needs` does not name this relation.
    fn read<E>(
        &self,
        row: &QueryResult,
        at: &Positions,
        needs: &Needs<'_>,
        id: E::Column,
    ) -> Result<Option<Option<E::Model>>>
    where
        E: EntityTrait,
        E::Model: FromColumns,
    {
        if !needs.has(self.path) {
            return Ok(None);
        }
        joined_one::<E>(row, at, self.alias, id).map(Some)
    }
}

fn order_key(column: order::Column) -> Expr {
    Expr::col((order::Entity, column))
}

/// The orders `select` selects, with the to-one relations `needs` names, and the seldom
/// relations `needs` names that no order of them has.
pub(crate) struct OrderPage {
    pub orders: Vec<OrderRows>,
    pub absent: Vec<&'static str>,
}

/// Reads the orders `select` selects, with the to-one relations `needs` names, in one
/// statement, which also tells which of the seldom relations `needs` names each order has.
/// `select` starts from `medusa_load::find`, so its select list is already the written one.
pub(crate) async fn read_orders<C: Connection>(
    reader: &mut Reader<'_, C>,
    select: Select<order::Entity>,
    needs: &Needs<'_>,
) -> Result<OrderPage> {
    let backend = reader.backend();
    let mut statement = select.into_query();
    let statement = &mut statement;
    for address in [&BILLING_ADDRESS, &SHIPPING_ADDRESS] {
        address.join::<address::Entity>(statement, backend, needs, address::Column::Id, true);
    }
    CUSTOMER.join::<customer::Entity>(statement, backend, needs, customer::Column::Id, true);
    let channel = sales_channel::Column::Id;
    SALES_CHANNEL.join::<sales_channel::Entity>(statement, backend, needs, channel, true);
    // Medusa reads an order's region with deleted ones.
    REGION.join::<region::Entity>(statement, backend, needs, region::Column::Id, false);
    let (seldom_paths, seldom_relations): (Vec<&'static str>, Vec<Owned>) = seldom()
        .into_iter()
        .filter(|(path, _)| needs.has(path))
        .unzip();
    present_columns::<order::Entity>(statement, backend, order::Column::Id, &seldom_relations);

    let results = reader.results(statement).await?;
    let at = Positions::of(&results);
    let mut orders = Vec::with_capacity(results.len());
    let mut found = vec![false; seldom_relations.len()];
    for row in &results {
        for (found, has) in found
            .iter_mut()
            .zip(present_in(row, &at, seldom_relations.len())?)
        {
            *found |= has;
        }
        let address = address::Column::Id;
        orders.push(OrderRows {
            tax_inclusive_pricing: needs.tax_inclusive,
            billing_address: BILLING_ADDRESS.read::<address::Entity>(row, &at, needs, address)?,
            shipping_address: SHIPPING_ADDRESS.read::<address::Entity>(row, &at, needs, address)?,
            customer: CUSTOMER.read::<customer::Entity>(row, &at, needs, customer::Column::Id)?,
            sales_channel: SALES_CHANNEL.read::<sales_channel::Entity>(row, &at, needs, channel)?,
            region: REGION.read::<region::Entity>(row, &at, needs, region::Column::Id)?,
            ..OrderRows::bare(order::Model::from_columns(row, 0)?)
        });
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
    let absent = seldom_paths
        .into_iter()
        .zip(found)
        .filter_map(|(path, found)| (!found).then_some(path))
        .collect();
    Ok(OrderPage { orders, absent })
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
