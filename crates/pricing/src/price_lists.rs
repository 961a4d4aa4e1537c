//! Price lists: listing, reading, creating, updating and (hard) deleting them, and adding and
//! removing their prices.
//!
//! Medusa's `PriceListService` emits no events, so none are recorded here.

use medusa_core::new_row::stamped;
use std::collections::{HashMap, HashSet};

use async_trait::async_trait;
use medusa_core::subquery::column_where;
use medusa_core::{generate_id, Error, FeatureFlags, ListPage, Result};
use medusa_entity::includes_tax::{self, Table};
use medusa_entity::{
    currency, customer_group, money_amount, price_list, price_list_customer_groups, product,
    product_variant, product_variant_money_amount,
};
use medusa_load::live_or;
use medusa_load::Connection;
use medusa_product::prices::{insert_variant_prices, region_currencies, NewPrice};
use medusa_query_dsl::{
    Column, FieldKind, FilterSpec, ListPlan, Pagination, RawQuery, RelationSpec, ResourceSpec,
    NEWEST_FIRST,
};
use sea_orm::sea_query::{Expr, IntoCondition};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbBackend, EntityTrait,
    IntoActiveModel, JoinType, Order, QueryFilter, QueryOrder, QuerySelect, Set, TransactionTrait,
};

use crate::input::{AddPrices, CreatePriceList, PriceInput, UpdatePriceList};
use crate::tax_inclusive;
use crate::view::{self, PriceListView, Relations};

const STATUS: FieldKind = FieldKind::Enum {
    type_name: "price_list_status_enum",
    values: &["active", "draft"],
};
const TYPE: FieldKind = FieldKind::Enum {
    type_name: "price_list_type_enum",
    values: &["sale", "override"],
};

/// `GET /admin/price-lists`: Medusa's `AdminGetPriceListPaginationParams` (limit 10, no
/// `fields`, no default relations). `q` searches the name, the description and the names of
/// the list's customer groups; `customer_groups[]` keeps lists linked to one of those groups.
pub static PRICE_LIST_LIST: ResourceSpec = ResourceSpec {
    pagination: Some(Pagination::uncapped(10)),
    default_order: NEWEST_FIRST,
    sortable: &[
        "id",
        "name",
        "description",
        "type",
        "status",
        "starts_at",
        "ends_at",
        "created_at",
        "updated_at",
        "deleted_at",
    ],
    filters: &[
        FilterSpec::value("id", FieldKind::Text),
        FilterSpec::value("name", FieldKind::Text),
        FilterSpec::value("description", FieldKind::Text),
        FilterSpec::value("status", STATUS).list(),
        FilterSpec::value("type", TYPE).list(),
        FilterSpec::range("created_at", FieldKind::Date),
        FilterSpec::range("updated_at", FieldKind::Date),
        FilterSpec::range("deleted_at", FieldKind::Date),
    ],
    searchable: &[
        Column::own("name"),
        Column::own("description"),
        Column::of("customer_group", "name"),
    ],
    expandable: true,
    relations: &[
        RelationSpec::new("prices").children(&[RelationSpec::new("variants")]),
        RelationSpec::new("customer_groups"),
    ],
    soft_delete: true,
    passthrough: &["customer_groups"],
    ..ResourceSpec::new("price_lists", "price_list")
};

/// A planned `GET /admin/price-lists`: the grammar's plan plus the group filter it cannot
/// express.
#[derive(Debug, Clone)]
pub struct PriceListQuery {
    pub plan: ListPlan,
    /// `customer_groups[]`: group ids.
    pub customer_groups: Option<Vec<String>>,
}

impl PriceListQuery {
    /// Plans a list request from its query string.
    pub fn parse(query_string: &str, backend: DbBackend) -> Result<Self> {
        let raw: RawQuery = medusa_query_dsl::parse(query_string)?;
        let plan = medusa_query_dsl::plan(&PRICE_LIST_LIST, &raw, backend)?;
        let customer_groups = medusa_query_dsl::passthrough_list(&raw, "customer_groups")?
            .map(|ids| ids.into_iter().map(str::to_owned).collect());
        Ok(Self {
            plan,
            customer_groups,
        })
    }
}

