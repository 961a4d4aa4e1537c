//! The currency rows (the migrations insert them) as `GET /admin/currencies` lists them, and
//! `POST /admin/currencies/{code}`, which only sets `includes_tax`.
//!
//! `includes_tax` exists only with Medusa's tax-inclusive pricing flag: with the flag off the
//! column is not mapped (answers leave it out, bodies may not carry it, the update route is a
//! 404); with it on, answers carry it and the list filters and sorts by it.

use crate::events;
use crate::input::UpdateCurrency;
use async_trait::async_trait;
use medusa_core::{Error, FeatureFlags, Flag, ListPage, Result};
use medusa_entity::currency;
use medusa_entity::includes_tax::{self, Table};
use medusa_query_dsl::{Column, FieldKind, FilterSpec, ListPlan, Pagination, ResourceSpec};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    TransactionTrait,
};
use serde::ser::{Serialize, SerializeMap, Serializer};

use medusa_query_dsl::in_insertion_order;

/// `GET /admin/currencies`: `code` (exact), `q` over code and name, `order` on any column,
/// 20 per page, database order by default. As in Medusa, `q` replaces the `code` filter
/// rather than narrowing it.
pub static CURRENCY_LIST: ResourceSpec = ResourceSpec {
    key: "code",
    pagination: Some(Pagination::uncapped(20)),
    sortable: &["code", "symbol", "symbol_native", "name"],
    filters: &[FilterSpec::value("code", FieldKind::Text).ignored_with_q()],
    searchable: &[Column::own("code"), Column::own("name")],
    ..ResourceSpec::new("currencies", "currency")
};

/// [`CURRENCY_LIST`] with the tax-inclusive pricing flag on: `includes_tax` is a column to
/// filter (`AdminGetCurrenciesParams.includes_tax`) and sort by.
pub static CURRENCY_LIST_TAX_INCLUSIVE: ResourceSpec = ResourceSpec {
    sortable: &["code", "symbol", "symbol_native", "name", "includes_tax"],
    filters: &[
        FilterSpec::value("code", FieldKind::Text).ignored_with_q(),
        FilterSpec::value("includes_tax", FieldKind::Bool),
    ],
    ..CURRENCY_LIST
};

/// The list spec for a server running with `flags`.
pub fn currency_list_spec(flags: FeatureFlags) -> &'static ResourceSpec {
    if flags.is_enabled(Flag::TaxInclusivePricing) {
        &CURRENCY_LIST_TAX_INCLUSIVE
    } else {
        &CURRENCY_LIST
    }
}

/// A currency as Medusa answers it: its columns, and `includes_tax` when the flag maps it.
#[derive(Debug, Clone, PartialEq)]
pub struct CurrencyView {
    pub currency: currency::Model,
    /// `None` with the tax-inclusive pricing flag off (not serialized).
    pub includes_tax: Option<bool>,
}

impl Serialize for CurrencyView {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let currency = &self.currency;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("code", &currency.code)?;
        map.serialize_entry("symbol", &currency.symbol)?;
        map.serialize_entry("symbol_native", &currency.symbol_native)?;
        map.serialize_entry("name", &currency.name)?;
        if let Some(includes_tax) = self.includes_tax {
            map.serialize_entry("includes_tax", &includes_tax)?;
        }
        map.end()
    }
}

/// Reads and updates the currency rows.
#[async_trait]
pub trait CurrencyService: Send + Sync {
    /// One page of currencies for a plan made from [`currency_list_spec`].
    async fn list(&self, plan: &ListPlan) -> Result<ListPage<CurrencyView>>;
    /// `POST /admin/currencies/{code}`: a 404 (Medusa's bare "Not Found", as for an unknown
    /// route) with the tax-inclusive pricing flag off; otherwise sets `includes_tax` and
    /// records `currency.updated`. The code matches in any case.
    async fn update(&self, code: &str, input: UpdateCurrency) -> Result<CurrencyView>;
}

/// [`CurrencyService`] on a sea-orm database.
#[derive(Debug, Clone)]
pub struct SeaCurrencyService {
    db: DatabaseConnection,
    flags: FeatureFlags,
}

impl SeaCurrencyService {
    pub fn new(db: DatabaseConnection, flags: FeatureFlags) -> Self {
        Self { db, flags }
    }

    fn tax_inclusive(&self) -> bool {
        self.flags.is_enabled(Flag::TaxInclusivePricing)
    }
}

/// `rows` as views, with `includes_tax` read when `tax_inclusive`.
async fn views<C: ConnectionTrait>(
    conn: &C,
    rows: Vec<currency::Model>,
    tax_inclusive: bool,
) -> Result<Vec<CurrencyView>> {
    let mut views: Vec<CurrencyView> = rows
        .into_iter()
        .map(|currency| CurrencyView {
            currency,
            includes_tax: None,
        })
        .collect();
    if tax_inclusive {
        includes_tax::fill(conn, Table::Currency, &mut views, |view| {
            (&view.currency.code, &mut view.includes_tax)
        })
        .await?;
    }
    Ok(views)
}

#[async_trait]
impl CurrencyService for SeaCurrencyService {
    async fn list(&self, plan: &ListPlan) -> Result<ListPage<CurrencyView>> {
        let db = &self.db;
        let count = plan.apply_count(currency::Entity::find()).count(db).await?;
        // Without `order` Medusa returns the table's own order; say so explicitly so
        // pages are stable and match Medusa's on the same database.
        let query = if plan.order.is_empty() {
            in_insertion_order(currency::Entity::find(), db.get_database_backend())
        } else {
            currency::Entity::find()
        };
        let items = plan.apply(query).all(db).await?;
        let items = views(db, items, self.tax_inclusive()).await?;
        Ok(plan.page("currencies", items, count))
    }

    async fn update(&self, code: &str, input: UpdateCurrency) -> Result<CurrencyView> {
        if !self.tax_inclusive() {
            return Err(Error::not_found("Not Found"));
        }
        let lower = code.to_lowercase();
        let txn = self.db.begin().await?;
        let row = currency::Entity::find()
            .filter(currency::Column::Code.eq(lower.as_str()))
            .one(&txn)
            .await?
            .ok_or_else(|| {
                Error::not_found(format!("Currency with code: {lower} was not found"))
            })?;
        if let Some(value) = input.includes_tax {
            includes_tax::write(&txn, Table::Currency, &row.code, value).await?;
        }
        // Medusa's payload carries the code as the path gave it.
        let event = events::CurrencyUpdated {
            code: code.to_owned(),
        };
        medusa_events::record_event(&txn, &event).await?;
        let view = views(&txn, vec![row], true).await?;
        txn.commit().await?;
        view.into_iter()
            .next()
            .ok_or_else(|| Error::not_found(format!("Currency with code: {lower} was not found")))
    }
}
