//! [`OrderEditService`]: each route of `/admin/order-edits` in one transaction, answered with
//! the edit as Medusa's default fields and relations show it, with its totals.

use async_trait::async_trait;
use medusa_core::{FeatureFlags, Flag, ListPage, Result};
use medusa_entity::order_edit;
use medusa_query_dsl::{ListPlan, Selection};
use sea_orm::{DatabaseConnection, EntityTrait, PaginatorTrait, TransactionTrait};
use serde_json::Value;

use crate::input::{
    AddLineItem, CreateOrderEdit, RequestConfirmation, UpdateLineItem, UpdateOrderEdit,
};
use crate::read::show_edits;
use crate::spec::default_selection;
use crate::{items, write};

/// The admin's order edit routes. `user` is the caller, recorded as the step's author.
#[async_trait]
pub trait OrderEditService: Send + Sync {
    async fn list(&self, plan: &ListPlan) -> Result<ListPage<Value>>;
    async fn retrieve(&self, id: &str, selection: &Selection) -> Result<Value>;
    async fn create(&self, input: &CreateOrderEdit, user: &str) -> Result<Value>;
    async fn update(&self, id: &str, input: &UpdateOrderEdit) -> Result<Value>;
    /// Deletes a created edit (a missing one is no error).
    async fn delete(&self, id: &str) -> Result<()>;
    async fn cancel(&self, id: &str, user: &str) -> Result<Value>;
    async fn confirm(&self, id: &str, user: &str) -> Result<Value>;
    async fn request(&self, id: &str, user: &str, input: &RequestConfirmation) -> Result<Value>;
    async fn add_item(&self, id: &str, input: &AddLineItem) -> Result<Value>;
    async fn update_item(&self, id: &str, item_id: &str, input: &UpdateLineItem) -> Result<Value>;
    async fn remove_item(&self, id: &str, item_id: &str) -> Result<Value>;
    async fn delete_change(&self, id: &str, change_id: &str) -> Result<()>;
}

/// [`OrderEditService`] over the database.
#[derive(Debug, Clone)]
pub struct SeaOrderEditService {
    db: DatabaseConnection,
    /// `MEDUSA_FF_TAX_INCLUSIVE_PRICING`: lines carry `includes_tax`, and totals read it.
    tax_inclusive: bool,
}

impl SeaOrderEditService {
    pub fn new(db: DatabaseConnection, flags: FeatureFlags) -> Self {
        Self {
            db,
            tax_inclusive: flags.is_enabled(Flag::TaxInclusivePricing),
        }
    }

    /// The edit as the write routes answer it (after their commit).
    async fn answer(&self, id: &str) -> Result<Value> {
        self.retrieve(id, &default_selection()?).await
    }
}

macro_rules! in_transaction {
    ($self:ident, |$txn:ident| $body:expr) => {{
        let $txn = $self.db.begin().await?;
        let out = $body;
        $txn.commit().await?;
        out
    }};
}

#[async_trait]
impl OrderEditService for SeaOrderEditService {
    async fn list(&self, plan: &ListPlan) -> Result<ListPage<Value>> {
        let count = plan
            .apply_count(order_edit::Entity::find())
            .count(&self.db)
            .await?;
        let rows = plan.apply(order_edit::Entity::find()).all(&self.db).await?;
        let shown = show_edits(&self.db, &rows, &plan.selection, self.tax_inclusive).await?;
        Ok(plan.page("order_edits", shown, count))
    }

    async fn retrieve(&self, id: &str, selection: &Selection) -> Result<Value> {
        let row = order_edit::Entity::find_by_id(id)
            .one(&self.db)
            .await?
            .ok_or_else(|| write::edit_not_found(id))?;
        let mut shown = show_edits(&self.db, &[row], selection, self.tax_inclusive).await?;
        shown.pop().ok_or_else(|| write::edit_not_found(id))
    }

    async fn create(&self, input: &CreateOrderEdit, user: &str) -> Result<Value> {
        let edit = in_transaction!(self, |txn| write::create_in(
            &txn,
            input,
            user,
            self.tax_inclusive
        )
        .await?);
        self.answer(&edit.id).await
    }

    async fn update(&self, id: &str, input: &UpdateOrderEdit) -> Result<Value> {
        in_transaction!(self, |txn| write::update_in(&txn, id, input).await?);
        self.answer(id).await
    }

    async fn delete(&self, id: &str) -> Result<()> {
        in_transaction!(self, |txn| write::delete_in(&txn, id).await?);
        Ok(())
    }

    async fn cancel(&self, id: &str, user: &str) -> Result<Value> {
        in_transaction!(self, |txn| write::cancel_in(&txn, id, user).await?);
        self.answer(id).await
    }

    async fn confirm(&self, id: &str, user: &str) -> Result<Value> {
        in_transaction!(self, |txn| write::confirm_in(&txn, id, user).await?);
        self.answer(id).await
    }

    async fn request(&self, id: &str, user: &str, input: &RequestConfirmation) -> Result<Value> {
        in_transaction!(self, |txn| write::request_in(
            &txn,
            id,
            user,
            input,
            self.tax_inclusive
        )
        .await?);
        self.answer(id).await
    }

    async fn add_item(&self, id: &str, input: &AddLineItem) -> Result<Value> {
        in_transaction!(self, |txn| items::add_item_in(
            &txn,
            id,
            input,
            self.tax_inclusive
        )
        .await?);
        self.answer(id).await
    }

    async fn update_item(&self, id: &str, item_id: &str, input: &UpdateLineItem) -> Result<Value> {
        in_transaction!(self, |txn| items::update_item_in(&txn, id, item_id, input)
            .await?);
        self.answer(id).await
    }

    async fn remove_item(&self, id: &str, item_id: &str) -> Result<Value> {
        in_transaction!(self, |txn| items::remove_item_in(&txn, id, item_id).await?);
        self.answer(id).await
    }

    async fn delete_change(&self, id: &str, change_id: &str) -> Result<()> {
        in_transaction!(self, |txn| items::delete_change_in(&txn, id, change_id)
            .await?);
        Ok(())
    }
}