/// Managing price lists. Deleting is a hard delete, as Medusa's `remove`.
#[async_trait]
pub trait PriceListService: Send + Sync {
    async fn list(&self, query: &PriceListQuery) -> Result<ListPage<PriceListView>>;
    /// A list with its prices (and their variants) and customer groups.
    async fn retrieve(&self, id: &str) -> Result<PriceListView>;
    async fn create(&self, input: CreatePriceList) -> Result<PriceListView>;
    async fn update(&self, id: &str, input: UpdatePriceList) -> Result<PriceListView>;
    /// Deletes the list, its prices and its group links; a missing list is no error.
    async fn delete(&self, id: &str) -> Result<()>;
    async fn add_prices(&self, id: &str, input: AddPrices) -> Result<PriceListView>;
    /// Deletes those of the given prices that belong to the list.
    async fn delete_prices(&self, id: &str, price_ids: &[String]) -> Result<()>;
    /// Deletes the list's prices of the live variants of these live products; the deleted
    /// price ids.
    async fn delete_product_prices(&self, id: &str, product_ids: &[String]) -> Result<Vec<String>>;
    /// Deletes the list's prices of these live variants; the deleted price ids.
    async fn delete_variant_prices(&self, id: &str, variant_ids: &[String]) -> Result<Vec<String>>;
    /// The products with prices in the list, planned by [`crate::plan_products`] (an unknown
    /// list has none).
    async fn list_products(
        &self,
        id: &str,
        query: &medusa_product::ProductQuery,
    ) -> Result<ListPage<serde_json::Value>>;
}

/// [`PriceListService`] over the database.
#[derive(Debug, Clone)]
pub struct SeaPriceListService {
    db: DatabaseConnection,
    flags: FeatureFlags,
}

pub(crate) const PRICE_LIST_ID_PREFIX: &str = "pl";

pub(crate) fn price_list_not_found(id: &str) -> Error {
    Error::not_found(format!("Price list with id: {id} was not found"))
}

impl SeaPriceListService {
    /// The price lists of `db`; `includes_tax` is read and written only when `flags` have
    /// tax-inclusive pricing on.
    pub fn new(db: DatabaseConnection, flags: FeatureFlags) -> Self {
        Self { db, flags }
    }

    /// The list with its default relations, as every single-list answer gives it.
    async fn view<C: Connection>(&self, conn: &C, id: &str) -> Result<PriceListView> {
        let mut view = retrieve_view(conn, id).await?;
        tax_inclusive::attach(conn, self.flags, std::slice::from_mut(&mut view)).await?;
        Ok(view)
    }

    /// Deletes the list's prices of some products or variants; answers their ids.
    async fn delete_prices_of(&self, id: &str, owner: Owner<'_>) -> Result<Vec<String>> {
        let txn = self.db.begin().await?;
        let ids = list_prices_of(&txn, id, owner).await?;
        // Medusa only looks the list up when there is something to delete.
        if !ids.is_empty() {
            find_list(&txn, id).await?;
            delete_price_rows(&txn, id, &ids).await?;
        }
        txn.commit().await?;
        Ok(ids)
    }
}

/// The live list, or Medusa's 404.
pub(crate) async fn find_list<C: ConnectionTrait>(conn: &C, id: &str) -> Result<price_list::Model> {
    live_or::<price_list::Entity, _>(conn, id, || price_list_not_found(id)).await
}

async fn retrieve_view<C: Connection>(conn: &C, id: &str) -> Result<PriceListView> {
    let list = find_list(conn, id).await?;
    let mut views = view::load(conn, vec![list], Relations::DEFAULT).await?;
    views.pop().ok_or_else(|| price_list_not_found(id))
}

