//! The job types this server runs (Medusa's batch job strategies) and how each normalises
//! the context it is created with (`prepareBatchJobForProcessing`).

use medusa_core::flags::{FeatureFlags, Flag};
use medusa_core::{Error, Result};
use serde_json::{json, Map, Value};

use crate::product_export::PAGE_SIZE;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JobType {
    ProductExport,
    ProductImport,
    OrderExport,
    PriceListImport,
}

impl JobType {
    /// The strategy for `type`, or Medusa's 404.
    pub fn parse(job_type: &str) -> Result<Self> {
        match job_type {
            "product-export" => Ok(Self::ProductExport),
            "product-import" => Ok(Self::ProductImport),
            "order-export" => Ok(Self::OrderExport),
            "price-list-import" => Ok(Self::PriceListImport),
            other => Err(Error::not_found(format!(
                "Unable to find a BatchJob strategy with the type {other}"
            ))),
        }
    }
}

/// Medusa's `defaultAdminProductRelations` (`sales_channels` and `categories` only with their
/// flags), then what the export strategy adds.
fn export_relations(flags: FeatureFlags) -> Vec<&'static str> {
    let mut relations: Vec<&'static str> =
        medusa_product::PRODUCT_DEFAULT_RELATIONS_WITH_CATEGORIES
            .iter()
            .copied()
            .filter(|relation| match *relation {
                "sales_channels" => flags.is_enabled(Flag::SalesChannels),
                "categories" => flags.is_enabled(Flag::ProductCategories),
                _ => true,
            })
            .collect();
    relations.push("variants.prices.region");
    relations
}

/// The list an export reads: Medusa's `limit`, `offset` and `order` as `skip`, `take` and
/// an order object.
fn list_config(context: &mut Map<String, Value>, default_take: u64) -> Map<String, Value> {
    let limit = context.remove("limit");
    let offset = context.remove("offset");
    let order = context.remove("order");
    context.remove("fields");
    context.remove("expand");
    let number = |value: Option<Value>, default: u64| {
        value
            .and_then(|v| v.as_u64().or_else(|| v.as_str()?.parse().ok()))
            .unwrap_or(default)
    };
    let order = match order.as_ref().and_then(Value::as_str) {
        Some(order) if order.starts_with('-') => json!({ &order[1..]: "DESC" }),
        Some(order) if !order.is_empty() => json!({ order: "ASC" }),
        _ => json!({ "created_at": "DESC" }),
    };
    let mut config = Map::new();
    config.insert("skip".into(), json!(number(offset, 0)));
    config.insert("take".into(), json!(number(limit, default_take)));
    config.insert("order".into(), order);
    config
}

/// The context a job is stored with: an export's `limit`, `offset` and `order` become
/// `list_config` (`skip`, `take`, `order`, the relations it reads), beside the
/// `filterable_fields` and whatever else the caller gave; an import's context is kept.
pub fn prepare_context(
    job_type: JobType,
    mut context: Map<String, Value>,
    flags: FeatureFlags,
) -> Result<Map<String, Value>> {
    match job_type {
        JobType::ProductImport | JobType::PriceListImport => Ok(context),
        JobType::ProductExport | JobType::OrderExport => {
            let filterable = context.remove("filterable_fields");
            let mut config = list_config(&mut context, PAGE_SIZE);
            if job_type == JobType::ProductExport {
                config.insert("relations".into(), json!(export_relations(flags)));
            } else {
                let mut relations = vec!["customer", "shipping_address"];
                if flags.is_enabled(Flag::SalesChannels) {
                    relations.push("sales_channel");
                }
                config.insert("select".into(), json!(crate::order_export::DEFAULT_FIELDS));
                config.insert("relations".into(), json!(relations));
            }
            context.insert("list_config".into(), Value::Object(config));
            if let Some(filterable) = filterable {
                context.insert("filterable_fields".into(), filterable);
            }
            Ok(context)
        }
    }
}
