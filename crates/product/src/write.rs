//! Product mutations with Medusa 1.20's rules: create and update (with variants, options,
//! prices, images, tags, type, channels and categories), soft delete, metadata, options and
//! variants. Each runs in one transaction that also records Medusa's events; the answer is
//! the product re-read with the default relations after commit.

pub mod bulk;
mod checks;
mod columns;
mod links;
mod product_row;
mod variants;

use crate::events;
use medusa_core::new_row::stamped;
use std::collections::{HashMap, HashSet};

use async_trait::async_trait;
use medusa_core::time::Timestamp;
use medusa_core::{generate_id, handle::kebab_case, metadata, Error, Result};
use medusa_entity::sea_orm_active_enums::ShippingProfileTypeEnum;
use medusa_entity::{
    image, product, product_category, product_category_product, product_collection, product_images,
    product_option, product_option_value, product_sales_channel, product_shipping_profile,
    product_tag, product_tags, product_type, product_variant, product_variant_inventory_item,
    sales_channel, shipping_profile, store,
};
use medusa_load::{find_live, live_or, taken};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction,
    EntityTrait, IntoActiveModel, QueryFilter, QueryOrder, Set, TransactionTrait,
};
use serde_json::{Map, Value};

use crate::prices::replace_base_prices;
use crate::view::PRICE_DECORATION_KEYS;
use crate::write_input::{
    CreateProduct, OptionValueInput, ProductFields, UpdateProduct, ValueRef, VariantInput,
};
use crate::{retrieve_product, ProductSpecs, ProductView};

use self::checks::*;
use self::columns::*;
use self::links::*;
use self::product_row::{create_product, new_option_rows, new_product_row, update_product};
pub use self::product_row::{create_product_in, update_product_in};
use self::variants::*;

/// What `DELETE /admin/products/{id}/variants/{variant_id}` and
/// `DELETE /admin/products/{id}/options/{option_id}` answer with besides the confirmation.
pub type ProductAfterDelete = ProductView;

/// Product mutations; each answers with the product re-read with Medusa's default relations.
#[async_trait]
pub trait ProductWriteService: Send + Sync {
    /// `POST /admin/products`.
    async fn create(&self, input: CreateProduct) -> Result<ProductView>;
    /// `POST /admin/products/{id}`.
    async fn update(&self, id: &str, input: UpdateProduct) -> Result<ProductView>;
    /// `DELETE /admin/products/{id}`: soft-deletes the product, its variants, their prices and
    /// option values. Deleting a missing product succeeds.
    async fn delete(&self, id: &str) -> Result<()>;
    /// `POST /admin/products/{id}/metadata`: merges one key (`""` removes it).
    async fn set_metadata(&self, id: &str, key: &str, value: &str) -> Result<ProductView>;
    /// `POST /admin/products/{id}/options`.
    async fn add_option(&self, id: &str, title: &str) -> Result<ProductView>;
    /// `POST /admin/products/{id}/options/{option_id}`.
    async fn update_option(&self, id: &str, option_id: &str, title: &str) -> Result<ProductView>;
    /// `DELETE /admin/products/{id}/options/{option_id}`.
    async fn delete_option(&self, id: &str, option_id: &str) -> Result<ProductAfterDelete>;
    /// `POST /admin/products/{id}/variants`.
    async fn create_variant(&self, id: &str, input: VariantInput) -> Result<ProductView>;
    /// `POST /admin/products/{id}/variants/{variant_id}`.
    async fn update_variant(
        &self,
        id: &str,
        variant_id: &str,
        input: VariantInput,
    ) -> Result<ProductView>;
    /// `DELETE /admin/products/{id}/variants/{variant_id}`.
    async fn delete_variant(&self, id: &str, variant_id: &str) -> Result<ProductAfterDelete>;
    /// Which of these sales channel ids name no live channel (Medusa checks product bodies'
    /// `sales_channels` before anything else and answers with its own error shape).
    async fn missing_sales_channels(&self, ids: &[String]) -> Result<Vec<String>>;
}

/// What else a product route does, in its transaction, with the variants it created
/// (Medusa's variant creation adds inventory items when the inventory module is there; the
/// CSV import does not go through it).
#[async_trait]
pub trait NewVariantsHook: Send + Sync {
    /// Whether the hook has anything to do, asked before the transaction opens (SQLite's one
    /// connection is the transaction's until it ends).
    async fn applies(&self) -> Result<bool>;
    async fn variants_created(
        &self,
        txn: &DatabaseTransaction,
        variants: &[product_variant::Model],
    ) -> Result<()>;
}