#[async_trait]
impl PriceListService for SeaPriceListService {
    async fn list(&self, query: &PriceListQuery) -> Result<ListPage<PriceListView>> {
        let plan = &query.plan;
        let mut select = price_list::Entity::find();
        // Searching group names and filtering by group need the group links joined; one row
        // per list is kept with DISTINCT so pages and the count stay right.
        if plan.search.is_some() || query.customer_groups.is_some() {
            select =
                select
                    .join(
                        JoinType::LeftJoin,
                        medusa_load::references::<
                            price_list_customer_groups::Entity,
                            price_list::Entity,
                        >(
                            price_list_customer_groups::Column::PriceListId,
                            price_list::Column::Id,
                        )
                        .rev(),
                    )
                    .join(
                        JoinType::LeftJoin,
                        medusa_load::references::<
                            price_list_customer_groups::Entity,
                            customer_group::Entity,
                        >(
                            price_list_customer_groups::Column::CustomerGroupId,
                            customer_group::Column::Id,
                        )
                        .on_condition(|_, group| {
                            Expr::col((group, customer_group::Column::DeletedAt))
                                .is_null()
                                .into_condition()
                        }),
                    )
                    .distinct();
            if let Some(groups) = &query.customer_groups {
                select = select
                    .filter(
                        price_list_customer_groups::Column::CustomerGroupId
                            .is_in(groups.iter().cloned()),
                    )
                    .filter(customer_group::Column::Id.is_not_null());
            }
        }
        let (rows, count) = plan.rows_and_count(&self.db, select).await?;
        let selection = &plan.selection;
        // Medusa loads the groups whenever it searched or filtered through them.
        let relations = Relations {
            customer_groups: selection.has_relation("customer_groups")
                || plan.search.is_some()
                || query.customer_groups.is_some(),
            prices: selection.has_relation("prices"),
            price_variants: selection.has_relation("prices.variants"),
            variant_shortcut: false,
        };
        let mut items = view::load(&self.db, rows, relations).await?;
        tax_inclusive::attach(&self.db, self.flags, &mut items).await?;
        Ok(plan.page("price_lists", items, count))
    }

    async fn retrieve(&self, id: &str) -> Result<PriceListView> {
        self.view(&self.db, id).await
    }

    async fn create(&self, input: CreatePriceList) -> Result<PriceListView> {
        let txn = self.db.begin().await?;
        let now = medusa_core::time::now();
        let list = price_list::ActiveModel {
            id: Set(generate_id(PRICE_LIST_ID_PREFIX)),
            name: Set(input.name),
            description: Set(input.description),
            r#type: Set(input.list_type),
            status: Set(input
                .status
                .unwrap_or(medusa_entity::sea_orm_active_enums::PriceListStatusEnum::Draft)),
            starts_at: Set(input.starts_at),
            ends_at: Set(input.ends_at),
            ..stamped(now)
        }
        .insert(&txn)
        .await?;
        let prices = resolve_prices(&txn, &input.prices).await?;
        insert_prices(&txn, &list.id, &prices, now).await?;
        if let Some(groups) = &input.customer_groups {
            replace_customer_groups(&txn, &list.id, groups).await?;
        }
        includes_tax::write_if_changed(&txn, Table::PriceList, &list.id, input.includes_tax)
            .await?;
        let created = self.view(&txn, &list.id).await?;
        txn.commit().await?;
        Ok(created)
    }

