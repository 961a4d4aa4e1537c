//! Gift cards (Medusa's `GiftCardService`): create with a random code, list with search on
//! the code and the order's display id, update with the balance check, soft delete.

use async_trait::async_trait;
use chrono::{DateTime, FixedOffset};
use medusa_core::new_row::stamped;
use medusa_core::{generate_id, on_unique_violation, Error, FeatureFlags, ListPage, Result};
use medusa_entity::{gift_card, order, region};
use medusa_events::record_event;
use medusa_load::{by_key, find_live, live, live_or, Reader};
use medusa_query_dsl::{ListPlan, Selection};
use rand::Rng;
use sea_orm::sea_query::Alias;
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DatabaseConnection, EntityTrait, IntoActiveModel, JoinType,
    PaginatorTrait, QuerySelect, Set, TransactionTrait,
};
use serde::Serialize;
use serde_json::Value;

use crate::discounts::region_in;
use crate::events::GiftCardCreated;
use crate::input::{CreateGiftCard, UpdateGiftCard};
use crate::view::{attach_includes_tax, RegionRow};

/// A gift card with the relations that were asked for.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GiftCardView {
    #[serde(flatten)]
    pub gift_card: gift_card::Model,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<Option<RegionRow>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order: Option<Option<order::Model>>,
}

#[async_trait]
pub trait GiftCardService: Send + Sync {
    async fn list(&self, plan: &ListPlan) -> Result<ListPage<GiftCardView>>;
    async fn retrieve(&self, id: &str, selection: &Selection) -> Result<GiftCardView>;
    async fn create(&self, input: CreateGiftCard, selection: &Selection) -> Result<GiftCardView>;
    async fn update(
        &self,
        id: &str,
        input: UpdateGiftCard,
        selection: &Selection,
    ) -> Result<GiftCardView>;
    /// Soft delete; a missing gift card is no error.
    async fn delete(&self, id: &str) -> Result<()>;
}

/// [`GiftCardService`] over the database.
#[derive(Debug, Clone)]
pub struct SeaGiftCardService {
    db: DatabaseConnection,
    flags: FeatureFlags,
}

impl SeaGiftCardService {
    /// `flags`: with tax-inclusive pricing on, regions show `includes_tax`.
    pub fn new(db: DatabaseConnection, flags: FeatureFlags) -> Self {
        Self { db, flags }
    }
}

fn gift_card_not_found(id: &str) -> Error {
    Error::not_found(format!("Gift card with id: {id} was not found"))
}

/// Four groups of four characters of `[A-Z0-9]` joined by `-` (Medusa's `generateCode`).
pub fn generate_code() -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    let mut rng = rand::thread_rng();
    (0..4)
        .map(|_| {
            (0..4)
                .map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())] as char)
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("-")
}

/// Medusa's `resolveTaxRate`: none unless the region taxes gift cards; then the given rate
/// (the bought line's), else the region's when not 0.
fn resolve_tax_rate(given: Option<f32>, region: &region::Model) -> Option<f32> {
    if !region.gift_cards_taxable {
        return None;
    }
    given
        .filter(|r| *r != 0.0)
        .or((region.tax_rate != 0.0).then_some(region.tax_rate))
}

/// What `GiftCardService.create` is given.
#[derive(Debug, Clone, PartialEq)]
pub struct NewGiftCard {
    pub region_id: String,
    /// The value, and the first balance.
    pub value: i32,
    /// The order that bought it.
    pub order_id: Option<String>,
    pub is_disabled: bool,
    pub ends_at: Option<DateTime<FixedOffset>>,
    pub metadata: Option<Value>,
    pub tax_rate: Option<f32>,
}

/// `GiftCardService.create` inside the caller's transaction: a random code, the region (404
/// when unknown), the tax rate resolved against it; records `gift_card.created`.
pub async fn create_gift_card_in<C: ConnectionTrait>(
    conn: &C,
    new: &NewGiftCard,
) -> Result<gift_card::Model> {
    let region = region_in(conn, &new.region_id).await?;
    let now = medusa_core::time::now();
    let code = generate_code();
    let card = gift_card::ActiveModel {
        id: Set(generate_id("gift")),
        code: Set(code.clone()),
        value: Set(new.value),
        balance: Set(new.value),
        region_id: Set(region.id.clone()),
        order_id: Set(new.order_id.clone()),
        is_disabled: Set(new.is_disabled),
        ends_at: Set(new.ends_at),
        metadata: Set(new.metadata.clone()),
        tax_rate: Set(resolve_tax_rate(new.tax_rate, &region)),
        ..stamped(now)
    }
    .insert(conn)
    .await
    .map_err(on_unique_violation(|_| {
        Error::duplicate(format!("Gift_card with code {code} already exists."))
    }))?;
    record_event(
        conn,
        &GiftCardCreated {
            id: card.id.clone(),
        },
    )
    .await?;
    Ok(card)
}

