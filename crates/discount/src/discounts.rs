//! Discounts (Medusa's `DiscountService`): CRUD, regions, dynamic codes, and the condition
//! routes that act through a discount.

use async_trait::async_trait;
use medusa_core::new_row::stamped;
use medusa_core::{generate_id, on_unique_violation, Error, FeatureFlags, ListPage, Result};
use medusa_entity::sea_orm_active_enums::DiscountRuleTypeEnum;
use medusa_entity::{discount, discount_regions, discount_rule, region};
use medusa_load::{find_live, link, live, live_or, relink, unlink};
use medusa_query_dsl::Selection;
use sea_orm::sea_query::Query;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    IntoActiveModel, PaginatorTrait, QueryFilter, Set, TransactionTrait,
};
use serde_json::Value;

use crate::conditions;
use crate::input::{duration_seconds, CreateDiscount, CreateDynamicCode, UpdateDiscount};
use crate::specs::DiscountQuery;
use crate::view::{self, DiscountView};

/// Managing discounts. Every answer is the discount re-read with `selection`.
#[async_trait]
pub trait DiscountService: Send + Sync {
    async fn list(&self, query: &DiscountQuery) -> Result<ListPage<DiscountView>>;
    async fn retrieve(&self, id: &str, selection: &Selection) -> Result<DiscountView>;
    /// By code, upper-cased and trimmed as Medusa stores codes.
    async fn retrieve_by_code(&self, code: &str, selection: &Selection) -> Result<DiscountView>;
    async fn create(&self, input: CreateDiscount, selection: &Selection) -> Result<DiscountView>;
    async fn update(
        &self,
        id: &str,
        input: UpdateDiscount,
        selection: &Selection,
    ) -> Result<DiscountView>;
    /// Soft delete; a missing discount is no error.
    async fn delete(&self, id: &str) -> Result<()>;
    /// Creates a child of a dynamic discount and returns the child.
    async fn create_dynamic_code(
        &self,
        id: &str,
        input: CreateDynamicCode,
        selection: &Selection,
    ) -> Result<DiscountView>;
    /// Soft-deletes the child with exactly this code; returns the parent.
    async fn delete_dynamic_code(
        &self,
        id: &str,
        code: &str,
        selection: &Selection,
    ) -> Result<DiscountView>;
    async fn add_region(
        &self,
        id: &str,
        region_id: &str,
        selection: &Selection,
    ) -> Result<DiscountView>;
    async fn remove_region(
        &self,
        id: &str,
        region_id: &str,
        selection: &Selection,
    ) -> Result<DiscountView>;
}

/// [`DiscountService`] over the database.
#[derive(Debug, Clone)]
pub struct SeaDiscountService {
    db: DatabaseConnection,
    flags: FeatureFlags,
}

impl SeaDiscountService {
    /// `flags`: with tax-inclusive pricing on, regions show `includes_tax`.
    pub fn new(db: DatabaseConnection, flags: FeatureFlags) -> Self {
        Self { db, flags }
    }
}

fn discount_not_found(id: &str) -> Error {
    Error::not_found(format!("Discount with id {id} was not found"))
}

fn duplicate_code(code: &str) -> Error {
    Error::duplicate(format!("Discount with code {code} already exists."))
}

const FIXED_ONE_REGION: &str = "Fixed discounts can have one region";

/// A live discount by id.
pub async fn retrieve_in<C: ConnectionTrait>(conn: &C, id: &str) -> Result<discount::Model> {
    live_or::<discount::Entity, _>(conn, id, || discount_not_found(id)).await
}

/// A live region by id, with Medusa's `RegionService.retrieve` message.
pub(crate) async fn region_in<C: ConnectionTrait>(conn: &C, id: &str) -> Result<region::Model> {
    live_or::<region::Entity, _>(conn, id, || {
        Error::not_found(format!("Region with {id} was not found"))
    })
    .await
}

async fn rule_of<C: ConnectionTrait>(
    conn: &C,
    discount: &discount::Model,
) -> Result<Option<discount_rule::Model>> {
    match &discount.rule_id {
        Some(id) => Ok(discount_rule::Entity::find_by_id(id.as_str())
            .one(conn)
            .await?),
        None => Ok(None),
    }
}

fn check_value(kind: &DiscountRuleTypeEnum, value: f64) -> Result<()> {
    if *kind == DiscountRuleTypeEnum::Percentage && value > 100.0 {
        return Err(Error::invalid_data(
            "Discount value above 100 is not allowed when type is percentage",
        ));
    }
    Ok(())
}

