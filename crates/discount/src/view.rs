//! What a discount read returns: the discount row with the relations a selection asks for
//! (`parent_discount`, `regions`, `rule`, `rule.conditions` and the conditions' resources),
//! each loaded select-in for the whole page.

use medusa_core::{FeatureFlags, Flag, Result};
use medusa_entity::includes_tax::{self, Table};
use medusa_entity::{
    customer_group, discount, discount_condition, discount_condition_customer_group,
    discount_condition_product, discount_condition_product_collection,
    discount_condition_product_tag, discount_condition_product_type, discount_regions,
    discount_rule, product, product_collection, product_shipping_profile, product_tag,
    product_type, region, shipping_profile,
};
use medusa_load::{by_key, children, live, through, Children, Connection, Link, Reader};
use medusa_query_dsl::{in_insertion_order, in_insertion_order_of, Selection};
use serde::Serialize;

/// A discount with the relations that were asked for.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DiscountView {
    #[serde(flatten)]
    pub discount: discount::Model,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent_discount: Option<Option<discount::Model>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub regions: Option<Vec<RegionRow>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<Option<RuleView>>,
}

/// A region as a relation shows it: its row, and `includes_tax` when the server runs with
/// `MEDUSA_FF_TAX_INCLUSIVE_PRICING` (Medusa's model maps the column only then).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RegionRow {
    #[serde(flatten)]
    pub region: region::Model,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub includes_tax: Option<bool>,
}

impl RegionRow {
    pub fn new(region: region::Model) -> Self {
        Self {
            region,
            includes_tax: None,
        }
    }
}

/// Fills `includes_tax` of `regions` when the flag is on (one statement).
pub async fn attach_includes_tax<C: sea_orm::ConnectionTrait>(
    conn: &C,
    flags: FeatureFlags,
    regions: &mut [&mut RegionRow],
) -> Result<()> {
    if !flags.is_enabled(Flag::TaxInclusivePricing) || regions.is_empty() {
        return Ok(());
    }
    includes_tax::fill(conn, Table::Region, regions, |row| {
        (&row.region.id, &mut row.includes_tax)
    })
    .await?;
    Ok(())
}

/// A discount rule, with its conditions when asked for.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RuleView {
    #[serde(flatten)]
    pub rule: discount_rule::Model,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conditions: Option<Vec<ConditionView>>,
}

/// A discount condition with the relations that were asked for.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ConditionView {
    #[serde(flatten)]
    pub condition: discount_condition::Model,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub discount_rule: Option<Option<discount_rule::Model>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub products: Option<Vec<ConditionProduct>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub product_types: Option<Vec<product_type::Model>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub product_collections: Option<Vec<product_collection::Model>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub product_tags: Option<Vec<product_tag::Model>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customer_groups: Option<Vec<customer_group::Model>>,
}

/// A product of a condition; with `profiles` loaded, Medusa's `afterLoad` also sets `profile`
/// and `profile_id` to the last of them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ConditionProduct {
    #[serde(flatten)]
    pub product: product::Model,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profiles: Option<Vec<shipping_profile::Model>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profile: Option<shipping_profile::Model>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profile_id: Option<String>,
}

impl ConditionProduct {
    fn new(product: product::Model, profiles: Option<Vec<shipping_profile::Model>>) -> Self {
        let profile = profiles.as_ref().and_then(|p| p.last().cloned());
        Self {
            product,
            profile_id: profile.as_ref().map(|p| p.id.clone()),
            profile,
            profiles,
        }
    }
}

/// Which of a condition's relations to load.
#[derive(Debug, Clone, Copy, Default)]
pub struct ConditionRelations {
    pub discount_rule: bool,
    pub products: bool,
    pub product_profiles: bool,
    pub product_types: bool,
    pub product_collections: bool,
    pub product_tags: bool,
    pub customer_groups: bool,
}

