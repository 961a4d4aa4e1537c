//! Medusa's order export (`order-export`): one line per order, newest first, amounts in
//! minor units as Medusa's totals give them, `Date` as JavaScript's `toUTCString()`. Unlike
//! the product export, Medusa writes the cells as they are (no quoting), and so do we.

use std::io::Write;

use medusa_core::{FeatureFlags, Flag, Result};
use medusa_order::{plan_order_list, OrderService, SeaOrderService};
use sea_orm::{ConnectionTrait, DatabaseConnection};
use serde_json::{Map, Value};

use crate::csv_format::{DELIMITER, NEWLINE};
use crate::export_pages::{list_window, write_pages};
use medusa_core::number::js_text;

/// Medusa's page size for an export without `limit`.
pub const PAGE_SIZE: u64 = 50;

/// The columns Medusa's strategy selects by default.
pub const DEFAULT_FIELDS: &[&str] = &[
    "id",
    "display_id",
    "status",
    "created_at",
    "fulfillment_status",
    "payment_status",
    "subtotal",
    "shipping_total",
    "discount_total",
    "gift_card_total",
    "refunded_total",
    "tax_total",
    "total",
    "currency_code",
    "region_id",
];

/// One group of columns, written when its field or relation is selected.
struct Descriptor {
    field: &'static str,
    titles: &'static [&'static str],
}

const DESCRIPTORS: &[Descriptor] = &[
    Descriptor {
        field: "id",
        titles: &["Order_ID"],
    },
    Descriptor {
        field: "display_id",
        titles: &["Display_ID"],
    },
    Descriptor {
        field: "status",
        titles: &["Order status"],
    },
    Descriptor {
        field: "created_at",
        titles: &["Date"],
    },
    Descriptor {
        field: "customer",
        titles: &[
            "Customer First name",
            "Customer Last name",
            "Customer Email",
            "Customer ID",
        ],
    },
    Descriptor {
        field: "shipping_address",
        titles: &[
            "Shipping Address 1",
            "Shipping Address 2",
            "Shipping Country Code",
            "Shipping City",
            "Shipping Postal Code",
            "Shipping Region ID",
        ],
    },
    Descriptor {
        field: "fulfillment_status",
        titles: &["Fulfillment Status"],
    },
    Descriptor {
        field: "payment_status",
        titles: &["Payment Status"],
    },
    Descriptor {
        field: "subtotal",
        titles: &["Subtotal"],
    },
    Descriptor {
        field: "shipping_total",
        titles: &["Shipping Total"],
    },
    Descriptor {
        field: "discount_total",
        titles: &["Discount Total"],
    },
    Descriptor {
        field: "gift_card_total",
        titles: &["Gift Card Total"],
    },
    Descriptor {
        field: "refunded_total",
        titles: &["Refunded Total"],
    },
    Descriptor {
        field: "tax_total",
        titles: &["Tax Total"],
    },
    Descriptor {
        field: "total",
        titles: &["Total"],
    },
    Descriptor {
        field: "currency_code",
        titles: &["Currency Code"],
    },
    Descriptor {
        field: "sales_channel",
        titles: &["Sales channel name", "Sales channel description"],
    },
];

/// What an order export reads (`context.list_config`).
#[derive(Debug, Clone, PartialEq)]
pub struct OrderList {
    pub skip: u64,
    pub take: u64,
    pub select: Vec<String>,
    pub relations: Vec<String>,
}

impl OrderList {
    pub fn from_context(context: &Map<String, Value>) -> Self {
        let (config, skip, take) = list_window(context, PAGE_SIZE);
        let strings = |key: &str| -> Vec<String> {
            config
                .and_then(|c| c.get(key))
                .and_then(Value::as_array)
                .map(|a| {
                    a.iter()
                        .filter_map(Value::as_str)
                        .map(str::to_owned)
                        .collect()
                })
                .unwrap_or_default()
        };
        Self {
            skip,
            take,
            select: strings("select"),
            relations: strings("relations"),
        }
    }