    async fn update(&self, id: &str, input: UpdatePriceList) -> Result<PriceListView> {
        let txn = self.db.begin().await?;
        let current = find_list(&txn, id).await?;
        let now = medusa_core::time::now();
        if let Some(prices) = &input.prices {
            let (existing, new): (Vec<PriceInput>, Vec<PriceInput>) =
                prices.iter().cloned().partition(|p| p.id.is_some());
            update_prices(&txn, id, &existing, now).await?;
            let new = resolve_prices(&txn, &new).await?;
            insert_prices(&txn, id, &new, now).await?;
        }
        if let Some(groups) = &input.customer_groups {
            replace_customer_groups(&txn, id, groups).await?;
        }
        // Like TypeORM's `save`, the row (and its `updated_at`) is written only when a column
        // actually changes.
        let mut row = current.clone().into_active_model();
        if let Some(name) = input.name {
            row.name = Set(name);
        }
        if let Some(description) = input.description {
            row.description = Set(description);
        }
        if let Some(list_type) = input.list_type {
            row.r#type = Set(list_type);
        }
        if let Some(status) = input.status {
            row.status = Set(status);
        }
        if let Some(starts_at) = input.starts_at {
            row.starts_at = Set(starts_at);
        }
        if let Some(ends_at) = input.ends_at {
            row.ends_at = Set(ends_at);
        }
        let changed = row.name.as_ref() != &current.name
            || row.description.as_ref() != &current.description
            || row.r#type.as_ref() != &current.r#type
            || row.status.as_ref() != &current.status
            || row.starts_at.as_ref() != &current.starts_at
            || row.ends_at.as_ref() != &current.ends_at;
        let includes_tax_changed =
            includes_tax::write_if_changed(&txn, Table::PriceList, id, input.includes_tax).await?;
        if changed || includes_tax_changed {
            row.updated_at = Set(now);
            row.update(&txn).await?;
        }
        let updated = self.view(&txn, id).await?;
        txn.commit().await?;
        Ok(updated)
    }

    async fn delete(&self, id: &str) -> Result<()> {
        let txn = self.db.begin().await?;
        // Spelled out rather than left to the foreign keys' cascades, which SQLite may not
        // enforce and which would leave the variant links behind.
        product_variant_money_amount::Entity::delete_many()
            .filter(
                product_variant_money_amount::Column::MoneyAmountId.in_subquery(column_where(
                    money_amount::Column::Id,
                    money_amount::Column::PriceListId.eq(id),
                )),
            )
            .exec(&txn)
            .await?;
        money_amount::Entity::delete_many()
            .filter(money_amount::Column::PriceListId.eq(id))
            .exec(&txn)
            .await?;
        price_list_customer_groups::Entity::delete_many()
            .filter(price_list_customer_groups::Column::PriceListId.eq(id))
            .exec(&txn)
            .await?;
        price_list::Entity::delete_by_id(id).exec(&txn).await?;
        txn.commit().await?;
        Ok(())
    }

    async fn add_prices(&self, id: &str, input: AddPrices) -> Result<PriceListView> {
        let txn = self.db.begin().await?;
        find_list(&txn, id).await?;
        let now = medusa_core::time::now();
        // The batch is validated as updates, but an `id` there is ignored: every price is new.
        let prices = resolve_prices(&txn, &input.prices).await?;
        let inserted = insert_prices(&txn, id, &prices, now).await?;
        if input.replace {
            let others = money_amount::Entity::find()
                .select_only()
                .column(money_amount::Column::Id)
                .filter(money_amount::Column::PriceListId.eq(id))
                .filter(money_amount::Column::Id.is_not_in(inserted))
                .into_tuple::<String>()
                .all(&txn)
                .await?;
            delete_price_rows(&txn, id, &others).await?;
        }
        let updated = self.view(&txn, id).await?;
        txn.commit().await?;
        Ok(updated)
    }

    async fn delete_prices(&self, id: &str, price_ids: &[String]) -> Result<()> {
        let txn = self.db.begin().await?;
        find_list(&txn, id).await?;
        delete_price_rows(&txn, id, price_ids).await?;
        txn.commit().await?;
        Ok(())
    }

    async fn delete_product_prices(&self, id: &str, product_ids: &[String]) -> Result<Vec<String>> {
        self.delete_prices_of(id, Owner::Products(product_ids))
            .await
    }

    async fn delete_variant_prices(&self, id: &str, variant_ids: &[String]) -> Result<Vec<String>> {
        self.delete_prices_of(id, Owner::Variants(variant_ids))
            .await
    }

    async fn list_products(
        &self,
        id: &str,
        query: &medusa_product::ProductQuery,
    ) -> Result<ListPage<serde_json::Value>> {
        crate::products::list_products(&self.db, id, query).await
    }
}

/// A new price of a list and its variant: its currency known (a region price takes the
/// region's).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ResolvedPrice {
    pub variant_id: String,
    pub price: NewPrice,
}

