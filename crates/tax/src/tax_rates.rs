//! Tax rates: listing, reading, creating, updating, hard-deleting, and linking them to
//! products, product types and shipping options. Medusa emits no events for tax rates.

use medusa_core::new_row::stamped;
use std::collections::HashMap;

use async_trait::async_trait;
use medusa_core::number::js_number;
use medusa_core::positional::FromColumns;
use medusa_core::{generate_id, time, Error, ListPage, Result};
use medusa_entity::{
    product, product_tax_rate, product_type, product_type_tax_rate, region, shipping_option,
    shipping_tax_rate, tax_rate,
};
use medusa_load::{
    by_key, children, link_with, live, missing, relink_with, through, Children, Connection, Link,
    Reader,
};
use medusa_query_dsl::{in_insertion_order_of, ListPlan};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    IntoActiveModel, PaginatorTrait, QueryFilter, Set, TransactionTrait,
};
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use crate::input::{CreateTaxRate, UpdateTaxRate};
use crate::query::{TaxRateRelation, TaxRateSelection};

const TAX_RATE_ID_PREFIX: &str = "txr";

/// What a tax rate can be linked to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkKind {
    Products,
    ProductTypes,
    ShippingOptions,
}

/// Runs `$body` with `$links` naming the link table module of `$kind` (its entity links a
/// rate, `RateId`, to a row, `$target`).
macro_rules! by_link_table {
    ($kind:expr, |$links:ident, $target:ident| $body:expr) => {
        match $kind {
            LinkKind::Products => {
                use product_tax_rate as $links;
                let $target = $links::Column::ProductId;
                $body
            }
            LinkKind::ProductTypes => {
                use product_type_tax_rate as $links;
                let $target = $links::Column::ProductTypeId;
                $body
            }
            LinkKind::ShippingOptions => {
                use shipping_tax_rate as $links;
                let $target = $links::Column::ShippingOptionId;
                $body
            }
        }
    };
}

impl LinkKind {
    /// Medusa's message when a linked row does not exist (its services' `retrieve`).
    fn not_found(self, id: &str) -> Error {
        Error::not_found(match self {
            Self::Products => format!("Product with id: {id} was not found"),
            Self::ProductTypes => format!("Product type with id: {id} was not found"),
            Self::ShippingOptions => format!("Shipping Option with {id} was not found"),
        })
    }
}

/// A tax rate as an answer carries it: the selected columns and counts, and the expanded
/// relations (their rows in full, soft-deleted ones left out).
#[derive(Debug, Clone, PartialEq)]
pub struct TaxRateView {
    pub rate: tax_rate::Model,
    pub selection: TaxRateSelection,
    pub product_count: u64,
    pub product_type_count: u64,
    pub shipping_option_count: u64,
    pub products: Vec<product::Model>,
    pub product_types: Vec<product_type::Model>,
    pub shipping_options: Vec<shipping_option::Model>,
    pub region: Option<region::Model>,
}

impl Serialize for TaxRateView {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        let rate = &self.rate;
        for field in &self.selection.fields {
            match *field {
                "id" => map.serialize_entry("id", &rate.id)?,
                "rate" => map.serialize_entry("rate", &rate.rate.map(js_number))?,
                "code" => map.serialize_entry("code", &rate.code)?,
                "name" => map.serialize_entry("name", &rate.name)?,
                "region_id" => map.serialize_entry("region_id", &rate.region_id)?,
                "created_at" => {
                    map.serialize_entry("created_at", &time::format(&rate.created_at))?
                }
                "updated_at" => {
                    map.serialize_entry("updated_at", &time::format(&rate.updated_at))?
                }
                "metadata" => map.serialize_entry("metadata", &rate.metadata)?,
                "product_count" => map.serialize_entry("product_count", &self.product_count)?,
                "product_type_count" => {
                    map.serialize_entry("product_type_count", &self.product_type_count)?
                }
                "shipping_option_count" => {
                    map.serialize_entry("shipping_option_count", &self.shipping_option_count)?
                }
                _ => {}
            }
        }
        for relation in &self.selection.relations {
            match relation {
                TaxRateRelation::Products => map.serialize_entry("products", &self.products)?,
                TaxRateRelation::ProductTypes => {
                    map.serialize_entry("product_types", &self.product_types)?
                }
                TaxRateRelation::ShippingOptions => {
                    map.serialize_entry("shipping_options", &self.shipping_options)?
                }
                TaxRateRelation::Region => map.serialize_entry("region", &self.region)?,
            }
        }
        map.end()
    }
}