/// [`ProductWriteService`] over the database.
#[derive(Clone)]
pub struct SeaProductWriteService {
    db: DatabaseConnection,
    specs: ProductSpecs,
    new_variants: Option<std::sync::Arc<dyn NewVariantsHook>>,
}

impl std::fmt::Debug for SeaProductWriteService {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SeaProductWriteService")
            .field("specs", &self.specs)
            .field("new_variants", &self.new_variants.is_some())
            .finish_non_exhaustive()
    }
}

impl SeaProductWriteService {
    /// Writes to `db`, answering with the default relations `specs` name.
    pub fn new(db: DatabaseConnection, specs: ProductSpecs) -> Self {
        Self {
            db,
            specs,
            new_variants: None,
        }
    }

    /// Runs `hook` on the variants each create and update makes, in its transaction.
    pub fn with_new_variants_hook(mut self, hook: std::sync::Arc<dyn NewVariantsHook>) -> Self {
        self.new_variants = Some(hook);
        self
    }

    /// The hook, when it has anything to do; asked before a transaction opens.
    async fn active_hook(&self) -> Result<Option<&dyn NewVariantsHook>> {
        match &self.new_variants {
            Some(hook) if hook.applies().await? => Ok(Some(hook.as_ref())),
            _ => Ok(None),
        }
    }

    /// The product as every mutation answers: default fields and relations.
    async fn reread(&self, id: &str) -> Result<ProductView> {
        let selection =
            medusa_query_dsl::plan_retrieve(self.specs.retrieve, &medusa_query_dsl::parse("")?)?;
        retrieve_product(&self.db, id, &selection).await
    }
}

async fn after_new_variants(
    hook: Option<&dyn NewVariantsHook>,
    txn: &DatabaseTransaction,
    variants: &[product_variant::Model],
) -> Result<()> {
    match hook {
        Some(hook) if !variants.is_empty() => hook.variants_created(txn, variants).await,
        _ => Ok(()),
    }
}

const PRODUCT_PREFIX: &str = "prod";
const VARIANT_PREFIX: &str = "variant";
const OPTION_PREFIX: &str = "opt";
const OPTION_VALUE_PREFIX: &str = "optval";
const IMAGE_PREFIX: &str = "img";
const TAG_PREFIX: &str = "ptag";
const TYPE_PREFIX: &str = "ptyp";
/// Variant creation runs in Medusa's distributed transaction, whose failed compensation step
/// appends this to the original message (and turns it into `invalid_data`).
const COMPENSATION_FAILURE: &str = "\nCannot read properties of undefined (reading 'length')";
const DEFAULT_OPTION_VALUE: &str = "Default Value";

fn product_not_found(id: &str) -> Error {
    Error::not_found(format!("Product with id: {id} was not found"))
}

fn variant_not_found(id: &str) -> Error {
    Error::not_found(format!("Variant with id: {id} was not found"))
}

pub(super) async fn record_product_updated<C: ConnectionTrait>(
    conn: &C,
    id: &str,
    fields: Option<&[String]>,
) -> Result<()> {
    let event = events::ProductUpdated {
        id: id.to_owned(),
        fields: fields.map(<[String]>::to_vec),
    };
    medusa_events::record_event(conn, &event).await
}

pub(super) async fn touch_product<C: ConnectionTrait>(
    conn: &C,
    id: &str,
    now: Timestamp,
) -> Result<()> {
    product::Entity::update_many()
        .col_expr(product::Column::UpdatedAt, Expr::value(now))
        .filter(product::Column::Id.eq(id))
        .exec(conn)
        .await?;
    Ok(())
}

/// The product as Medusa answers an option deletion: not priced, so variants carry neither
/// the price decoration keys nor the prices' `price_list` and `variant_id`.
pub(super) fn without_pricing(product: ProductView) -> ProductView {
    let mut json = match product.into_json() {
        Value::Object(json) => json,
        _ => Map::new(),
    };
    if let Some(Value::Array(variants)) = json.get_mut("variants") {
        for variant in variants.iter_mut().filter_map(Value::as_object_mut) {
            for key in PRICE_DECORATION_KEYS {
                variant.remove(*key);
            }
            if let Some(Value::Array(prices)) = variant.get_mut("prices") {
                for price in prices.iter_mut().filter_map(Value::as_object_mut) {
                    price.remove("price_list");
                    price.remove("variant_id");
                }
            }
        }
    }
    ProductView::from_json(json)
}