/// Checks what new prices refer to (regions, currencies, variants) and gives region prices
/// their region's currency. Medusa answers a 500 for an unknown region and silently stores a
/// price without variant for an unknown variant; both are 404s here.
async fn resolve_prices<C: ConnectionTrait>(
    conn: &C,
    prices: &[PriceInput],
) -> Result<Vec<ResolvedPrice>> {
    if prices.is_empty() {
        return Ok(Vec::new());
    }
    let region_ids: HashSet<String> = prices.iter().filter_map(|p| p.region_id.clone()).collect();
    let region_ids: Vec<String> = region_ids.into_iter().collect();
    let region_currency = region_currencies(conn, &region_ids).await?;
    let mut resolved = Vec::with_capacity(prices.len());
    for price in prices {
        let currency_code = match &price.region_id {
            Some(region_id) => currency_of(&region_currency, region_id)?,
            None => price.currency_code.clone().ok_or_else(|| {
                Error::invalid_data(
                    "Can't insert null value in field currency_code on insert in table money_amount",
                )
            })?,
        };
        resolved.push(ResolvedPrice {
            variant_id: price.variant_id.clone(),
            // Any id in the body is ignored: the price is new.
            price: NewPrice {
                id: None,
                currency_code,
                region_id: price.region_id.clone(),
                amount: i64::from(price.amount),
                min_quantity: price.min_quantity.map(i64::from),
                max_quantity: price.max_quantity.map(i64::from),
            },
        });
    }
    let codes: HashSet<String> = resolved
        .iter()
        .map(|p| p.price.currency_code.clone())
        .collect();
    let known_codes: HashSet<String> = currency::Entity::find()
        .select_only()
        .column(currency::Column::Code)
        .filter(currency::Column::Code.is_in(codes))
        .into_tuple::<String>()
        .all(conn)
        .await?
        .into_iter()
        .collect();
    if let Some(price) = resolved
        .iter()
        .find(|p| !known_codes.contains(&p.price.currency_code))
    {
        return Err(Error::not_found(format!(
            "Currency with currency_code {} does not exist.",
            price.price.currency_code
        )));
    }
    let variant_ids: Vec<String> = resolved.iter().map(|p| p.variant_id.clone()).collect();
    require_variants(conn, &variant_ids).await?;
    Ok(resolved)
}

/// The currency of a region price's region, read by [`region_currencies`]; Medusa's 404 for a
/// region that is not live.
fn currency_of(region_currency: &HashMap<String, String>, region_id: &str) -> Result<String> {
    region_currency
        .get(region_id)
        .cloned()
        .ok_or_else(|| Error::not_found(format!("Region with {region_id} was not found")))
}

/// 404 for the first id that is not a live variant.
async fn require_variants<C: ConnectionTrait>(conn: &C, variant_ids: &[String]) -> Result<()> {
    let variants = medusa_load::live::<product_variant::Entity>();
    match medusa_load::missing(conn, variants, variant_ids)
        .await?
        .first()
    {
        Some(missing) => Err(Error::not_found(format!(
            "Variant with id: {missing} was not found"
        ))),
        None => Ok(()),
    }
}

/// Inserts a list's new prices with their variant links; their ids, in the request's order.
async fn insert_prices<C: ConnectionTrait>(
    conn: &C,
    price_list_id: &str,
    prices: &[ResolvedPrice],
    now: medusa_core::time::Timestamp,
) -> Result<Vec<String>> {
    let pairs: Vec<(&str, &NewPrice)> = prices
        .iter()
        .map(|resolved| (resolved.variant_id.as_str(), &resolved.price))
        .collect();
    let rows = insert_variant_prices(conn, &pairs, Some(price_list_id), now).await?;
    Ok(rows.into_iter().map(|row| row.id).collect())
}