/// Managing tax rates. Writes answer with the rate re-read under the caller's selection.
#[async_trait]
pub trait TaxRateService: Send + Sync {
    async fn list(
        &self,
        plan: &ListPlan,
        selection: &TaxRateSelection,
    ) -> Result<ListPage<TaxRateView>>;
    async fn retrieve(&self, id: &str, selection: &TaxRateSelection) -> Result<TaxRateView>;
    async fn create(
        &self,
        input: CreateTaxRate,
        selection: &TaxRateSelection,
    ) -> Result<TaxRateView>;
    async fn update(
        &self,
        id: &str,
        input: UpdateTaxRate,
        selection: &TaxRateSelection,
    ) -> Result<TaxRateView>;
    /// Hard-deletes a rate and its links; deleting a missing rate succeeds.
    async fn delete(&self, id: &str) -> Result<()>;
    /// Links the rate to more rows of one kind (existing links stay).
    async fn add_links(
        &self,
        id: &str,
        kind: LinkKind,
        ids: Vec<String>,
        selection: &TaxRateSelection,
    ) -> Result<TaxRateView>;
    /// Unlinks rows of one kind; ids not linked are ignored.
    async fn remove_links(
        &self,
        id: &str,
        kind: LinkKind,
        ids: Vec<String>,
        selection: &TaxRateSelection,
    ) -> Result<TaxRateView>;
}

/// [`TaxRateService`] over the database.
#[derive(Debug, Clone)]
pub struct SeaTaxRateService {
    db: DatabaseConnection,
}

impl SeaTaxRateService {
    pub fn new(db: DatabaseConnection) -> Self {
        Self { db }
    }
}

fn tax_rate_not_found(id: &str) -> Error {
    Error::not_found(format!("TaxRate with {id} was not found"))
}

async fn find_rate<C: ConnectionTrait>(conn: &C, id: &str) -> Result<tax_rate::Model> {
    tax_rate::Entity::find_by_id(id)
        .one(conn)
        .await?
        .ok_or_else(|| tax_rate_not_found(id))
}

async fn require_region<C: ConnectionTrait>(conn: &C, region_id: &str) -> Result<()> {
    // The foreign key decides, so a soft-deleted region still counts, as in Medusa.
    let found = region::Entity::find_by_id(region_id).count(conn).await?;
    if found == 0 {
        return Err(Error::not_found(format!(
            "Region with region_id {region_id} does not exist."
        )));
    }
    Ok(())
}

/// The first of `ids` with no row at all (soft-deleted rows exist: the link's foreign key
/// accepts them, and Medusa only looks further when the key refuses).
async fn first_missing<C: ConnectionTrait>(
    conn: &C,
    kind: LinkKind,
    ids: &[String],
) -> Result<Option<String>> {
    // Soft-deleted rows count as found, as Medusa's checks find them.
    let absent = match kind {
        LinkKind::Products => missing(conn, product::Entity::find(), ids).await?,
        LinkKind::ProductTypes => missing(conn, product_type::Entity::find(), ids).await?,
        LinkKind::ShippingOptions => missing(conn, shipping_option::Entity::find(), ids).await?,
    };
    Ok(absent.into_iter().next())
}

/// Medusa refuses to link a live shipping option of another region.
async fn check_option_regions<C: ConnectionTrait>(
    conn: &C,
    rate: &tax_rate::Model,
    ids: &[String],
) -> Result<()> {
    let options = shipping_option::Entity::find()
        .filter(shipping_option::Column::Id.is_in(ids.to_vec()))
        .filter(shipping_option::Column::DeletedAt.is_null())
        .all(conn)
        .await?;
    for option in options {
        if option.region_id != rate.region_id {
            return Err(Error::not_allowed(format!(
                "Shipping Option and Tax Rate must belong to the same Region to be associated. \
                 Shipping Option with id: {} belongs to Region with id: {} and Tax Rate with id: {} \
                 belongs to Region with id: {}",
                option.id, option.region_id, rate.id, rate.region_id
            )));
        }
    }
    Ok(())
}

/// Adds links (keeping existing ones); with `replace`, links to rows not in `ids` go.
/// `missing` is the error for a target that does not exist.
async fn link<C: ConnectionTrait>(
    conn: &C,
    rate: &tax_rate::Model,
    kind: LinkKind,
    ids: &[String],
    replace: bool,
    missing: impl Fn(&str) -> Error,
) -> Result<()> {
    if kind == LinkKind::ShippingOptions {
        check_option_regions(conn, rate, ids).await?;
    }
    if let Some(id) = first_missing(conn, kind, ids).await? {
        return Err(missing(&id));
    }
    let now = time::now();
    let stamps = || vec![now.into(), now.into()];
    by_link_table!(kind, |links, target| {
        let stamped = [links::Column::CreatedAt, links::Column::UpdatedAt];
        let owner = links::Column::RateId;
        match replace {
            true => {
                relink_with::<links::Entity, C, _>(
                    conn, owner, target, &rate.id, ids, &stamped, stamps,
                )
                .await
            }
            false => {
                link_with::<links::Entity, C, _>(
                    conn, owner, target, &rate.id, ids, &stamped, stamps,
                )
                .await
            }
        }
    })
}