async fn code_taken<C: ConnectionTrait>(
    conn: &C,
    code: &str,
    other_than: Option<&str>,
) -> Result<bool> {
    let mut query = live::<discount::Entity>().filter(discount::Column::Code.eq(code));
    if let Some(id) = other_than {
        query = query.filter(discount::Column::Id.ne(id));
    }
    medusa_load::exists(conn, query).await
}

impl SeaDiscountService {
    async fn view(&self, discount: discount::Model, selection: &Selection) -> Result<DiscountView> {
        let id = discount.id.clone();
        view::discounts(&self.db, vec![discount], selection, self.flags)
            .await?
            .pop()
            .ok_or_else(|| discount_not_found(&id))
    }
}

/// A live discount read with `selection`.
pub(crate) async fn discount_view(
    db: &DatabaseConnection,
    id: &str,
    selection: &Selection,
    flags: FeatureFlags,
) -> Result<DiscountView> {
    let discount = retrieve_in(db, id).await?;
    view::discounts(db, vec![discount], selection, flags)
        .await?
        .pop()
        .ok_or_else(|| discount_not_found(id))
}

#[async_trait]
impl DiscountService for SeaDiscountService {
    async fn list(&self, query: &DiscountQuery) -> Result<ListPage<DiscountView>> {
        let plan = &query.plan;
        let mut select = discount::Entity::find();
        if query.rule_type.is_some() || query.rule_allocation.is_some() {
            let mut rules = Query::select();
            rules
                .column(discount_rule::Column::Id)
                .from(discount_rule::Entity);
            if let Some(kind) = &query.rule_type {
                rules.and_where(discount_rule::Column::Type.eq(kind.clone()));
            }
            if let Some(allocation) = &query.rule_allocation {
                rules.and_where(discount_rule::Column::Allocation.eq(allocation.clone()));
            }
            select = select.filter(discount::Column::RuleId.in_subquery(rules.to_owned()));
        }
        let count = plan.apply_count(select.clone()).count(&self.db).await?;
        let rows = plan.apply(select).all(&self.db).await?;
        let items = view::discounts(&self.db, rows, &plan.selection, self.flags).await?;
        Ok(plan.page("discounts", items, count))
    }

    async fn retrieve(&self, id: &str, selection: &Selection) -> Result<DiscountView> {
        let discount = retrieve_in(&self.db, id).await?;
        self.view(discount, selection).await
    }

    async fn retrieve_by_code(&self, code: &str, selection: &Selection) -> Result<DiscountView> {
        let normalized = code.to_uppercase().trim().to_owned();
        let discount = live::<discount::Entity>()
            .filter(discount::Column::Code.eq(normalized))
            .one(&self.db)
            .await?
            .ok_or_else(|| Error::not_found(format!("Discounts with code {code} was not found")))?;
        self.view(discount, selection).await
    }

    async fn create(&self, input: CreateDiscount, selection: &Selection) -> Result<DiscountView> {
        check_value(&input.rule.kind, input.rule.value)?;
        if input.regions.len() > 1 && input.rule.kind == DiscountRuleTypeEnum::Fixed {
            return Err(Error::invalid_data(FIXED_ONE_REGION));
        }
        let txn = self.db.begin().await?;
        for region_id in &input.regions {
            region_in(&txn, region_id).await?;
        }
        if input.regions.is_empty() {
            return Err(Error::invalid_data("Discount must have at least 1 region"));
        }
        // Medusa inserts a `null` flag as given, and the column refuses it.
        let not_null = |field: &str| {
            Error::invalid_data(format!(
                "Can't insert null value in field {field} on insert in table discount"
            ))
        };
        let is_dynamic = input.is_dynamic.ok_or_else(|| not_null("is_dynamic"))?;
        let is_disabled = input.is_disabled.ok_or_else(|| not_null("is_disabled"))?;
        let code = input.code.to_uppercase().trim().to_owned();
        if code_taken(&txn, &code, None).await? {
            return Err(duplicate_code(&code));
        }
        let now = medusa_core::time::now();
        let rule = discount_rule::ActiveModel {
            id: Set(generate_id("dru")),
            description: Set(input.rule.description.clone()),
            r#type: Set(input.rule.kind.clone()),
            value: Set(input.rule.value as i32),
            allocation: Set(Some(input.rule.allocation.clone())),
            ..stamped(now)
        }
        .insert(&txn)
        .await?;
        let created = discount::ActiveModel {
            id: Set(generate_id("disc")),
            code: Set(code.clone()),
            is_dynamic: Set(is_dynamic),
            rule_id: Set(Some(rule.id.clone())),
            is_disabled: Set(is_disabled),
            parent_discount_id: Set(None),
            starts_at: Set(input.starts_at.unwrap_or(now)),
            ends_at: Set(input.ends_at),
            metadata: Set(input.metadata.map(Value::Object)),
            usage_limit: Set(input.usage_limit.map(|n| n as i32)),
            usage_count: Set(0),
            valid_duration: Set(input.valid_duration),
            ..stamped(now)
        }
        .insert(&txn)
        .await
        .map_err(on_unique_violation(|_| duplicate_code(&code)))?;
        link::<discount_regions::Entity, _>(
            &txn,
            discount_regions::Column::DiscountId,
            discount_regions::Column::RegionId,
            &created.id,
            &input.regions,
        )
        .await?;
        for condition in &input.rule.conditions {
            conditions::upsert_in(&txn, &rule.id, condition, true).await?;
        }
        medusa_events::record_event(
            &txn,
            &crate::events::DiscountCreated {
                id: created.id.clone(),
            },
        )
        .await?;
        txn.commit().await?;
        self.retrieve(&created.id, selection).await
    }