/// Changes prices of the list named by id: amount, variant, and the currency or region and
/// quantities when given. A price that does not change is not written (its `updated_at`
/// stays), as TypeORM's `save` does. An id that is not a price of this list is a 404 (Medusa
/// would insert it as a new price without a list).
async fn update_prices<C: ConnectionTrait>(
    conn: &C,
    price_list_id: &str,
    prices: &[PriceInput],
    now: medusa_core::time::Timestamp,
) -> Result<()> {
    if prices.is_empty() {
        return Ok(());
    }
    let ids: Vec<String> = prices.iter().filter_map(|p| p.id.clone()).collect();
    let current: HashMap<String, money_amount::Model> = money_amount::Entity::find()
        .filter(money_amount::Column::Id.is_in(ids.iter().cloned()))
        .filter(money_amount::Column::PriceListId.eq(price_list_id))
        .filter(money_amount::Column::DeletedAt.is_null())
        .all(conn)
        .await?
        .into_iter()
        .map(|p| (p.id.clone(), p))
        .collect();
    if let Some(missing) = ids.iter().find(|id| !current.contains_key(*id)) {
        return Err(Error::not_found(format!(
            "Money amount with id: {missing} was not found"
        )));
    }
    let links: HashMap<String, product_variant_money_amount::Model> =
        product_variant_money_amount::Entity::find()
            .filter(product_variant_money_amount::Column::MoneyAmountId.is_in(ids.iter().cloned()))
            .all(conn)
            .await?
            .into_iter()
            .map(|l| (l.money_amount_id.clone(), l))
            .collect();
    let variant_ids: Vec<String> = prices.iter().map(|p| p.variant_id.clone()).collect();
    require_variants(conn, &variant_ids).await?;
    let region_ids: Vec<String> = prices.iter().filter_map(|p| p.region_id.clone()).collect();
    let region_currency = region_currencies(conn, &region_ids).await?;
    for input in prices {
        let Some(price) = input.id.as_ref().and_then(|id| current.get(id)) else {
            continue;
        };
        let mut row = price.clone().into_active_model();
        row.amount = Set(input.amount);
        if let Some(region_id) = &input.region_id {
            let currency = currency_of(&region_currency, region_id)?;
            row.region_id = Set(Some(region_id.clone()));
            row.currency_code = Set(currency);
        } else if let Some(code) = &input.currency_code {
            let known = currency::Entity::find_by_id(code.clone()).one(conn).await?;
            if known.is_none() {
                return Err(Error::not_found(format!(
                    "Currency with currency_code {code} does not exist."
                )));
            }
            row.currency_code = Set(code.clone());
        }
        if input.min_quantity.is_some() {
            row.min_quantity = Set(input.min_quantity);
        }
        if input.max_quantity.is_some() {
            row.max_quantity = Set(input.max_quantity);
        }
        let changed = row.amount.as_ref() != &price.amount
            || row.region_id.as_ref() != &price.region_id
            || row.currency_code.as_ref() != &price.currency_code
            || row.min_quantity.as_ref() != &price.min_quantity
            || row.max_quantity.as_ref() != &price.max_quantity;
        if changed {
            row.updated_at = Set(now);
            row.update(conn).await?;
        }
        match links.get(&price.id) {
            Some(link) if link.variant_id == input.variant_id => {}
            Some(link) => {
                let mut link = link.clone().into_active_model();
                link.variant_id = Set(input.variant_id.clone());
                link.updated_at = Set(now);
                link.update(conn).await?;
            }
            None => {
                product_variant_money_amount::ActiveModel {
                    id: Set(generate_id("pvma_")),
                    money_amount_id: Set(price.id.clone()),
                    variant_id: Set(input.variant_id.clone()),
                    deleted_at: Set(None),
                    ..stamped(now)
                }
                .insert(conn)
                .await?;
            }
        }
    }
    Ok(())
}

