//! Shipping profiles: the default and gift card profiles every store has, custom ones, and
//! moving products and shipping options between them. Medusa emits no profile events; moving
//! products emits its `product.updated`.

use crate::events;
use crate::input::{CreateShippingProfile, UpdateShippingProfile};
use async_trait::async_trait;
use medusa_core::new_row::stamped;
use medusa_core::{generate_id, metadata, time, Error, Result};
use medusa_entity::sea_orm_active_enums::ShippingProfileTypeEnum;
use medusa_entity::{product, product_shipping_profile, shipping_option, shipping_profile};
use medusa_load::{
    all_in_insertion_order, children, find_live, first_in_insertion_order, live, through,
    Connection, Link, Reader,
};
use medusa_query_dsl::{in_insertion_order, in_insertion_order_of};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbBackend, EntityTrait,
    IntoActiveModel, QueryFilter, Set, TransactionTrait,
};
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use serde_json::Value;

const PROFILE_ID_PREFIX: &str = "sp";
pub(crate) const DEFAULT_PROFILE_NAME: &str = "Default Shipping Profile";
const GIFT_CARD_PROFILE_NAME: &str = "Gift Card Profile";

/// A product of a profile, with the profiles it belongs to (`profiles`, and Medusa's derived
/// `profile`/`profile_id`: the last of them).
#[derive(Debug, Clone, PartialEq)]
pub struct ProfileProduct {
    pub product: product::Model,
    pub profiles: Vec<shipping_profile::Model>,
}

impl Serialize for ProfileProduct {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let mut value = serde_json::to_value(&self.product).map_err(serde::ser::Error::custom)?;
        if let Some(map) = value.as_object_mut() {
            let last = self.profiles.last();
            map.insert(
                "profiles".into(),
                serde_json::to_value(&self.profiles).map_err(serde::ser::Error::custom)?,
            );
            map.insert(
                "profile".into(),
                serde_json::to_value(last).map_err(serde::ser::Error::custom)?,
            );
            map.insert(
                "profile_id".into(),
                last.map_or(Value::Null, |p| Value::String(p.id.clone())),
            );
        }
        value.serialize(serializer)
    }
}

/// `GET /admin/shipping-profiles/{id}`: the profile with `products.profiles` and
/// `shipping_options` (live rows only).
#[derive(Debug, Clone, PartialEq)]
pub struct ProfileView {
    pub profile: shipping_profile::Model,
    pub products: Vec<ProfileProduct>,
    pub shipping_options: Vec<shipping_option::Model>,
}

impl Serialize for ProfileView {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        let profile = serde_json::to_value(&self.profile).map_err(serde::ser::Error::custom)?;
        if let Value::Object(columns) = profile {
            for (key, value) in columns {
                map.serialize_entry(&key, &value)?;
            }
        }
        map.serialize_entry("products", &self.products)?;
        map.serialize_entry("shipping_options", &self.shipping_options)?;
        map.end()
    }
}

/// Managing shipping profiles.
#[async_trait]
pub trait ShippingProfileService: Send + Sync {
    /// Every live profile, in the order they were created (Medusa's unordered read).
    async fn list(&self) -> Result<Vec<shipping_profile::Model>>;
    async fn retrieve(&self, id: &str) -> Result<ProfileView>;
    async fn create(&self, input: CreateShippingProfile) -> Result<shipping_profile::Model>;
    async fn update(&self, id: &str, input: UpdateShippingProfile) -> Result<ProfileView>;
    /// Soft-deletes a profile; a missing one succeeds. Medusa 1.20 does not protect the
    /// default or gift card profile, so neither do we.
    async fn delete(&self, id: &str) -> Result<()>;
    /// Medusa's boot: creates the default and gift card profiles when no live one exists.
    async fn ensure_default_profiles(&self) -> Result<()>;
}

/// [`ShippingProfileService`] over the database.
#[derive(Debug, Clone)]
pub struct SeaShippingProfileService {
    db: DatabaseConnection,
}