async fn unlink<C: ConnectionTrait>(
    conn: &C,
    rate_id: &str,
    kind: LinkKind,
    ids: Option<&[String]>,
) -> Result<()> {
    by_link_table!(kind, |links, target| {
        medusa_load::unlink::<links::Entity, C>(conn, links::Column::RateId, target, rate_id, ids)
            .await
    })
}

/// Each rate's links of one kind, for a page: the links themselves when `count` is wanted
/// (a count counts links to live rows or not), and the live rows of `T` (key `id`) they tie
/// it to, in link order, when `show` is.
async fn links_and_rows<L: EntityTrait, T: EntityTrait, C: Connection>(
    reader: &mut Reader<'_, C>,
    (count, show): (bool, bool),
    link: Link<L>,
    id: T::Column,
    ids: &[String],
) -> Result<(Children<L::Model>, Children<T::Model>)>
where
    L::Model: FromColumns,
    T::Model: FromColumns,
{
    let links = match count {
        true => children(reader, L::find(), link.owner, ids).await?,
        false => Children::none(ids.len()),
    };
    let rows = match show {
        true => {
            let select =
                in_insertion_order_of(live::<T>(), reader.backend(), L::default().table_name());
            through(reader, select, id, link, ids).await?
        }
        false => Children::none(ids.len()),
    };
    Ok((links, rows))
}

/// Loads the counts and relations a selection asks for, for a whole page at once.
async fn views<C: Connection>(
    conn: &C,
    rates: Vec<tax_rate::Model>,
    selection: &TaxRateSelection,
) -> Result<Vec<TaxRateView>> {
    let ids: Vec<String> = rates.iter().map(|r| r.id.clone()).collect();
    let mut reader = Reader::new(conn).await?;
    let (product_links, mut products) = links_and_rows::<_, product::Entity, C>(
        &mut reader,
        (
            selection.has_field("product_count"),
            selection.has_relation(TaxRateRelation::Products),
        ),
        Link::<product_tax_rate::Entity> {
            owner: product_tax_rate::Column::RateId,
            target: product_tax_rate::Column::ProductId,
        },
        product::Column::Id,
        &ids,
    )
    .await?;
    let (type_links, mut types) = links_and_rows::<_, product_type::Entity, C>(
        &mut reader,
        (
            selection.has_field("product_type_count"),
            selection.has_relation(TaxRateRelation::ProductTypes),
        ),
        Link::<product_type_tax_rate::Entity> {
            owner: product_type_tax_rate::Column::RateId,
            target: product_type_tax_rate::Column::ProductTypeId,
        },
        product_type::Column::Id,
        &ids,
    )
    .await?;
    let (option_links, mut options) = links_and_rows::<_, shipping_option::Entity, C>(
        &mut reader,
        (
            selection.has_field("shipping_option_count"),
            selection.has_relation(TaxRateRelation::ShippingOptions),
        ),
        Link::<shipping_tax_rate::Entity> {
            owner: shipping_tax_rate::Column::RateId,
            target: shipping_tax_rate::Column::ShippingOptionId,
        },
        shipping_option::Column::Id,
        &ids,
    )
    .await?;
    let regions = match selection.has_relation(TaxRateRelation::Region) {
        true => {
            let region_ids = rates.iter().map(|r| r.region_id.clone());
            by_key(
                &mut reader,
                live::<region::Entity>(),
                region::Column::Id,
                region_ids,
            )
            .await?
        }
        false => HashMap::new(),
    };

    Ok(rates
        .into_iter()
        .enumerate()
        .map(|(row, rate)| TaxRateView {
            product_count: product_links.of(row).count() as u64,
            product_type_count: type_links.of(row).count() as u64,
            shipping_option_count: option_links.of(row).count() as u64,
            products: products.take(row),
            product_types: types.take(row),
            shipping_options: options.take(row),
            region: regions.get(&rate.region_id).cloned(),
            selection: selection.clone(),
            rate,
        })
        .collect())
}

impl SeaTaxRateService {
    async fn view(&self, id: &str, selection: &TaxRateSelection) -> Result<TaxRateView> {
        let rate = find_rate(&self.db, id).await?;
        views(&self.db, vec![rate], selection)
            .await?
            .pop()
            .ok_or_else(|| tax_rate_not_found(id))
    }
}