    fn descriptors(&self) -> impl Iterator<Item = &'static Descriptor> + '_ {
        DESCRIPTORS.iter().filter(|d| {
            self.select.iter().any(|f| f == d.field) || self.relations.iter().any(|r| r == d.field)
        })
    }

    pub fn header(&self) -> String {
        let titles: Vec<&str> = self
            .descriptors()
            .flat_map(|d| d.titles.iter().copied())
            .collect();
        format!("{}{NEWLINE}", titles.join(DELIMITER))
    }

    fn line(&self, order: &Value) -> String {
        let cells: Vec<String> = self
            .descriptors()
            .map(|d| cells_of(d.field, order))
            .collect();
        format!("{}{NEWLINE}", cells.join(DELIMITER))
    }
}

fn text(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.as_f64().map(js_text).unwrap_or_default(),
        Some(other) => other.to_string(),
    }
}

/// A timestamp as JavaScript's `Date.prototype.toUTCString` writes it.
fn utc_string(value: Option<&Value>) -> String {
    value
        .and_then(Value::as_str)
        .and_then(|s| chrono::DateTime::parse_from_rfc3339(s).ok())
        .map(|d| {
            d.with_timezone(&chrono::Utc)
                .format("%a, %d %b %Y %H:%M:%S GMT")
                .to_string()
        })
        .unwrap_or_default()
}

fn cells_of(field: &str, order: &Value) -> String {
    let of = |object: &str, keys: &[&str]| -> Vec<String> {
        keys.iter()
            .map(|k| text(order.get(object).and_then(|o| o.get(*k))))
            .collect()
    };
    match field {
        "created_at" => utc_string(order.get("created_at")),
        "customer" => of("customer", &["first_name", "last_name", "email", "id"]).join(DELIMITER),
        "shipping_address" => {
            let mut cells = of(
                "shipping_address",
                &[
                    "address_1",
                    "address_2",
                    "country_code",
                    "city",
                    "postal_code",
                ],
            );
            cells.push(text(order.get("region_id")));
            cells.join(DELIMITER)
        }
        "sales_channel" => of("sales_channel", &["name", "description"]).join(DELIMITER),
        other => text(order.get(other)),
    }
}

/// Reads orders for an export.
pub struct OrderExport<'a> {
    pub db: &'a DatabaseConnection,
    /// The server's flags: the list's default relations and the totals follow them.
    pub flags: FeatureFlags,
}

impl OrderExport<'_> {
    async fn page(&self, list: &OrderList, offset: u64, limit: u64) -> Result<(Vec<Value>, u64)> {
        let mut fields = list.select.clone();
        for needed in ["region_id", "created_at"] {
            if !fields.iter().any(|f| f == needed) {
                fields.push(needed.to_owned());
            }
        }
        let query = format!(
            "offset={offset}&limit={limit}&order=-created_at&fields={}&expand={}",
            fields.join(","),
            list.relations.join(",")
        );
        let sales_channels = self.flags.is_enabled(Flag::SalesChannels);
        let plan = plan_order_list(&query, self.db.get_database_backend(), sales_channels)?;
        let page = SeaOrderService::new(self.db.clone(), self.flags)
            .list(&plan)
            .await?;
        Ok((page.items, page.count))
    }

    /// Pre-processing: how many orders the export will write.
    pub async fn count(&self, list: &OrderList) -> Result<u64> {
        let (_, count) = self.page(list, list.skip, 1).await?;
        Ok(count.saturating_sub(list.skip))
    }

    /// Writes the export to `out`, calling `on_page(done, total, bytes)` after each page
    /// (`false` stops early); answers the bytes written.
    pub async fn write<W, F, Fut>(&self, list: &OrderList, out: &mut W, on_page: F) -> Result<u64>
    where
        W: Write,
        F: FnMut(u64, u64, u64) -> Fut,
        Fut: std::future::Future<Output = Result<bool>>,
    {
        write_pages(
            out,
            &list.header(),
            list.skip,
            |offset| self.page(list, offset, list.take),
            |order| list.line(order),
            on_page,
        )
        .await
    }
}
