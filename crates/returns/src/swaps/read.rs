//! The swap reads: `GET /admin/swaps` (the columns, newest first) and
//! `GET /admin/swaps/{id}` (Medusa's default admin fields and relations, the cart with its
//! totals from `medusa-totals` through `medusa-cart`).

use medusa_cart::rows::load_cart;
use medusa_cart::view::cart_totals_in;
use medusa_core::Result;
use medusa_entity::{
    address, fulfillment, fulfillment_item, line_item, line_item_adjustment, order, payment,
    r#return, return_item, shipping_method, shipping_option, swap,
};
use medusa_load::Connection;
use medusa_query_dsl::{Pagination, ResourceSpec};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::Serialize;
use serde_json::{json, Map, Value};

use super::create::find_swap;

/// `GET /admin/swaps`: Medusa's `AdminGetSwapsParams` (limit 50, offset), newest first.
pub static SWAP_LIST: ResourceSpec = ResourceSpec {
    pagination: Some(Pagination {
        default_limit: 50,
        max_limit: None,
    }),
    default_order: &[("created_at", sea_orm::Order::Desc)],
    ..ResourceSpec::new("swaps", "swap")
};

fn to_map<M: Serialize>(row: &M) -> Result<Map<String, Value>> {
    match serde_json::to_value(row) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(_) => Ok(Map::new()),
        Err(err) => Err(medusa_core::Error::UnexpectedState(format!(
            "serialize: {err}"
        ))),
    }
}

/// A JavaScript number: integral values without a fraction.
fn number(value: f64) -> Value {
    if value.fract() == 0.0 && value.abs() < 9.0e15 {
        json!(value as i64)
    } else {
        json!(value)
    }
}

fn value<M: Serialize>(row: &M) -> Result<Value> {
    to_map(row).map(Value::Object)
}

/// The columns in the entity's order as Medusa declares it.
const SWAP_COLUMNS: &[&str] = &[
    "id",
    "created_at",
    "updated_at",
    "deleted_at",
    "fulfillment_status",
    "payment_status",
    "order_id",
    "difference_due",
    "shipping_address_id",
    "cart_id",
    "confirmed_at",
    "canceled_at",
    "no_notification",
    "allow_backorder",
    "idempotency_key",
    "metadata",
];

/// `defaultAdminSwapFields` (the swap's own).
const SWAP_FIELDS: &[&str] = &[
    "id",
    "created_at",
    "updated_at",
    "fulfillment_status",
    "payment_status",
    "order_id",
    "difference_due",
    "cart_id",
    "metadata",
];

fn pick(all: &Map<String, Value>, keys: &[&str]) -> Map<String, Value> {
    keys.iter()
        .filter_map(|k| all.get(*k).map(|v| ((*k).to_owned(), v.clone())))
        .collect()
}

/// A swap's columns as the list shows them.
pub fn swap_columns(swap: &swap::Model) -> Result<Value> {
    Ok(Value::Object(pick(&to_map(swap)?, SWAP_COLUMNS)))
}

fn adjustments_json(rows: &[line_item_adjustment::Model]) -> Result<Value> {
    rows.iter()
        .map(|a| {
            let mut m = to_map(a)?;
            let amount: f64 = a.amount.to_string().parse().unwrap_or(0.0);
            m.insert("amount".into(), number(amount));
            Ok(Value::Object(m))
        })
        .collect::<Result<Vec<_>>>()
        .map(Value::Array)
}

async fn adjustments_of<C: Connection>(
    conn: &C,
    item_id: &str,
) -> Result<Vec<line_item_adjustment::Model>> {
    Ok(line_item_adjustment::Entity::find()
        .filter(line_item_adjustment::Column::ItemId.eq(item_id))
        .all(conn)
        .await?)
}