#[async_trait]
impl TaxRateService for SeaTaxRateService {
    async fn list(
        &self,
        plan: &ListPlan,
        selection: &TaxRateSelection,
    ) -> Result<ListPage<TaxRateView>> {
        let (rates, count) = plan
            .rows_and_count(&self.db, tax_rate::Entity::find())
            .await?;
        let items = views(&self.db, rates, selection).await?;
        Ok(plan.page("tax_rates", items, count))
    }

    async fn retrieve(&self, id: &str, selection: &TaxRateSelection) -> Result<TaxRateView> {
        self.view(id, selection).await
    }

    async fn create(
        &self,
        input: CreateTaxRate,
        selection: &TaxRateSelection,
    ) -> Result<TaxRateView> {
        let txn = self.db.begin().await?;
        require_region(&txn, &input.region_id).await?;
        let now = time::now();
        let created = tax_rate::ActiveModel {
            id: Set(generate_id(TAX_RATE_ID_PREFIX)),
            rate: Set(input.rate.map(|r| r as f32)),
            code: Set(Some(input.code)),
            name: Set(input.name),
            region_id: Set(input.region_id),
            ..stamped(now)
        }
        .insert(&txn)
        .await?;
        // Medusa's quirk: when a linked row is missing on creation, the rollback has already
        // removed the new rate by the time it looks, so it reports the rate as missing.
        let rate_missing = |_: &str| tax_rate_not_found(&created.id);
        for (kind, ids) in [
            (LinkKind::Products, &input.products),
            (LinkKind::ProductTypes, &input.product_types),
            (LinkKind::ShippingOptions, &input.shipping_options),
        ] {
            if let Some(ids) = ids {
                link(&txn, &created, kind, ids, false, rate_missing).await?;
            }
        }
        txn.commit().await?;
        self.view(&created.id, selection).await
    }

    async fn update(
        &self,
        id: &str,
        input: UpdateTaxRate,
        selection: &TaxRateSelection,
    ) -> Result<TaxRateView> {
        let txn = self.db.begin().await?;
        let current = find_rate(&txn, id).await?;
        let mut next = current.clone();
        if let Some(code) = input.code {
            next.code = Some(code);
        }
        if let Some(name) = input.name {
            next.name = name;
        }
        if let Some(region_id) = input.region_id {
            if region_id != current.region_id {
                require_region(&txn, &region_id).await?;
            }
            next.region_id = region_id;
        }
        if let Some(rate) = input.rate {
            next.rate = Some(rate as f32);
        }
        // As TypeORM's save: the row (and its updated_at) is written only when a column changes.
        if next != current {
            next.updated_at = time::now();
            next = next.into_active_model().reset_all().update(&txn).await?;
        }
        for (kind, ids) in [
            (LinkKind::Products, &input.products),
            (LinkKind::ProductTypes, &input.product_types),
            (LinkKind::ShippingOptions, &input.shipping_options),
        ] {
            if let Some(ids) = ids {
                link(&txn, &next, kind, ids, true, |missing| {
                    kind.not_found(missing)
                })
                .await?;
            }
        }
        txn.commit().await?;
        self.view(id, selection).await
    }

    async fn delete(&self, id: &str) -> Result<()> {
        let txn = self.db.begin().await?;
        // PostgreSQL cascades to the links; SQLite may not enforce foreign keys, so the links
        // are removed explicitly on both.
        for kind in [
            LinkKind::Products,
            LinkKind::ProductTypes,
            LinkKind::ShippingOptions,
        ] {
            unlink(&txn, id, kind, None).await?;
        }
        tax_rate::Entity::delete_by_id(id).exec(&txn).await?;
        txn.commit().await?;
        Ok(())
    }

    async fn add_links(
        &self,
        id: &str,
        kind: LinkKind,
        ids: Vec<String>,
        selection: &TaxRateSelection,
    ) -> Result<TaxRateView> {
        let txn = self.db.begin().await?;
        let rate = find_rate(&txn, id).await?;
        link(&txn, &rate, kind, &ids, false, |missing| {
            kind.not_found(missing)
        })
        .await?;
        txn.commit().await?;
        self.view(id, selection).await
    }

    async fn remove_links(
        &self,
        id: &str,
        kind: LinkKind,
        ids: Vec<String>,
        selection: &TaxRateSelection,
    ) -> Result<TaxRateView> {
        let txn = self.db.begin().await?;
        unlink(&txn, id, kind, Some(&ids)).await?;
        txn.commit().await?;
        self.view(id, selection).await
    }
}