/// Loads the relations `selection` asks for onto a page of gift cards.
async fn views(
    db: &DatabaseConnection,
    rows: Vec<gift_card::Model>,
    selection: &Selection,
    flags: FeatureFlags,
) -> Result<Vec<GiftCardView>> {
    let wants_region = selection.has_relation("region");
    let wants_order = selection.has_relation("order");
    if rows.is_empty() || !(wants_region || wants_order) {
        return Ok(rows
            .into_iter()
            .map(|gift_card| GiftCardView {
                gift_card,
                region: None,
                order: None,
            })
            .collect());
    }
    let mut reader = Reader::new(db).await?;
    let regions = if wants_region {
        by_key(
            &mut reader,
            live::<region::Entity>(),
            region::Column::Id,
            rows.iter().map(|g| g.region_id.clone()),
        )
        .await?
    } else {
        Default::default()
    };
    let orders = if wants_order {
        by_key(
            &mut reader,
            order::Entity::find(),
            order::Column::Id,
            rows.iter().filter_map(|g| g.order_id.clone()),
        )
        .await?
    } else {
        Default::default()
    };
    let mut views: Vec<GiftCardView> = rows
        .into_iter()
        .map(|gift_card| GiftCardView {
            region: wants_region.then(|| {
                regions
                    .get(&gift_card.region_id)
                    .cloned()
                    .map(RegionRow::new)
            }),
            order: wants_order.then(|| {
                gift_card
                    .order_id
                    .as_ref()
                    .and_then(|id| orders.get(id).cloned())
            }),
            gift_card,
        })
        .collect();
    let mut regions: Vec<&mut RegionRow> = views
        .iter_mut()
        .filter_map(|view| view.region.as_mut().and_then(Option::as_mut))
        .collect();
    attach_includes_tax(db, flags, &mut regions).await?;
    Ok(views)
}

impl SeaGiftCardService {
    async fn view(&self, card: gift_card::Model, selection: &Selection) -> Result<GiftCardView> {
        let id = card.id.clone();
        views(&self.db, vec![card], selection, self.flags)
            .await?
            .pop()
            .ok_or_else(|| gift_card_not_found(&id))
    }
}

#[async_trait]
impl GiftCardService for SeaGiftCardService {
    async fn list(&self, plan: &ListPlan) -> Result<ListPage<GiftCardView>> {
        let mut select = gift_card::Entity::find();
        if plan.search.is_some() {
            // The search reads the order's display id; the join keeps one row per card.
            select = select.join_as(
                JoinType::LeftJoin,
                medusa_load::references::<gift_card::Entity, order::Entity>(
                    gift_card::Column::OrderId,
                    order::Column::Id,
                ),
                Alias::new("order"),
            );
        }
        let count = plan.apply_count(select.clone()).count(&self.db).await?;
        let rows = plan.apply(select).all(&self.db).await?;
        let items = views(&self.db, rows, &plan.selection, self.flags).await?;
        Ok(plan.page("gift_cards", items, count))
    }

    async fn retrieve(&self, id: &str, selection: &Selection) -> Result<GiftCardView> {
        let card =
            live_or::<gift_card::Entity, _>(&self.db, id, || gift_card_not_found(id)).await?;
        self.view(card, selection).await
    }

    async fn create(&self, input: CreateGiftCard, selection: &Selection) -> Result<GiftCardView> {
        let txn = self.db.begin().await?;
        // Medusa inserts the card without a value and the column refuses it.
        let value = input.value.ok_or_else(|| {
            Error::invalid_data(
                "Can't insert null value in field value on insert in table gift_card",
            )
        })?;
        let card = create_gift_card_in(
            &txn,
            &NewGiftCard {
                region_id: input.region_id,
                value,
                order_id: None,
                is_disabled: input.is_disabled.unwrap_or(false),
                ends_at: input.ends_at,
                metadata: input.metadata.map(Value::Object),
                tax_rate: None,
            },
        )
        .await?;
        txn.commit().await?;
        self.retrieve(&card.id, selection).await
    }

    async fn update(
        &self,
        id: &str,
        input: UpdateGiftCard,
        selection: &Selection,
    ) -> Result<GiftCardView> {
        let txn = self.db.begin().await?;
        let card = live_or::<gift_card::Entity, _>(&txn, id, || gift_card_not_found(id)).await?;
        let mut region_id = None;
        if let Some(wanted) = input
            .region_id
            .filter(|r| !r.is_empty() && *r != card.region_id)
        {
            region_id = Some(region_in(&txn, &wanted).await?.id);
        }
        let metadata = input
            .metadata
            .map(|update| medusa_core::metadata::merge(card.metadata.as_ref(), &update));
        if let Some(balance) = input.balance {
            if balance < 0 || card.value < balance {
                return Err(Error::InvalidArgument("new balance is invalid".into()));
            }
        }
        // Saved (and stamped) only when something changed, as TypeORM saves.
        let mut next = card.clone();
        if let Some(region_id) = region_id {
            next.region_id = region_id;
        }
        if let Some(metadata) = metadata {
            next.metadata = Some(metadata);
        }
        if let Some(balance) = input.balance {
            next.balance = balance;
        }
        if let Some(disabled) = input.is_disabled {
            next.is_disabled = disabled;
        }
        if let Some(ends_at) = input.ends_at {
            next.ends_at = ends_at;
        }
        if next != card {
            next.updated_at = medusa_core::time::now();
            next.into_active_model().reset_all().update(&txn).await?;
        }
        txn.commit().await?;
        self.retrieve(id, selection).await
    }

    async fn delete(&self, id: &str) -> Result<()> {
        let txn = self.db.begin().await?;
        if let Some(card) = find_live::<gift_card::Entity, _>(&txn, id).await? {
            let mut row = card.into_active_model();
            row.deleted_at = Set(Some(medusa_core::time::now()));
            row.update(&txn).await?;
        }
        txn.commit().await?;
        Ok(())
    }
}