impl ConditionRelations {
    /// The relations `selection` asks for under `prefix` (`""` or `"rule.conditions."`).
    pub fn of(selection: &Selection, prefix: &str) -> Self {
        let has = |name: &str| selection.has_relation(&format!("{prefix}{name}"));
        Self {
            discount_rule: has("discount_rule"),
            products: has("products"),
            product_profiles: has("products.profiles"),
            product_types: has("product_types"),
            product_collections: has("product_collections"),
            product_tags: has("product_tags"),
            customer_groups: has("customer_groups"),
        }
    }
}

/// Loads the relations `selection` asks for onto a page of discounts.
pub async fn discounts<C: Connection>(
    conn: &C,
    rows: Vec<discount::Model>,
    selection: &Selection,
    flags: FeatureFlags,
) -> Result<Vec<DiscountView>> {
    let mut views = discount_views(conn, rows, selection).await?;
    let mut regions: Vec<&mut RegionRow> = views
        .iter_mut()
        .flat_map(|view| view.regions.iter_mut().flatten())
        .collect();
    attach_includes_tax(conn, flags, &mut regions).await?;
    Ok(views)
}

async fn discount_views<C: Connection>(
    conn: &C,
    rows: Vec<discount::Model>,
    selection: &Selection,
) -> Result<Vec<DiscountView>> {
    let wants_parent = selection.has_relation("parent_discount");
    let wants_regions = selection.has_relation("regions");
    let wants_rule = selection.has_relation("rule");
    let wants_conditions = selection.has_relation("rule.conditions");
    if rows.is_empty() || !(wants_parent || wants_regions || wants_rule) {
        return Ok(rows.into_iter().map(bare).collect());
    }
    let ids: Vec<String> = rows.iter().map(|d| d.id.clone()).collect();
    let mut reader = Reader::new(conn).await?;
    let parents = if wants_parent {
        by_key(
            &mut reader,
            live::<discount::Entity>(),
            discount::Column::Id,
            rows.iter().filter_map(|d| d.parent_discount_id.clone()),
        )
        .await?
    } else {
        Default::default()
    };
    let mut regions = if wants_regions {
        let select = in_insertion_order_of(
            live::<region::Entity>(),
            reader.backend(),
            "discount_regions",
        );
        let link = Link::<discount_regions::Entity> {
            owner: discount_regions::Column::DiscountId,
            target: discount_regions::Column::RegionId,
        };
        through(&mut reader, select, region::Column::Id, link, &ids).await?
    } else {
        Children::none(rows.len())
    };
    let rules = if wants_rule {
        by_key(
            &mut reader,
            live::<discount_rule::Entity>(),
            discount_rule::Column::Id,
            rows.iter().filter_map(|d| d.rule_id.clone()),
        )
        .await?
    } else {
        Default::default()
    };
    let conditions_by_rule = if wants_conditions && !rules.is_empty() {
        let rule_ids: Vec<String> = rules.keys().cloned().collect();
        // Medusa reads them unordered: physical order, which an update can change.
        let select = in_insertion_order(live::<discount_condition::Entity>(), reader.backend());
        let found = children(
            &mut reader,
            select,
            discount_condition::Column::DiscountRuleId,
            &rule_ids,
        )
        .await?;
        let relations = ConditionRelations::of(selection, "rule.conditions.");
        let groups = found.into_groups();
        let mut by_rule = std::collections::HashMap::new();
        for (rule_id, group) in rule_ids.into_iter().zip(groups) {
            by_rule.insert(
                rule_id,
                conditions_with(&mut reader, group, relations).await?,
            );
        }
        by_rule
    } else {
        Default::default()
    };
    Ok(rows
        .into_iter()
        .enumerate()
        .map(|(row, discount)| {
            let parent = discount
                .parent_discount_id
                .as_ref()
                .and_then(|id| parents.get(id).cloned());
            let rule = discount.rule_id.as_ref().and_then(|id| {
                let rule = rules.get(id)?.clone();
                let conditions = wants_conditions
                    .then(|| conditions_by_rule.get(id).cloned().unwrap_or_default());
                Some(RuleView { rule, conditions })
            });
            DiscountView {
                parent_discount: wants_parent.then_some(parent),
                regions: wants_regions
                    .then(|| regions.take(row).into_iter().map(RegionRow::new).collect()),
                rule: wants_rule.then_some(rule),
                discount,
            }
        })
        .collect())
}

