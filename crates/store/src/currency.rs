//! The currency rows (the migrations insert them) as `GET /admin/currencies` lists them.
//!
//! There is no update: Medusa's `POST /admin/currencies/{code}` only sets `includes_tax`,
//! which exists behind the tax-inclusive pricing flag (off in 1.20) and has no column in
//! this schema.

use async_trait::async_trait;
use medusa_core::{ListPage, Result};
use medusa_entity::currency;
use medusa_query_dsl::{Column, FieldKind, FilterSpec, ListPlan, Pagination, ResourceSpec};
use sea_orm::{ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait};

use medusa_query_dsl::in_insertion_order;

/// `GET /admin/currencies`: `code` (exact), `q` over code and name, `order` on any column,
/// 20 per page, database order by default. As in Medusa, `q` replaces the `code` filter
/// rather than narrowing it.
pub static CURRENCY_LIST: ResourceSpec = ResourceSpec {
    key: "code",
    pagination: Some(Pagination {
        default_limit: 20,
        max_limit: None,
    }),
    sortable: &["code", "symbol", "symbol_native", "name"],
    filters: &[FilterSpec::value("code", FieldKind::Text).ignored_with_q()],
    searchable: &[Column::own("code"), Column::own("name")],
    ..ResourceSpec::new("currencies", "currency")
};

/// Reads the currency rows.
#[async_trait]
pub trait CurrencyService: Send + Sync {
    /// One page of currencies for a plan made from [`CURRENCY_LIST`].
    async fn list(&self, plan: &ListPlan) -> Result<ListPage<currency::Model>>;
}

/// [`CurrencyService`] on a sea-orm database.
#[derive(Debug, Clone)]
pub struct SeaCurrencyService {
    db: DatabaseConnection,
}

impl SeaCurrencyService {
    pub fn new(db: DatabaseConnection) -> Self {
        Self { db }
    }
}

#[async_trait]
impl CurrencyService for SeaCurrencyService {
    async fn list(&self, plan: &ListPlan) -> Result<ListPage<currency::Model>> {
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
        Ok(plan.page("currencies", items, count))
    }
}