impl SeaShippingProfileService {
    pub fn new(db: DatabaseConnection) -> Self {
        Self { db }
    }
}

fn profile_not_found(id: &str) -> Error {
    Error::not_found(format!("Profile with id: {id} was not found"))
}

pub(crate) async fn live_profile<C: ConnectionTrait>(
    conn: &C,
    id: &str,
) -> Result<Option<shipping_profile::Model>> {
    find_live::<shipping_profile::Entity, _>(conn, id).await
}

/// The live profile of a type (`default`, `gift_card`), first created first.
pub(crate) async fn profile_of_type<C: ConnectionTrait>(
    conn: &C,
    profile_type: ShippingProfileTypeEnum,
) -> Result<Option<shipping_profile::Model>> {
    let query = shipping_profile::Entity::find()
        .filter(shipping_profile::Column::Type.eq(profile_type))
        .filter(shipping_profile::Column::DeletedAt.is_null());
    first_in_insertion_order(conn, query).await
}

async fn insert_profile<C: ConnectionTrait>(
    conn: &C,
    name: &str,
    profile_type: ShippingProfileTypeEnum,
    metadata: Option<Value>,
) -> Result<shipping_profile::Model> {
    let now = time::now();
    Ok(shipping_profile::ActiveModel {
        id: Set(generate_id(PROFILE_ID_PREFIX)),
        name: Set(name.to_owned()),
        r#type: Set(profile_type),
        metadata: Set(metadata),
        ..stamped(now)
    }
    .insert(conn)
    .await?)
}

async fn view<C: Connection>(conn: &C, profile: shipping_profile::Model) -> Result<ProfileView> {
    let mut reader = Reader::new(conn).await?;
    let backend = reader.backend();
    let owner = [profile.id.clone()];
    // The profile's live products in the order they were linked, each with every live
    // profile it has (`products.profiles`), in link order too.
    const LINKS: &str = "product_shipping_profile";
    let products = through(
        &mut reader,
        in_insertion_order_of(live::<product::Entity>(), backend, LINKS),
        product::Column::Id,
        Link::<product_shipping_profile::Entity> {
            owner: product_shipping_profile::Column::ProfileId,
            target: product_shipping_profile::Column::ProductId,
        },
        &owner,
    )
    .await?
    .into_groups()
    .pop()
    .unwrap_or_default();
    let product_ids: Vec<String> = products.iter().map(|p| p.id.clone()).collect();
    let mut profiles = through(
        &mut reader,
        in_insertion_order_of(live::<shipping_profile::Entity>(), backend, LINKS),
        shipping_profile::Column::Id,
        Link::<product_shipping_profile::Entity> {
            owner: product_shipping_profile::Column::ProductId,
            target: product_shipping_profile::Column::ProfileId,
        },
        &product_ids,
    )
    .await?;
    let ordered = products
        .into_iter()
        .enumerate()
        .map(|(index, product)| ProfileProduct {
            product,
            profiles: profiles.take(index),
        })
        .collect();
    let shipping_options = children(
        &mut reader,
        in_insertion_order(live::<shipping_option::Entity>(), backend),
        shipping_option::Column::ProfileId,
        &owner,
    )
    .await?
    .into_groups()
    .pop()
    .unwrap_or_default();
    Ok(ProfileView {
        profile,
        products: ordered,
        shipping_options,
    })
}

#[async_trait]
impl ShippingProfileService for SeaShippingProfileService {
    async fn list(&self) -> Result<Vec<shipping_profile::Model>> {
        let query =
            shipping_profile::Entity::find().filter(shipping_profile::Column::DeletedAt.is_null());
        all_in_insertion_order(&self.db, query).await
    }

    async fn retrieve(&self, id: &str) -> Result<ProfileView> {
        let profile = live_profile(&self.db, id)
            .await?
            .ok_or_else(|| profile_not_found(id))?;
        view(&self.db, profile).await
    }

