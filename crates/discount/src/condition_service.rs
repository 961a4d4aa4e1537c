//! The condition routes of a discount (Medusa's `DiscountConditionService` as the admin
//! routes use it): each checks that the condition belongs to the discount's rule, changes it
//! in one transaction, and answers with the discount re-read.

use async_trait::async_trait;
use medusa_core::{in_transaction, Error, FeatureFlags, Result};
use medusa_entity::{discount, discount_condition};
use medusa_load::{find_live, Reader};
use medusa_query_dsl::Selection;
use sea_orm::{ConnectionTrait, DatabaseConnection, DatabaseTransaction};

use crate::conditions;
use crate::discounts::{discount_view, retrieve_in};
use crate::input::ConditionInput;
use crate::view::{self, ConditionRelations, ConditionView, DiscountView};

/// Managing a discount's conditions.
#[async_trait]
pub trait DiscountConditionService: Send + Sync {
    /// Medusa's `doesConditionBelongToDiscount` guard of the condition routes.
    async fn check_condition(&self, id: &str, condition_id: &str) -> Result<()>;
    async fn create_condition(
        &self,
        id: &str,
        input: ConditionInput,
        selection: &Selection,
    ) -> Result<DiscountView>;
    async fn retrieve_condition(
        &self,
        condition_id: &str,
        selection: &Selection,
    ) -> Result<ConditionView>;
    /// Replaces a condition's resources (and its operator when given).
    async fn update_condition(
        &self,
        id: &str,
        condition_id: &str,
        input: ConditionInput,
        selection: &Selection,
    ) -> Result<DiscountView>;
    /// Hard delete; a missing condition is no error, one of another discount is a 404.
    async fn delete_condition(
        &self,
        id: &str,
        condition_id: &str,
        selection: &Selection,
    ) -> Result<DiscountView>;
    async fn add_condition_resources(
        &self,
        id: &str,
        condition_id: &str,
        resources: &[String],
        selection: &Selection,
    ) -> Result<DiscountView>;
    async fn remove_condition_resources(
        &self,
        id: &str,
        condition_id: &str,
        resources: &[String],
        selection: &Selection,
    ) -> Result<DiscountView>;
}

/// [`DiscountConditionService`] over the database.
#[derive(Debug, Clone)]
pub struct SeaDiscountConditionService {
    db: DatabaseConnection,
    flags: FeatureFlags,
}

impl SeaDiscountConditionService {
    /// `flags`: with tax-inclusive pricing on, the discount's regions show `includes_tax`.
    pub fn new(db: DatabaseConnection, flags: FeatureFlags) -> Self {
        Self { db, flags }
    }

    /// The discount and condition, checked as Medusa's route guard checks them.
    pub(crate) async fn condition_of_discount<C: ConnectionTrait>(
        conn: &C,
        id: &str,
        condition_id: &str,
    ) -> Result<(discount::Model, discount_condition::Model)> {
        let discount = retrieve_in(conn, id).await?;
        let condition = conditions::retrieve_in(conn, condition_id).await?;
        check_belongs(&discount, &condition, Error::invalid_data)?;
        Ok((discount, condition))
    }

    /// Runs a condition route's `write` in one transaction, then answers with the discount
    /// re-read after the commit.
    async fn write_then_answer(
        &self,
        id: &str,
        selection: &Selection,
        write: impl AsyncFnOnce(&DatabaseTransaction) -> Result<()>,
    ) -> Result<DiscountView> {
        in_transaction(&self.db, write).await?;
        discount_view(&self.db, id, selection, self.flags).await
    }
}

/// Medusa's check that `condition` sits under `discount`'s rule; `refusal` makes the error
/// (the route guard's is a 400, the delete's a 404).
fn check_belongs(
    discount: &discount::Model,
    condition: &discount_condition::Model,
    refusal: fn(String) -> Error,
) -> Result<()> {
    if discount.rule_id.as_deref() == Some(condition.discount_rule_id.as_str()) {
        return Ok(());
    }
    Err(refusal(format!(
        "Condition with id {} does not belong to Discount with id {}",
        condition.id, discount.id
    )))
}

