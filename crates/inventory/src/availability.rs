//! What variants can be sold, as Medusa's `ProductVariantInventoryService` decorates the admin
//! product and variant reads when the inventory modules are on: a variant that manages its
//! inventory through items gets, as `inventory_quantity`, the stocked less reserved quantity of
//! its first item at the locations of every sales channel, and a `purchasable` flag.

use std::collections::HashMap;
use std::sync::Arc;

use async_trait::async_trait;
use medusa_core::{Error, ListPage, Result};
use medusa_entity::{
    inventory_level, product_tag, product_type, product_variant_inventory_item, sales_channel,
    sales_channel_location,
};
use medusa_load::live;
use medusa_pricing::{PriceSelectionParams, PricedVariantService};
use medusa_product::{
    ProductQuery, ProductService, ProductView, TagUsage, VariantPage, VariantView,
};
use medusa_query_dsl::{in_insertion_order, ListPlan, Selection};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use serde_json::{Map, Value};

use crate::modules::Modules;

/// Sets `inventory_quantity` and `purchasable` on variants (JSON objects with at least `id`)
/// as Medusa's `setVariantAvailability` does for every sales channel.
pub async fn set_variant_availability_in<C: ConnectionTrait>(
    conn: &C,
    variants: &mut [&mut Map<String, Value>],
) -> Result<()> {
    let ids: Vec<String> = variants
        .iter()
        .filter_map(|v| v.get("id").and_then(Value::as_str).map(str::to_owned))
        .collect();
    if ids.is_empty() {
        return Ok(());
    }
    let links = in_insertion_order(
        live::<product_variant_inventory_item::Entity>(),
        conn.get_database_backend(),
    )
    .filter(product_variant_inventory_item::Column::VariantId.is_in(ids))
    .all(conn)
    .await?;
    let mut first_item: HashMap<String, String> = HashMap::new();
    for link in &links {
        first_item
            .entry(link.variant_id.clone())
            .or_insert_with(|| link.inventory_item_id.clone());
    }
    let channels: Vec<String> = live::<sales_channel::Entity>()
        .all(conn)
        .await?
        .into_iter()
        .map(|c| c.id)
        .collect();
    let locations: Vec<String> = sales_channel_location::Entity::find()
        .filter(sales_channel_location::Column::DeletedAt.is_null())
        .filter(sales_channel_location::Column::SalesChannelId.is_in(channels))
        .all(conn)
        .await?
        .into_iter()
        .map(|l| l.location_id)
        .collect();
    let mut available: HashMap<String, i64> = HashMap::new();
    if !locations.is_empty() && !first_item.is_empty() {
        let levels = live::<inventory_level::Entity>()
            .filter(inventory_level::Column::LocationId.is_in(locations))
            .filter(
                inventory_level::Column::InventoryItemId
                    .is_in(links.iter().map(|l| l.inventory_item_id.clone())),
            )
            .all(conn)
            .await?;
        for level in levels {
            *available.entry(level.inventory_item_id).or_default() +=
                i64::from(level.stocked_quantity) - i64::from(level.reserved_quantity);
        }
    }
    for variant in variants.iter_mut() {
        let flag = |v: &Map<String, Value>, key: &str| v.get(key).and_then(Value::as_bool);
        let backorder = flag(variant, "allow_backorder").unwrap_or(false);
        let managed = flag(variant, "manage_inventory").unwrap_or(true);
        let id = variant
            .get("id")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned();
        let purchasable = if !managed {
            true
        } else if let Some(item) = first_item.get(&id) {
            let quantity = available.get(item).copied().unwrap_or(0);
            variant.insert("inventory_quantity".into(), Value::from(quantity));
            quantity > 0 || backorder
        } else {
            variant.remove("inventory_quantity");
            true
        };
        variant.insert("purchasable".into(), Value::Bool(purchasable));
    }
    Ok(())
}

fn variants_of(product: &mut Map<String, Value>) -> Vec<&mut Map<String, Value>> {
    match product.get_mut("variants") {
        Some(Value::Array(variants)) => variants
            .iter_mut()
            .filter_map(Value::as_object_mut)
            .collect(),
        _ => Vec::new(),
    }
}

/// The product reads, with availability set on their variants when the modules are on (as
/// Medusa's product routes do when `variants` are loaded).
pub struct ProductsWithAvailability {
    inner: Arc<dyn ProductService>,
    modules: Modules,
}