/// Adds a variant to a product with Medusa's rules inside the caller's transaction (as
/// `POST /admin/products/{id}/variants` does).
pub async fn create_variant_in<C: ConnectionTrait>(
    conn: &C,
    product_id: &str,
    input: VariantInput,
) -> Result<()> {
    create_variant(conn, product_id, input).await.map(drop)
}

/// As [`create_variant_in`], answering the new variant's row.
async fn create_variant<C: ConnectionTrait>(
    conn: &C,
    product_id: &str,
    input: VariantInput,
) -> Result<Vec<product_variant::Model>> {
    let now = medusa_core::time::now();
    let created = create_variants(conn, product_id, &[input], &[None], None, now).await?;
    touch_product(conn, product_id, now).await?;
    Ok(created)
}

/// Updates one variant of a product with Medusa's rules inside the caller's transaction (as
/// `POST /admin/products/{id}/variants/{variant_id}` does).
pub async fn update_variant_in<C: ConnectionTrait>(
    conn: &C,
    product_id: &str,
    variant_id: &str,
    input: VariantInput,
) -> Result<()> {
    let now = medusa_core::time::now();
    let variant =
        live_or::<product_variant::Entity, _>(conn, variant_id, || variant_not_found(variant_id))
            .await?;
    live_product(conn, product_id).await?;
    update_variant_row(conn, &variant, &input, None, product_id, now).await
}

#[async_trait]
impl ProductWriteService for SeaProductWriteService {
    async fn create(&self, input: CreateProduct) -> Result<ProductView> {
        let hook = self.active_hook().await?;
        let txn = self.db.begin().await?;
        let (id, variants) = create_product(&txn, input, true).await?;
        after_new_variants(hook, &txn, &variants).await?;
        txn.commit().await?;
        self.reread(&id).await
    }

    async fn update(&self, id: &str, input: UpdateProduct) -> Result<ProductView> {
        let hook = self.active_hook().await?;
        let txn = self.db.begin().await?;
        let variants = update_product(&txn, id, input).await?;
        after_new_variants(hook, &txn, &variants).await?;
        txn.commit().await?;
        self.reread(id).await
    }

    async fn delete(&self, id: &str) -> Result<()> {
        let txn = self.db.begin().await?;
        let Some(current) = find_live::<product::Entity, _>(&txn, id).await? else {
            return Ok(());
        };
        let now = medusa_core::time::now();
        let shape = product_shape(&txn, id).await?;
        let variants: Vec<product_variant::Model> = shape
            .variants
            .into_iter()
            .map(|(variant, _)| variant)
            .collect();
        // Medusa's cascade soft-removes the variants with their prices and option values,
        // without emitting variant events.
        let variant_ids: Vec<String> = variants.iter().map(|v| v.id.clone()).collect();
        if !variant_ids.is_empty() {
            soft_delete_variant_rows(&txn, &variant_ids, now).await?;
        }
        let mut row = current.into_active_model();
        row.deleted_at = Set(Some(now));
        row.updated_at = Set(now);
        row.update(&txn).await?;
        medusa_events::record_event(&txn, &events::ProductDeleted { id: id.to_owned() }).await?;
        txn.commit().await?;
        Ok(())
    }

    async fn set_metadata(&self, id: &str, key: &str, value: &str) -> Result<ProductView> {
        let txn = self.db.begin().await?;
        let current = live_product(&txn, id).await?;
        let mut update = Map::new();
        update.insert(key.to_owned(), Value::String(value.to_owned()));
        let merged = metadata::merge(current.metadata.as_ref(), &update);
        let mut row = current.into_active_model();
        row.metadata = Set(Some(merged));
        row.updated_at = Set(medusa_core::time::now());
        row.update(&txn).await?;
        record_product_updated(&txn, id, Some(&["metadata".to_owned()])).await?;
        txn.commit().await?;
        self.reread(id).await
    }

    async fn add_option(&self, id: &str, title: &str) -> Result<ProductView> {
        let txn = self.db.begin().await?;
        live_product(&txn, id).await?;
        let now = medusa_core::time::now();
        let shape = product_shape(&txn, id).await?;
        if shape.options.iter().any(|option| option.title == title) {
            return Err(Error::duplicate(format!(
                "An option with the title: {title} already exists"
            )));
        }
        let option_id = generate_id(OPTION_PREFIX);
        product_option::ActiveModel {
            id: Set(option_id.clone()),
            title: Set(title.to_owned()),
            product_id: Set(Some(id.to_owned())),
            ..stamped(now)
        }
        .insert(&txn)
        .await?;
        let values: Vec<product_option_value::ActiveModel> = shape
            .variants
            .iter()
            .map(|(variant, _)| product_option_value::ActiveModel {
                id: Set(generate_id(OPTION_VALUE_PREFIX)),
                value: Set(DEFAULT_OPTION_VALUE.to_owned()),
                option_id: Set(option_id.clone()),
                variant_id: Set(variant.id.clone()),
                ..stamped(now)
            })
            .collect();
        if !values.is_empty() {
            product_option_value::Entity::insert_many(values)
                .exec_without_returning(&txn)
                .await?;
        }
        record_product_updated(&txn, id, None).await?;
        txn.commit().await?;
        self.reread(id).await
    }