fn bare(discount: discount::Model) -> DiscountView {
    DiscountView {
        discount,
        parent_discount: None,
        regions: None,
        rule: None,
    }
}

/// Loads `relations` onto conditions (one statement per relation for all of them).
pub async fn conditions_with<C: Connection>(
    reader: &mut Reader<'_, C>,
    rows: Vec<discount_condition::Model>,
    relations: ConditionRelations,
) -> Result<Vec<ConditionView>> {
    let ids: Vec<String> = rows.iter().map(|c| c.id.clone()).collect();
    let backend = reader.backend();
    let rules = if relations.discount_rule {
        by_key(
            reader,
            live::<discount_rule::Entity>(),
            discount_rule::Column::Id,
            rows.iter().map(|c| c.discount_rule_id.clone()),
        )
        .await?
    } else {
        Default::default()
    };
    macro_rules! linked {
        ($wanted:expr, $entity:ident, $link:ident, $target:ident, $table:literal) => {
            if $wanted {
                let select = in_insertion_order_of(live::<$entity::Entity>(), backend, $table);
                let link = Link::<$link::Entity> {
                    owner: $link::Column::ConditionId,
                    target: $link::Column::$target,
                };
                Some(through(reader, select, $entity::Column::Id, link, &ids).await?)
            } else {
                None
            }
        };
    }
    let mut products = linked!(
        relations.products,
        product,
        discount_condition_product,
        ProductId,
        "discount_condition_product"
    );
    let mut profiles = match (&products, relations.product_profiles) {
        (Some(found), true) => {
            let mut product_ids: Vec<String> = Vec::new();
            for row in 0..rows.len() {
                for product in found.of(row) {
                    if !product_ids.contains(&product.id) {
                        product_ids.push(product.id.clone());
                    }
                }
            }
            let select = in_insertion_order_of(
                live::<shipping_profile::Entity>(),
                backend,
                "product_shipping_profile",
            );
            let link = Link::<product_shipping_profile::Entity> {
                owner: product_shipping_profile::Column::ProductId,
                target: product_shipping_profile::Column::ProfileId,
            };
            let groups = through(
                reader,
                select,
                shipping_profile::Column::Id,
                link,
                &product_ids,
            )
            .await?
            .into_groups();
            Some(
                product_ids
                    .into_iter()
                    .zip(groups)
                    .collect::<std::collections::HashMap<_, _>>(),
            )
        }
        _ => None,
    };
    let mut types = linked!(
        relations.product_types,
        product_type,
        discount_condition_product_type,
        ProductTypeId,
        "discount_condition_product_type"
    );
    let mut collections = linked!(
        relations.product_collections,
        product_collection,
        discount_condition_product_collection,
        ProductCollectionId,
        "discount_condition_product_collection"
    );
    let mut tags = linked!(
        relations.product_tags,
        product_tag,
        discount_condition_product_tag,
        ProductTagId,
        "discount_condition_product_tag"
    );
    let mut groups = linked!(
        relations.customer_groups,
        customer_group,
        discount_condition_customer_group,
        CustomerGroupId,
        "discount_condition_customer_group"
    );
    Ok(rows
        .into_iter()
        .enumerate()
        .map(|(row, condition)| ConditionView {
            discount_rule: relations
                .discount_rule
                .then(|| rules.get(&condition.discount_rule_id).cloned()),
            products: products.as_mut().map(|c| {
                c.take(row)
                    .into_iter()
                    .map(|product| {
                        let of_product = profiles
                            .as_mut()
                            .map(|p| p.get(&product.id).cloned().unwrap_or_default());
                        ConditionProduct::new(product, of_product)
                    })
                    .collect()
            }),
            product_types: types.as_mut().map(|c| c.take(row)),
            product_collections: collections.as_mut().map(|c| c.take(row)),
            product_tags: tags.as_mut().map(|c| c.take(row)),
            customer_groups: groups.as_mut().map(|c| c.take(row)),
            condition,
        })
        .collect())
}