/// Writes `condition` under the discount's rule, its resources replacing the condition's.
async fn upsert_on_rule_in<C: ConnectionTrait>(
    conn: &C,
    discount: &discount::Model,
    condition: &ConditionInput,
) -> Result<()> {
    let rule_id = discount.rule_id.as_deref().unwrap_or_default();
    conditions::upsert_in(conn, rule_id, condition, true).await
}

#[async_trait]
impl DiscountConditionService for SeaDiscountConditionService {
    async fn check_condition(&self, id: &str, condition_id: &str) -> Result<()> {
        Self::condition_of_discount(&self.db, id, condition_id).await?;
        Ok(())
    }

    async fn create_condition(
        &self,
        id: &str,
        input: ConditionInput,
        selection: &Selection,
    ) -> Result<DiscountView> {
        let discount = retrieve_in(&self.db, id).await?;
        let condition = ConditionInput { id: None, ..input };
        self.write_then_answer(id, selection, async |txn| {
            upsert_on_rule_in(txn, &discount, &condition).await
        })
        .await
    }

    async fn retrieve_condition(
        &self,
        condition_id: &str,
        selection: &Selection,
    ) -> Result<ConditionView> {
        let condition = conditions::retrieve_in(&self.db, condition_id).await?;
        let mut reader = Reader::new(&self.db).await?;
        let relations = ConditionRelations::of(selection, "");
        view::conditions_with(&mut reader, vec![condition], relations)
            .await?
            .pop()
            .ok_or_else(|| conditions::condition_not_found(condition_id))
    }

    async fn update_condition(
        &self,
        id: &str,
        condition_id: &str,
        input: ConditionInput,
        selection: &Selection,
    ) -> Result<DiscountView> {
        self.write_then_answer(id, selection, async |txn| {
            let (discount, condition) = Self::condition_of_discount(txn, id, condition_id).await?;
            let update = ConditionInput {
                id: Some(condition.id),
                ..input
            };
            upsert_on_rule_in(txn, &discount, &update).await
        })
        .await
    }

    async fn delete_condition(
        &self,
        id: &str,
        condition_id: &str,
        selection: &Selection,
    ) -> Result<DiscountView> {
        self.write_then_answer(id, selection, async |txn| {
            let Some(condition) =
                find_live::<discount_condition::Entity, _>(txn, condition_id).await?
            else {
                return Ok(());
            };
            let discount = retrieve_in(txn, id).await?;
            check_belongs(&discount, &condition, Error::not_found)?;
            conditions::delete_in(txn, condition_id).await
        })
        .await
    }

    async fn add_condition_resources(
        &self,
        id: &str,
        condition_id: &str,
        resources: &[String],
        selection: &Selection,
    ) -> Result<DiscountView> {
        self.write_then_answer(id, selection, async |txn| {
            let (_, condition) = Self::condition_of_discount(txn, id, condition_id).await?;
            let update = ConditionInput {
                id: Some(condition.id.clone()),
                operator: None,
                operator_text: None,
                kind: (!resources.is_empty())
                    .then(|| (condition.r#type.clone(), resources.to_vec())),
            };
            conditions::upsert_in(txn, &condition.discount_rule_id, &update, false).await
        })
        .await
    }

    async fn remove_condition_resources(
        &self,
        id: &str,
        condition_id: &str,
        resources: &[String],
        selection: &Selection,
    ) -> Result<DiscountView> {
        self.write_then_answer(id, selection, async |txn| {
            let (_, condition) = Self::condition_of_discount(txn, id, condition_id).await?;
            if resources.is_empty() {
                return Err(Error::invalid_data(
                    "Missing one of products, collections, tags, types or customer groups in data",
                ));
            }
            conditions::remove_resources_in(txn, condition_id, &condition.r#type, resources).await
        })
        .await
    }
}
