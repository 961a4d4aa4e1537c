//! `DraftOrderService`: each write begins a transaction, composes the cart engine's `*_in`
//! functions, records Medusa's events, commits, and re-reads the draft with its cart.

use std::sync::Arc;

use async_trait::async_trait;
use medusa_cart::carts::{create_cart_in, update_cart_in, AddressInput, CartChanges, NewCart};
use medusa_cart::discounts::{refresh_cart_adjustments_in, set_discounts_in};
use medusa_cart::rows::cart_row;
use medusa_cart::shipping::{
    add_shipping_method_in, create_custom_shipping_option_in, delete_line_in,
};
use medusa_cart::{
    custom_line_item, generate_line_items_in, insert_line_items_in, LineOwner, PricingContext,
    TaxLines, VariantLine,
};
use medusa_core::{FeatureFlags, Flag, ListPage, Result};
use medusa_entity::sea_orm_active_enums::{CartTypeEnum, DraftOrderStatusEnum};
use medusa_entity::{customer, draft_order, line_item, store};
use medusa_events::record_event;
use medusa_order::{OrderQuery, OrderService};
use medusa_providers::ProviderRegistry;
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction, EntityTrait,
    IntoActiveModel, Set, TransactionTrait,
};
use serde_json::{json, Value};

use crate::events::{
    record_cart_updated, CartCreated, CartCustomerUpdated, CustomerCreated, DraftOrderCreated,
    DraftOrderUpdated,
};
use crate::input::{
    AddLineItem, AddressRef, CreateDraftOrder, ItemInput, UpdateDraftOrder, UpdateLineItem,
};
use crate::pay::pay_in;
use crate::read::{draft_json, draft_row, list_drafts, DraftListQuery};

/// The draft-order routes.
#[async_trait]
pub trait DraftOrderService: Send + Sync {
    async fn list(&self, query: &DraftListQuery) -> Result<ListPage<Value>>;
    async fn retrieve(&self, id: &str) -> Result<Value>;
    async fn create(&self, input: CreateDraftOrder) -> Result<Value>;
    async fn update(&self, id: &str, input: UpdateDraftOrder) -> Result<Value>;
    async fn add_line_item(&self, id: &str, input: AddLineItem) -> Result<Value>;
    async fn update_line_item(
        &self,
        id: &str,
        line_id: &str,
        input: UpdateLineItem,
    ) -> Result<Value>;
    async fn delete_line_item(&self, id: &str, line_id: &str) -> Result<Value>;
    /// Hard delete of the draft (its cart stays); no error when there is none.
    async fn delete(&self, id: &str) -> Result<Value>;
    /// Registers the `system` payment and turns the draft into an order; the order as
    /// `GET /admin/orders/{id}` shows it with `answer`.
    async fn pay(&self, id: &str, answer: &OrderQuery) -> Result<Value>;
}

/// [`DraftOrderService`] over the database.
#[derive(Clone)]
pub struct SeaDraftOrderService {
    db: DatabaseConnection,
    providers: ProviderRegistry,
    flags: FeatureFlags,
    orders: Arc<dyn OrderService>,
}

impl SeaDraftOrderService {
    pub fn new(
        db: DatabaseConnection,
        providers: ProviderRegistry,
        flags: FeatureFlags,
        orders: Arc<dyn OrderService>,
    ) -> Self {
        Self {
            db,
            providers,
            flags,
            orders,
        }
    }

    fn tax_inclusive(&self) -> bool {
        self.flags.is_enabled(Flag::TaxInclusivePricing)
    }

    async fn answer(&self, id: &str) -> Result<Value> {
        draft_json(&self.db, id, self.tax_inclusive()).await
    }

    /// The draft, locked for this transaction, and refused unless open.
    async fn open_draft(&self, txn: &DatabaseTransaction, id: &str) -> Result<draft_order::Model> {
        let draft = draft_row(txn, id, true).await?;
        if draft.status == DraftOrderStatusEnum::Completed {
            return Err(medusa_core::Error::not_allowed(
                "You are only allowed to update open draft orders",
            ));
        }
        Ok(draft)
    }