    async fn update(
        &self,
        id: &str,
        input: UpdateDiscount,
        selection: &Selection,
    ) -> Result<DiscountView> {
        let txn = self.db.begin().await?;
        let current = retrieve_in(&txn, id).await?;
        let rule = rule_of(&txn, &current).await?;
        if let Some(Some(ends_at)) = &input.ends_at {
            if current.starts_at >= *ends_at {
                return Err(Error::invalid_data(
                    r#""ends_at" must be greater than "starts_at""#,
                ));
            }
        }
        let is_fixed = rule
            .as_ref()
            .is_some_and(|r| r.r#type == DiscountRuleTypeEnum::Fixed);
        if let Some(regions) = &input.regions {
            if regions.len() > 1 && is_fixed {
                return Err(Error::invalid_data(FIXED_ONE_REGION));
            }
        }
        let rule_id = current.rule_id.clone().unwrap_or_default();
        if let Some(update) = &input.rule {
            for condition in &update.conditions {
                conditions::upsert_in(&txn, &rule_id, condition, true).await?;
            }
        }
        if let Some(regions) = &input.regions {
            for region_id in regions {
                region_in(&txn, region_id).await?;
            }
            relink::<discount_regions::Entity, _>(
                &txn,
                discount_regions::Column::DiscountId,
                discount_regions::Column::RegionId,
                id,
                regions,
            )
            .await?;
        }
        let now = medusa_core::time::now();
        if let (Some(update), Some(rule)) = (&input.rule, rule) {
            if let Some(value) = update.value.filter(|v| *v != 0.0) {
                check_value(&rule.r#type, value)?;
            }
            // Saved only when something changed, as TypeORM saves (and stamps) only then.
            let mut next = rule.clone();
            if let Some(description) = &update.description {
                next.description = Some(description.clone());
            }
            if let Some(value) = update.value {
                next.value = value as i32;
            }
            if let Some(allocation) = &update.allocation {
                next.allocation = Some(allocation.clone());
            }
            if next != rule {
                next.updated_at = now;
                next.into_active_model().reset_all().update(&txn).await?;
            }
        }
        let metadata = input
            .metadata
            .map(|update| medusa_core::metadata::merge(current.metadata.as_ref(), &update));
        let code = input
            .code
            .clone()
            .unwrap_or_else(|| current.code.clone())
            .to_uppercase();
        if code_taken(&txn, &code, Some(id)).await? {
            return Err(duplicate_code(&code));
        }
        let mut next = current.clone();
        next.code = code.clone();
        if let Some(metadata) = metadata {
            next.metadata = Some(metadata);
        }
        if let Some(disabled) = input.is_disabled {
            next.is_disabled = disabled;
        }
        if let Some(starts_at) = input.starts_at {
            next.starts_at = starts_at;
        }
        if let Some(ends_at) = input.ends_at {
            next.ends_at = ends_at;
        }
        if let Some(duration) = input.valid_duration {
            next.valid_duration = duration;
        }
        if let Some(limit) = input.usage_limit {
            next.usage_limit = limit.map(|n| n as i32);
        }
        if next != current {
            next.updated_at = now;
            next.into_active_model()
                .reset_all()
                .update(&txn)
                .await
                .map_err(on_unique_violation(|_| duplicate_code(&code)))?;
        }
        txn.commit().await?;
        self.retrieve(id, selection).await
    }

    async fn delete(&self, id: &str) -> Result<()> {
        let txn = self.db.begin().await?;
        if let Some(found) = find_live::<discount::Entity, _>(&txn, id).await? {
            let mut row = found.into_active_model();
            row.deleted_at = Set(Some(medusa_core::time::now()));
            row.update(&txn).await?;
        }
        txn.commit().await?;
        Ok(())
    }

    async fn create_dynamic_code(
        &self,
        id: &str,
        input: CreateDynamicCode,
        selection: &Selection,
    ) -> Result<DiscountView> {
        let txn = self.db.begin().await?;
        let parent = retrieve_in(&txn, id).await?;
        if !parent.is_dynamic {
            return Err(Error::not_allowed("Discount must be set to dynamic"));
        }
        if input.code.is_empty() {
            return Err(Error::invalid_data("Discount must have a code"));
        }
        let code = input.code.to_uppercase().trim().to_owned();
        if code_taken(&txn, &code, None).await? {
            return Err(duplicate_code(&code));
        }
        let now = medusa_core::time::now();
        let ends_at = parent
            .valid_duration
            .as_deref()
            .and_then(duration_seconds)
            .map(|seconds| now + chrono::Duration::seconds(seconds as i64));
        let created = discount::ActiveModel {
            id: Set(generate_id("disc")),
            code: Set(code.clone()),
            is_dynamic: Set(true),
            rule_id: Set(parent.rule_id.clone()),
            is_disabled: Set(false),
            parent_discount_id: Set(Some(parent.id.clone())),
            starts_at: Set(now),
            ends_at: Set(ends_at),
            metadata: Set(input.metadata.map(Value::Object)),
            // Medusa copies the parent's limit and ignores the one given.
            usage_limit: Set(parent.usage_limit),
            usage_count: Set(0),
            valid_duration: Set(None),
            ..stamped(now)
        }
        .insert(&txn)
        .await
        .map_err(on_unique_violation(|_| duplicate_code(&code)))?;
        txn.commit().await?;
        self.retrieve(&created.id, selection).await
    }

    async fn delete_dynamic_code(
        &self,
        id: &str,
        code: &str,
        selection: &Selection,
    ) -> Result<DiscountView> {
        let txn = self.db.begin().await?;
        let child = live::<discount::Entity>()
            .filter(discount::Column::ParentDiscountId.eq(id))
            .filter(discount::Column::Code.eq(code))
            .one(&txn)
            .await?;
        if let Some(child) = child {
            let mut row = child.into_active_model();
            row.deleted_at = Set(Some(medusa_core::time::now()));
            row.update(&txn).await?;
        }
        txn.commit().await?;
        self.retrieve(id, selection).await
    }

    async fn add_region(
        &self,
        id: &str,
        region_id: &str,
        selection: &Selection,
    ) -> Result<DiscountView> {
        let txn = self.db.begin().await?;
        let discount = retrieve_in(&txn, id).await?;
        let linked: Vec<String> = region::Entity::find()
            .filter(region::Column::DeletedAt.is_null())
            .filter(
                region::Column::Id.in_subquery(
                    Query::select()
                        .column(discount_regions::Column::RegionId)
                        .from(discount_regions::Entity)
                        .and_where(discount_regions::Column::DiscountId.eq(id))
                        .to_owned(),
                ),
            )
            .all(&txn)
            .await?
            .into_iter()
            .map(|r| r.id)
            .collect();
        if !linked.iter().any(|r| r == region_id) {
            let rule = rule_of(&txn, &discount).await?;
            let is_fixed = rule.is_some_and(|r| r.r#type == DiscountRuleTypeEnum::Fixed);
            if linked.len() == 1 && is_fixed {
                return Err(Error::invalid_data(FIXED_ONE_REGION));
            }
            region_in(&txn, region_id).await?;
            link::<discount_regions::Entity, _>(
                &txn,
                discount_regions::Column::DiscountId,
                discount_regions::Column::RegionId,
                id,
                &[region_id.to_owned()],
            )
            .await?;
        }
        txn.commit().await?;
        self.retrieve(id, selection).await
    }

    async fn remove_region(
        &self,
        id: &str,
        region_id: &str,
        selection: &Selection,
    ) -> Result<DiscountView> {
        let txn = self.db.begin().await?;
        retrieve_in(&txn, id).await?;
        unlink::<discount_regions::Entity, _>(
            &txn,
            discount_regions::Column::DiscountId,
            discount_regions::Column::RegionId,
            id,
            Some(&[region_id.to_owned()]),
        )
        .await?;
        txn.commit().await?;
        self.retrieve(id, selection).await
    }
}