/// Replaces the list's customer groups; an unknown or deleted group is Medusa's 404.
async fn replace_customer_groups<C: ConnectionTrait>(
    conn: &C,
    price_list_id: &str,
    group_ids: &[String],
) -> Result<()> {
    let mut unique: Vec<String> = Vec::with_capacity(group_ids.len());
    for id in group_ids {
        if !unique.contains(id) {
            unique.push(id.clone());
        }
    }
    let groups = medusa_load::live::<customer_group::Entity>();
    if let Some(missing) = medusa_load::missing(conn, groups, &unique).await?.first() {
        return Err(Error::not_found(format!(
            "CustomerGroup with id {missing} was not found"
        )));
    }
    // All links go, then the wanted ones are added in the given order (physical order).
    let list = price_list_customer_groups::Column::PriceListId;
    let group = price_list_customer_groups::Column::CustomerGroupId;
    medusa_load::unlink::<price_list_customer_groups::Entity, C>(
        conn,
        list,
        group,
        price_list_id,
        None,
    )
    .await?;
    medusa_load::link::<price_list_customer_groups::Entity, C>(
        conn,
        list,
        group,
        price_list_id,
        &unique,
    )
    .await
}

/// Hard-deletes prices of the list (ids of other lists' prices are ignored) with their variant
/// links.
async fn delete_price_rows<C: ConnectionTrait>(
    conn: &C,
    price_list_id: &str,
    price_ids: &[String],
) -> Result<()> {
    if price_ids.is_empty() {
        return Ok(());
    }
    product_variant_money_amount::Entity::delete_many()
        .filter(
            product_variant_money_amount::Column::MoneyAmountId.in_subquery(column_where(
                money_amount::Column::Id,
                money_amount::Column::PriceListId
                    .eq(price_list_id)
                    .and(money_amount::Column::Id.is_in(price_ids.iter().cloned())),
            )),
        )
        .exec(conn)
        .await?;
    money_amount::Entity::delete_many()
        .filter(money_amount::Column::PriceListId.eq(price_list_id))
        .filter(money_amount::Column::Id.is_in(price_ids.iter().cloned()))
        .exec(conn)
        .await?;
    Ok(())
}

/// Whose prices to find.
enum Owner<'a> {
    Products(&'a [String]),
    Variants(&'a [String]),
}

/// The ids of the list's live prices on live variants of the given products (or of the given
/// variants), products newest first, variants by rank, prices in creation order.
async fn list_prices_of<C: ConnectionTrait>(
    conn: &C,
    price_list_id: &str,
    owner: Owner<'_>,
) -> Result<Vec<String>> {
    let mut select = money_amount::Entity::find()
        .select_only()
        .column(money_amount::Column::Id)
        .join(JoinType::InnerJoin, view::price_to_variant_link())
        .join(JoinType::InnerJoin, view::link_to_variant())
        .filter(money_amount::Column::PriceListId.eq(price_list_id))
        .filter(money_amount::Column::DeletedAt.is_null())
        .filter(Expr::col((product_variant::Entity, product_variant::Column::DeletedAt)).is_null());
    match owner {
        Owner::Products(product_ids) => {
            select = select
                .join(
                    JoinType::InnerJoin,
                    medusa_load::references::<product_variant::Entity, product::Entity>(
                        product_variant::Column::ProductId,
                        product::Column::Id,
                    ),
                )
                .filter(Expr::col((product::Entity, product::Column::DeletedAt)).is_null())
                .filter(product::Column::Id.is_in(product_ids.iter().cloned()))
                .order_by(
                    Expr::col((product::Entity, product::Column::CreatedAt)),
                    Order::Desc,
                )
                .order_by(
                    Expr::col((product::Entity, product::Column::Id)),
                    Order::Desc,
                );
        }
        Owner::Variants(variant_ids) => {
            select = select.filter(product_variant::Column::Id.is_in(variant_ids.iter().cloned()));
        }
    }
    Ok(select
        .order_by(
            Expr::col((
                product_variant::Entity,
                product_variant::Column::VariantRank,
            )),
            Order::Asc,
        )
        .order_by(
            Expr::col((product_variant::Entity, product_variant::Column::Id)),
            Order::Asc,
        )
        .order_by(money_amount::Column::CreatedAt, Order::Asc)
        .order_by(money_amount::Column::Id, Order::Asc)
        .into_tuple::<String>()
        .all(conn)
        .await?)
}