    /// The open draft's cart id and its line `line_id` (none when the line is another cart's).
    async fn open_draft_line(
        &self,
        txn: &DatabaseTransaction,
        id: &str,
        line_id: &str,
    ) -> Result<(String, Option<line_item::Model>)> {
        let draft = self.open_draft(txn, id).await?;
        let cart_id = draft.cart_id.unwrap_or_default();
        let item = line_item::Entity::find_by_id(line_id)
            .one(txn)
            .await?
            .filter(|i| i.cart_id.as_deref() == Some(cart_id.as_str()));
        Ok((cart_id, item))
    }
}

fn address(input: &Option<AddressRef>) -> Option<AddressInput> {
    input.as_ref().map(|a| match a {
        AddressRef::Id(id) => AddressInput::Id(id.clone()),
        AddressRef::New(map) => AddressInput::New(map.clone()),
    })
}

async fn record_guest<C: ConnectionTrait>(conn: &C, guest: Option<customer::Model>) -> Result<()> {
    if let Some(guest) = guest {
        record_event(conn, &CustomerCreated(&guest)).await?;
    }
    Ok(())
}

/// Writes the body's lines on the cart: variant lines generated and priced, custom lines as
/// given.
async fn add_items_in<C: medusa_load::Connection>(
    conn: &C,
    cart_id: &str,
    region_id: &str,
    customer_id: Option<&str>,
    items: &[ItemInput],
    tax_inclusive: bool,
) -> Result<()> {
    let variant_lines: Vec<VariantLine> = items
        .iter()
        .filter_map(|i| {
            i.variant_id.as_ref().map(|v| VariantLine {
                variant_id: v.clone(),
                quantity: i.quantity,
                unit_price: i.unit_price,
                metadata: i.metadata.clone(),
            })
        })
        .collect();
    let context = PricingContext {
        region_id,
        customer_id,
        tax_inclusive,
    };
    let mut new = generate_line_items_in(conn, &context, &variant_lines).await?;
    for item in items.iter().filter(|i| i.variant_id.is_none()) {
        new.push(custom_line_item(
            item.title.as_deref(),
            item.unit_price,
            item.quantity,
            item.metadata.clone(),
        )?);
    }
    insert_line_items_in(
        conn,
        LineOwner::Cart(cart_id),
        new,
        TaxLines::None,
        tax_inclusive,
    )
    .await?;
    Ok(())
}

#[async_trait]
impl DraftOrderService for SeaDraftOrderService {
    async fn list(&self, query: &DraftListQuery) -> Result<ListPage<Value>> {
        list_drafts(&self.db, query, self.tax_inclusive()).await
    }

    async fn retrieve(&self, id: &str) -> Result<Value> {
        self.answer(id).await
    }

    async fn create(&self, input: CreateDraftOrder) -> Result<Value> {
        let tax_inclusive = self.tax_inclusive();
        let txn = self.db.begin().await?;
        let sales_channel_id = if self.flags.is_enabled(Flag::SalesChannels) {
            store::Entity::find()
                .one(&txn)
                .await?
                .and_then(|s| s.default_sales_channel_id)
        } else {
            None
        };
        let (cart, guest) = create_cart_in(
            &txn,
            &NewCart {
                kind: CartTypeEnum::DraftOrder,
                region_id: input.region_id.clone(),
                customer_id: input.customer_id.clone(),
                email: Some(input.email.clone()),
                shipping_address: address(&input.shipping_address),
                billing_address: address(&input.billing_address),
                sales_channel_id,
                metadata: input.metadata.clone(),
            },
        )
        .await?;
        record_guest(&txn, guest).await?;
        record_event(
            &txn,
            &CartCreated {
                id: cart.id.clone(),
            },
        )
        .await?;
        let now = medusa_core::time::now();
        let draft_id = medusa_core::generate_id("dorder");
        draft_order::Entity::insert(draft_order::ActiveModel {
            id: Set(draft_id.clone()),
            status: Set(DraftOrderStatusEnum::Open),
            cart_id: Set(Some(cart.id.clone())),
            order_id: Set(None),
            canceled_at: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
            completed_at: Set(None),
            metadata: Set(None),
            idempotency_key: Set(None),
            no_notification_order: Set(input.no_notification_order),
            ..Default::default()
        })
        .exec_without_returning(&txn)
        .await?;
        record_event(
            &txn,
            &DraftOrderCreated {
                id: draft_id.clone(),
            },
        )
        .await?;
        add_items_in(
            &txn,
            &cart.id,
            &cart.region_id,
            cart.customer_id.as_deref(),
            &input.items,
            tax_inclusive,
        )
        .await?;
        for method in input.shipping_methods.iter().filter(|m| m.price.is_some()) {
            create_custom_shipping_option_in(
                &txn,
                &cart.id,
                &method.option_id,
                method.price.unwrap_or(0),
            )
            .await?;
        }
        for method in &input.shipping_methods {
            add_shipping_method_in(
                &txn,
                &self.providers,
                tax_inclusive,
                &cart.id,
                &method.option_id,
                &method.data,
            )
            .await?;
            record_cart_updated(&txn, &cart.id).await?;
        }
        if !input.discounts.is_empty() {
            set_discounts_in(&txn, &cart.id, &input.discounts, tax_inclusive).await?;
            record_cart_updated(&txn, &cart.id).await?;
        }
        txn.commit().await?;
        self.answer(&draft_id).await
    }