    async fn update_option(&self, id: &str, option_id: &str, title: &str) -> Result<ProductView> {
        let txn = self.db.begin().await?;
        live_product(&txn, id).await?;
        let shape = product_shape(&txn, id).await?;
        let upper = title.to_uppercase();
        if shape
            .options
            .iter()
            .any(|option| option.title.to_uppercase() == upper && option.id != option_id)
        {
            return Err(Error::not_found(format!(
                "An option with title {title} already exists"
            )));
        }
        let option = live_or::<product_option::Entity, _>(&txn, option_id, || {
            Error::not_found(format!("Option with id: {option_id} does not exist"))
        })
        .await?;
        let mut row = option.into_active_model();
        row.title = Set(title.to_owned());
        row.updated_at = Set(medusa_core::time::now());
        row.update(&txn).await?;
        record_product_updated(&txn, id, None).await?;
        txn.commit().await?;
        self.reread(id).await
    }

    async fn delete_option(&self, id: &str, option_id: &str) -> Result<ProductAfterDelete> {
        let txn = self.db.begin().await?;
        live_product(&txn, id).await?;
        let shape = product_shape(&txn, id).await?;
        if let Some(option) = shape.options.iter().find(|option| option.id == option_id) {
            let value_of = |values: &[product_option_value::Model]| {
                values
                    .iter()
                    .find(|value| value.option_id == option.id)
                    .map(|value| value.value.clone())
            };
            if let Some((_, first)) = shape.variants.first() {
                let expected = value_of(first);
                if shape
                    .variants
                    .iter()
                    .any(|(_, values)| value_of(values) != expected)
                {
                    return Err(Error::invalid_data(
                        "To delete an option, first delete all variants, such that when an option is deleted, no duplicate variants will exist.",
                    ));
                }
            }
            let now = medusa_core::time::now();
            product_option_value::Entity::update_many()
                .col_expr(product_option_value::Column::DeletedAt, Expr::value(now))
                .col_expr(product_option_value::Column::UpdatedAt, Expr::value(now))
                .filter(product_option_value::Column::OptionId.eq(option_id))
                .filter(product_option_value::Column::DeletedAt.is_null())
                .exec(&txn)
                .await?;
            let mut row = option.clone().into_active_model();
            row.deleted_at = Set(Some(now));
            row.updated_at = Set(now);
            row.update(&txn).await?;
            record_product_updated(&txn, id, None).await?;
        }
        txn.commit().await?;
        Ok(without_pricing(self.reread(id).await?))
    }

    async fn create_variant(&self, id: &str, input: VariantInput) -> Result<ProductView> {
        let hook = self.active_hook().await?;
        let txn = self.db.begin().await?;
        let variants = create_variant(&txn, id, input).await?;
        after_new_variants(hook, &txn, &variants).await?;
        txn.commit().await?;
        self.reread(id).await
    }

    async fn update_variant(
        &self,
        id: &str,
        variant_id: &str,
        input: VariantInput,
    ) -> Result<ProductView> {
        let txn = self.db.begin().await?;
        update_variant_in(&txn, id, variant_id, input).await?;
        txn.commit().await?;
        self.reread(id).await
    }

    async fn delete_variant(&self, id: &str, variant_id: &str) -> Result<ProductAfterDelete> {
        let txn = self.db.begin().await?;
        let now = medusa_core::time::now();
        let variants = product_variant::Entity::find_by_id(variant_id)
            .filter(product_variant::Column::DeletedAt.is_null())
            .all(&txn)
            .await?;
        delete_variants(&txn, &variants, now).await?;
        txn.commit().await?;
        // As in Medusa, the deletion stands even when the product then is not found.
        self.reread(id).await
    }

    async fn missing_sales_channels(&self, ids: &[String]) -> Result<Vec<String>> {
        missing_sales_channels(&self.db, ids).await
    }
}