    async fn create(&self, input: CreateShippingProfile) -> Result<shipping_profile::Model> {
        // As Medusa, given metadata goes through the merge on an empty object, which drops
        // keys whose value is "".
        let metadata = input.metadata.map(|given| metadata::merge(None, &given));
        insert_profile(&self.db, &input.name, input.profile_type, metadata).await
    }

    async fn update(&self, id: &str, input: UpdateShippingProfile) -> Result<ProfileView> {
        let txn = self.db.begin().await?;
        let current = live_profile(&txn, id)
            .await?
            .ok_or_else(|| profile_not_found(id))?;
        let now = time::now();

        if let Some(product_ids) = &input.products {
            let products = product::Entity::find()
                .filter(product::Column::Id.is_in(product_ids.clone()))
                .filter(product::Column::DeletedAt.is_null())
                .all(&txn)
                .await?;
            for product in &products {
                product_shipping_profile::Entity::delete_many()
                    .filter(product_shipping_profile::Column::ProductId.eq(product.id.as_str()))
                    .exec(&txn)
                    .await?;
                product_shipping_profile::Entity::insert(product_shipping_profile::ActiveModel {
                    profile_id: Set(current.id.clone()),
                    product_id: Set(product.id.clone()),
                })
                .exec_without_returning(&txn)
                .await?;
                let event = events::ProductProfileChanged {
                    id: product.id.clone(),
                    profiles: vec![events::ProfileRef {
                        id: current.id.clone(),
                    }],
                };
                medusa_events::record_event(&txn, &event).await?;
            }
        }

        if let Some(option_ids) = &input.shipping_options {
            if !option_ids.is_empty() {
                shipping_option::Entity::update_many()
                    .col_expr(
                        shipping_option::Column::ProfileId,
                        Expr::value(current.id.as_str()),
                    )
                    .col_expr(shipping_option::Column::UpdatedAt, Expr::value(now))
                    .filter(shipping_option::Column::Id.is_in(option_ids.clone()))
                    .exec(&txn)
                    .await?;
            }
        }

        let mut next = current.clone();
        if let Some(changes) = &input.metadata {
            next.metadata = Some(metadata::merge(current.metadata.as_ref(), changes));
        }
        if let Some(name) = input.name {
            next.name = name;
        }
        if let Some(profile_type) = input.profile_type {
            next.r#type = profile_type;
        }
        if next != current {
            next.updated_at = now;
            next = next.into_active_model().reset_all().update(&txn).await?;
        }
        let answer = view(&txn, next).await?;
        txn.commit().await?;
        Ok(answer)
    }

    async fn delete(&self, id: &str) -> Result<()> {
        let now = time::now();
        shipping_profile::Entity::update_many()
            .col_expr(shipping_profile::Column::DeletedAt, Expr::value(now))
            .col_expr(shipping_profile::Column::UpdatedAt, Expr::value(now))
            .filter(shipping_profile::Column::Id.eq(id))
            .filter(shipping_profile::Column::DeletedAt.is_null())
            .exec(&self.db)
            .await?;
        Ok(())
    }

    async fn ensure_default_profiles(&self) -> Result<()> {
        let txn = self.db.begin().await?;
        if txn.get_database_backend() == DbBackend::Postgres {
            // Servers booting together on one database take turns (an arbitrary constant
            // naming "shipping profile setup").
            txn.execute_unprepared("SELECT pg_advisory_xact_lock(7318004418)")
                .await?;
        }
        for (profile_type, name) in [
            (ShippingProfileTypeEnum::Default, DEFAULT_PROFILE_NAME),
            (ShippingProfileTypeEnum::GiftCard, GIFT_CARD_PROFILE_NAME),
        ] {
            if profile_of_type(&txn, profile_type.clone()).await?.is_none() {
                let created = insert_profile(&txn, name, profile_type, None).await?;
                tracing::info!(id = %created.id, "created the {name}");
            }
        }
        txn.commit().await?;
        Ok(())
    }
}