    async fn update(&self, id: &str, input: UpdateDraftOrder) -> Result<Value> {
        let tax_inclusive = self.tax_inclusive();
        let txn = self.db.begin().await?;
        let draft = self.open_draft(&txn, id).await?;
        if let Some(flag) = input.no_notification_order {
            if draft.no_notification_order != Some(flag) {
                let mut active = draft.clone().into_active_model();
                active.no_notification_order = Set(Some(flag));
                active.updated_at = Set(medusa_core::time::now());
                active.update(&txn).await?;
                record_event(
                    &txn,
                    &DraftOrderUpdated {
                        id: draft.id.clone(),
                    },
                )
                .await?;
            }
        }
        let cart_id = draft.cart_id.clone().unwrap_or_default();
        let cart = cart_row(&txn, &cart_id).await?;
        let changes = CartChanges {
            customer_id: input.customer_id.clone(),
            email: input.email.clone(),
            billing_address: address(&input.billing_address),
            shipping_address: address(&input.shipping_address),
            region_id: input.region_id.clone(),
            country_code: input.country_code.clone(),
        };
        let (guest, customer_changed) =
            update_cart_in(&txn, &cart, &changes, tax_inclusive).await?;
        record_guest(&txn, guest).await?;
        if let Some(codes) = &input.discounts {
            set_discounts_in(&txn, &cart_id, codes, tax_inclusive).await?;
        }
        if customer_changed {
            record_event(
                &txn,
                &CartCustomerUpdated {
                    id: cart_id.clone(),
                },
            )
            .await?;
        }
        record_cart_updated(&txn, &cart_id).await?;
        txn.commit().await?;
        self.answer(id).await
    }

    async fn add_line_item(&self, id: &str, input: AddLineItem) -> Result<Value> {
        let tax_inclusive = self.tax_inclusive();
        let txn = self.db.begin().await?;
        let draft = self.open_draft(&txn, id).await?;
        let cart = cart_row(&txn, draft.cart_id.as_deref().unwrap_or_default()).await?;
        let item = input.0;
        // A variant's line merged into an existing one inserts nothing.
        let new = if let Some(variant_id) = &item.variant_id {
            let context = PricingContext {
                region_id: &cart.region_id,
                customer_id: None,
                tax_inclusive,
            };
            let line = VariantLine {
                variant_id: variant_id.clone(),
                quantity: item.quantity,
                unit_price: item.unit_price,
                metadata: item.metadata.clone(),
            };
            let mut generated = generate_line_items_in(&txn, &context, &[line]).await?;
            let existing = existing_mergeable(&txn, &cart.id, variant_id).await?;
            match (generated.pop(), existing) {
                (Some(new), Some(existing)) if new.row.should_merge => {
                    let quantity = existing.quantity + new.row.quantity;
                    let mut active = existing.into_active_model();
                    active.quantity = Set(quantity);
                    active.updated_at = Set(medusa_core::time::now());
                    active.update(&txn).await?;
                    None
                }
                (new, _) => new,
            }
        } else {
            Some(custom_line_item(
                item.title.as_deref(),
                item.unit_price,
                item.quantity,
                item.metadata.clone(),
            )?)
        };
        if let Some(new) = new {
            insert_line_items_in(
                &txn,
                LineOwner::Cart(&cart.id),
                vec![new],
                TaxLines::None,
                tax_inclusive,
            )
            .await?;
        }
        refresh_cart_adjustments_in(&txn, &cart.id, tax_inclusive).await?;
        record_cart_updated(&txn, &cart.id).await?;
        txn.commit().await?;
        self.answer(id).await
    }