impl ProductsWithAvailability {
    pub fn new(inner: Arc<dyn ProductService>, modules: Modules) -> Self {
        Self { inner, modules }
    }
}

#[async_trait]
impl ProductService for ProductsWithAvailability {
    async fn list(&self, query: &ProductQuery) -> Result<ListPage<ProductView>> {
        let mut page = self.inner.list(query).await?;
        if self.modules.enabled().await? {
            let mut variants: Vec<&mut Map<String, Value>> = page
                .items
                .iter_mut()
                .flat_map(|p| variants_of(p.as_json_mut()))
                .collect();
            set_variant_availability_in(self.modules.db(), &mut variants).await?;
        }
        Ok(page)
    }

    async fn list_json(&self, query: &ProductQuery) -> Result<Vec<u8>> {
        let bytes = self.inner.list_json(query).await?;
        if !self.modules.enabled().await? || !query.plan.selection.has_relation("variants") {
            return Ok(bytes);
        }
        let mut body: Map<String, Value> = serde_json::from_slice(&bytes)
            .map_err(|e| Error::UnexpectedState(format!("product page unreadable: {e}")))?;
        if let Some(Value::Array(products)) = body.get_mut("products") {
            let mut variants: Vec<&mut Map<String, Value>> = products
                .iter_mut()
                .filter_map(Value::as_object_mut)
                .flat_map(variants_of)
                .collect();
            set_variant_availability_in(self.modules.db(), &mut variants).await?;
        }
        serde_json::to_vec(&body)
            .map_err(|e| Error::UnexpectedState(format!("serialization failed: {e}")))
    }

    async fn retrieve(&self, id: &str, selection: &Selection) -> Result<ProductView> {
        let mut product = self.inner.retrieve(id, selection).await?;
        if selection.has_relation("variants") && self.modules.enabled().await? {
            let mut variants = variants_of(product.as_json_mut());
            set_variant_availability_in(self.modules.db(), &mut variants).await?;
        }
        Ok(product)
    }

    async fn list_variants(&self, plan: &ListPlan) -> Result<VariantPage> {
        self.inner.list_variants(plan).await
    }

    async fn retrieve_variant(&self, id: &str, selection: &Selection) -> Result<VariantView> {
        self.inner.retrieve_variant(id, selection).await
    }

    async fn list_product_variants(
        &self,
        product_id: &str,
        plan: &ListPlan,
    ) -> Result<ListPage<VariantView>> {
        self.inner.list_product_variants(product_id, plan).await
    }

    async fn tag_usage(&self) -> Result<Vec<TagUsage>> {
        self.inner.tag_usage().await
    }

    async fn types(&self) -> Result<Vec<product_type::Model>> {
        self.inner.types().await
    }

    async fn list_tags(
        &self,
        plan: &ListPlan,
        discount_condition_id: Option<&str>,
    ) -> Result<ListPage<product_tag::Model>> {
        self.inner.list_tags(plan, discount_condition_id).await
    }

    async fn list_types(
        &self,
        plan: &ListPlan,
        discount_condition_id: Option<&str>,
    ) -> Result<ListPage<product_type::Model>> {
        self.inner.list_types(plan, discount_condition_id).await
    }
}

/// `GET /admin/variants`, with availability set when the modules are on (Medusa's variant
/// list does so for every sales channel).
pub struct VariantsWithAvailability {
    inner: Arc<dyn PricedVariantService>,
    modules: Modules,
}

impl VariantsWithAvailability {
    pub fn new(inner: Arc<dyn PricedVariantService>, modules: Modules) -> Self {
        Self { inner, modules }
    }
}

#[async_trait]
impl PricedVariantService for VariantsWithAvailability {
    async fn list_variants(
        &self,
        plan: &ListPlan,
        params: &PriceSelectionParams,
    ) -> Result<VariantPage> {
        let mut page = self.inner.list_variants(plan, params).await?;
        if self.modules.enabled().await? {
            let mut variants: Vec<&mut Map<String, Value>> = page
                .variants
                .iter_mut()
                .map(VariantView::as_json_mut)
                .collect();
            set_variant_availability_in(self.modules.db(), &mut variants).await?;
        }
        Ok(page)
    }

    async fn retrieve_variant(&self, id: &str, selection: &Selection) -> Result<VariantView> {
        self.inner.retrieve_variant(id, selection).await
    }
}