/// The swap's cart as `retrieve` shows it: its columns, discounts, gift cards, items with
/// adjustments, stored tax lines and variant, region, shipping address, shipping methods,
/// and the totals Medusa's default admin fields select.
async fn cart_json<C: Connection>(conn: &C, cart_id: &str, tax_inclusive: bool) -> Result<Value> {
    let rows = load_cart(conn, cart_id, tax_inclusive).await?;
    let totals = cart_totals_in(conn, &rows, tax_inclusive).await?;
    let mut json = Map::new();
    json.insert("object".into(), json!("cart"));
    json.extend(to_map(&rows.cart)?);
    let mut discounts = Vec::new();
    for d in &rows.discounts {
        let mut shown = to_map(&d.discount)?;
        shown.insert(
            "rule".into(),
            d.rule
                .as_ref()
                .map(value)
                .transpose()?
                .unwrap_or(Value::Null),
        );
        discounts.push(Value::Object(shown));
    }
    json.insert("discounts".into(), Value::Array(discounts));
    json.insert(
        "gift_cards".into(),
        serde_json::to_value(&rows.gift_cards).unwrap_or(json!([])),
    );
    let ids: Vec<String> = rows.items.iter().map(|i| i.item.id.clone()).collect();
    let stored = medusa_cart::item_tax_lines_of(conn, &ids).await?;
    let mut items = Vec::new();
    for item in &rows.items {
        let mut shown = to_map(&item.item)?;
        if let Some(flag) = item.includes_tax {
            shown.insert("includes_tax".into(), Value::Bool(flag));
        }
        shown.insert("adjustments".into(), adjustments_json(&item.adjustments)?);
        let lines = stored
            .iter()
            .filter(|t| t.item_id == item.item.id)
            .map(value)
            .collect::<Result<Vec<_>>>()?;
        shown.insert("tax_lines".into(), Value::Array(lines));
        shown.insert(
            "variant".into(),
            item.variant
                .as_ref()
                .map(value)
                .transpose()?
                .unwrap_or(Value::Null),
        );
        items.push(Value::Object(shown));
    }
    json.insert("items".into(), Value::Array(items));
    let mut region = to_map(&rows.region)?;
    if let Some(flag) = rows.region_includes_tax {
        region.insert("includes_tax".into(), Value::Bool(flag));
    }
    region.insert("tax_rates".into(), json!([]));
    json.insert("region".into(), Value::Object(region));
    json.insert(
        "shipping_address".into(),
        rows.shipping_address
            .as_ref()
            .map(|a| value(&a.address))
            .transpose()?
            .unwrap_or(Value::Null),
    );
    let methods = rows
        .shipping_methods
        .iter()
        .map(|m| {
            let mut shown = to_map(&m.method)?;
            shown.insert(
                "shipping_option".into(),
                m.option
                    .as_ref()
                    .map(value)
                    .transpose()?
                    .unwrap_or(Value::Null),
            );
            Ok(Value::Object(shown))
        })
        .collect::<Result<Vec<_>>>()?;
    json.insert("shipping_methods".into(), Value::Array(methods));
    json.insert("subtotal".into(), json!(totals.subtotal));
    json.insert("tax_total".into(), json!(totals.tax_total));
    json.insert("shipping_total".into(), json!(totals.shipping_total));
    json.insert("discount_total".into(), json!(totals.discount_total));
    json.insert("gift_card_total".into(), number(totals.gift_card_total));
    json.insert(
        "gift_card_tax_total".into(),
        json!(totals.gift_card_tax_total),
    );
    json.insert("total".into(), number(totals.total));
    Ok(Value::Object(json))
}