    async fn update_line_item(
        &self,
        id: &str,
        line_id: &str,
        input: UpdateLineItem,
    ) -> Result<Value> {
        let tax_inclusive = self.tax_inclusive();
        let txn = self.db.begin().await?;
        let (cart_id, item) = self.open_draft_line(&txn, id, line_id).await?;
        if input.quantity == Some(0) {
            if let Some(item) = &item {
                delete_line_in(&txn, item).await?;
            }
        } else {
            let item = item
                .ok_or_else(|| medusa_core::Error::invalid_data("Could not find the line item"))?;
            let mut active = item.clone().into_active_model();
            if let Some(title) = &input.title {
                active.title = Set(title.clone());
            }
            if let Some(price) = input.unit_price {
                active.unit_price = Set(to_i32(price)?);
            }
            if let Some(quantity) = input.quantity {
                active.quantity = Set(to_i32(quantity)?);
            }
            if let Some(metadata) = &input.metadata {
                let mut merged = match &item.metadata {
                    Some(Value::Object(map)) => map.clone(),
                    _ => serde_json::Map::new(),
                };
                for (key, value) in metadata {
                    merged.insert(key.clone(), value.clone());
                }
                active.metadata = Set(Some(Value::Object(merged)));
            }
            active.updated_at = Set(medusa_core::time::now());
            active.update(&txn).await?;
        }
        refresh_cart_adjustments_in(&txn, &cart_id, tax_inclusive).await?;
        record_cart_updated(&txn, &cart_id).await?;
        txn.commit().await?;
        self.answer(id).await
    }

    async fn delete_line_item(&self, id: &str, line_id: &str) -> Result<Value> {
        let tax_inclusive = self.tax_inclusive();
        let txn = self.db.begin().await?;
        let (cart_id, item) = self.open_draft_line(&txn, id, line_id).await?;
        if let Some(item) = &item {
            delete_line_in(&txn, item).await?;
        }
        refresh_cart_adjustments_in(&txn, &cart_id, tax_inclusive).await?;
        record_cart_updated(&txn, &cart_id).await?;
        txn.commit().await?;
        self.answer(id).await
    }

    async fn delete(&self, id: &str) -> Result<Value> {
        // Medusa answers the same for a draft that does not exist.
        draft_order::Entity::delete_by_id(id).exec(&self.db).await?;
        Ok(json!({ "id": id, "object": "draft-order", "deleted": true }))
    }

    async fn pay(&self, id: &str, answer: &OrderQuery) -> Result<Value> {
        let txn = self.db.begin().await?;
        let order_id = pay_in(&txn, &self.providers, self.tax_inclusive(), id).await?;
        txn.commit().await?;
        // As every order write's answer, the entity's `object` is kept.
        let mut order = self.orders.retrieve(&order_id, answer).await?;
        if let Value::Object(map) = &mut order {
            map.insert("object".to_owned(), Value::String("order".to_owned()));
        }
        Ok(order)
    }
}

/// The cart's line of this variant that a new line of it merges into.
async fn existing_mergeable<C: ConnectionTrait>(
    conn: &C,
    cart_id: &str,
    variant_id: &str,
) -> Result<Option<line_item::Model>> {
    use sea_orm::{ColumnTrait, QueryFilter};
    Ok(line_item::Entity::find()
        .filter(line_item::Column::CartId.eq(cart_id))
        .filter(line_item::Column::VariantId.eq(variant_id))
        .filter(line_item::Column::ShouldMerge.eq(true))
        .one(conn)
        .await?)
}

fn to_i32(value: i64) -> Result<i32> {
    i32::try_from(value)
        .map_err(|_| medusa_core::Error::invalid_data(format!("{value} is out of range")))
}