/// `GET /admin/swaps/{id}`.
pub async fn swap_json<C: Connection>(conn: &C, id: &str, tax_inclusive: bool) -> Result<Value> {
    let swap = find_swap(conn, id).await?;
    let mut json = pick(&to_map(&swap)?, SWAP_FIELDS);

    let additional = line_item::Entity::find()
        .filter(line_item::Column::SwapId.eq(swap.id.clone()))
        .order_by_asc(line_item::Column::CreatedAt)
        .all(conn)
        .await?;
    let mut items = Vec::new();
    for item in &additional {
        let mut shown = to_map(item)?;
        shown.insert(
            "adjustments".into(),
            adjustments_json(&adjustments_of(conn, &item.id).await?)?,
        );
        items.push(Value::Object(shown));
    }
    json.insert("additional_items".into(), Value::Array(items));

    let fulfillments = fulfillment::Entity::find()
        .filter(fulfillment::Column::SwapId.eq(swap.id.clone()))
        .all(conn)
        .await?;
    // A fulfillment's lines are an eager relation.
    let ful_ids: Vec<String> = fulfillments.iter().map(|f| f.id.clone()).collect();
    let lines = if ful_ids.is_empty() {
        Vec::new()
    } else {
        fulfillment_item::Entity::find()
            .filter(fulfillment_item::Column::FulfillmentId.is_in(ful_ids))
            .all(conn)
            .await?
    };
    let fulfillments = fulfillments
        .iter()
        .map(|f| {
            let mut shown = to_map(f)?;
            let own = lines
                .iter()
                .filter(|l| l.fulfillment_id == f.id)
                .map(value)
                .collect::<Result<Vec<_>>>()?;
            shown.insert("items".into(), Value::Array(own));
            Ok(Value::Object(shown))
        })
        .collect::<Result<Vec<_>>>()?;
    json.insert("fulfillments".into(), Value::Array(fulfillments));

    let parent = order::Entity::find_by_id(swap.order_id.clone())
        .one(conn)
        .await?;
    let parent = match parent {
        Some(o) => {
            let mut m = Map::new();
            m.insert("object".into(), json!("order"));
            m.extend(to_map(&o)?);
            Value::Object(m)
        }
        None => Value::Null,
    };
    json.insert("order".into(), parent);

    let paid = payment::Entity::find()
        .filter(payment::Column::SwapId.eq(swap.id.clone()))
        .one(conn)
        .await?;
    json.insert(
        "payment".into(),
        paid.as_ref().map(value).transpose()?.unwrap_or(Value::Null),
    );

    let ret = r#return::Entity::find()
        .filter(r#return::Column::SwapId.eq(swap.id.clone()))
        .one(conn)
        .await?;
    let ret = match ret {
        Some(r) => {
            let mut m = to_map(&r)?;
            let lines = return_item::Entity::find()
                .filter(return_item::Column::ReturnId.eq(r.id.clone()))
                .all(conn)
                .await?;
            m.insert(
                "items".into(),
                serde_json::to_value(&lines).unwrap_or(json!([])),
            );
            Value::Object(m)
        }
        None => Value::Null,
    };
    json.insert("return_order".into(), ret);

    let address = match &swap.shipping_address_id {
        Some(id) => address::Entity::find_by_id(id.clone()).one(conn).await?,
        None => None,
    };
    json.insert(
        "shipping_address".into(),
        address
            .as_ref()
            .map(value)
            .transpose()?
            .unwrap_or(Value::Null),
    );

    let methods = shipping_method::Entity::find()
        .filter(shipping_method::Column::SwapId.eq(swap.id.clone()))
        .all(conn)
        .await?;
    let option_ids: Vec<String> = methods
        .iter()
        .map(|m| m.shipping_option_id.clone())
        .collect();
    let options = if option_ids.is_empty() {
        Vec::new()
    } else {
        shipping_option::Entity::find()
            .filter(shipping_option::Column::Id.is_in(option_ids))
            .all(conn)
            .await?
    };
    let methods = methods
        .iter()
        .map(|m| {
            let mut shown = to_map(m)?;
            let option = options.iter().find(|o| o.id == m.shipping_option_id);
            shown.insert(
                "shipping_option".into(),
                option.map(value).transpose()?.unwrap_or(Value::Null),
            );
            Ok(Value::Object(shown))
        })
        .collect::<Result<Vec<_>>>()?;
    json.insert("shipping_methods".into(), Value::Array(methods));

    let cart = match &swap.cart_id {
        Some(id) => cart_json(conn, id, tax_inclusive).await?,
        None => Value::Null,
    };
    json.insert("cart".into(), cart);
    Ok(Value::Object(json))
}
