//! The cart row: created for a region with its customer and addresses (`CartService.create`),
//! its customer, e-mail and addresses changed (`CartService.update`).

use medusa_core::new_row::stamped;
use medusa_core::{generate_id, Error, Result};
use medusa_entity::sea_orm_active_enums::CartTypeEnum;
use medusa_entity::{address, cart, country, customer};
use medusa_load::Connection;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder, Set,
};
use serde_json::{Map, Value};

use crate::line_items::live_region;
use crate::region_change::{reprice_lines_in, set_region_in};

/// An address given as the id of an existing one or as its fields.
#[derive(Debug, Clone, PartialEq)]
pub enum AddressInput {
    Id(String),
    New(Map<String, Value>),
}

/// What a new cart is made of.
#[derive(Debug, Clone, PartialEq)]
pub struct NewCart {
    pub kind: CartTypeEnum,
    pub region_id: String,
    /// An existing customer's id (an unknown one is ignored, as Medusa ignores it).
    pub customer_id: Option<String>,
    /// Without a known customer, the guest customer of this e-mail (found or created).
    pub email: Option<String>,
    pub shipping_address: Option<AddressInput>,
    pub billing_address: Option<AddressInput>,
    pub sales_channel_id: Option<String>,
    pub metadata: Map<String, Value>,
}

/// A guest customer created on the way, for the caller to record `customer.created`.
pub type CreatedCustomer = Option<customer::Model>;

/// The customer without an account who has this e-mail, or a new one.
pub async fn guest_customer_in<C: Connection>(
    conn: &C,
    email: &str,
) -> Result<(customer::Model, CreatedCustomer)> {
    let email = email.trim().to_lowercase();
    let existing = customer::Entity::find()
        .filter(customer::Column::Email.eq(&email))
        .filter(customer::Column::HasAccount.eq(false))
        .filter(customer::Column::DeletedAt.is_null())
        .order_by_asc(customer::Column::CreatedAt)
        .one(conn)
        .await?;
    if let Some(found) = existing {
        return Ok((found, None));
    }
    let now = medusa_core::time::now();
    let created = customer::ActiveModel {
        id: Set(generate_id("cus")),
        email: Set(email),
        first_name: Set(None),
        last_name: Set(None),
        billing_address_id: Set(None),
        password_hash: Set(None),
        phone: Set(None),
        has_account: Set(false),
        ..stamped(now)
    }
    .insert(conn)
    .await?;
    Ok((created.clone(), Some(created)))
}

pub(crate) async fn region_countries<C: Connection>(
    conn: &C,
    region_id: &str,
) -> Result<Vec<String>> {
    Ok(country::Entity::find()
        .filter(country::Column::RegionId.eq(region_id))
        .all(conn)
        .await?
        .into_iter()
        .map(|c| c.iso_2)
        .collect())
}

fn field(map: &Map<String, Value>, name: &str) -> Option<String> {
    map.get(name).and_then(Value::as_str).map(str::to_owned)
}

/// Writes a new address row from its fields.
pub async fn insert_address_in<C: Connection>(
    conn: &C,
    fields: &Map<String, Value>,
) -> Result<address::Model> {
    let now = medusa_core::time::now();
    Ok(address::ActiveModel {
        id: Set(generate_id("addr")),
        customer_id: Set(None),
        company: Set(field(fields, "company")),
        first_name: Set(field(fields, "first_name")),
        last_name: Set(field(fields, "last_name")),
        address_1: Set(field(fields, "address_1")),
        address_2: Set(field(fields, "address_2")),
        city: Set(field(fields, "city")),
        country_code: Set(field(fields, "country_code").map(|c| c.to_lowercase())),
        province: Set(field(fields, "province")),
        postal_code: Set(field(fields, "postal_code")),
        phone: Set(field(fields, "phone")),
        metadata: Set(fields.get("metadata").cloned().filter(|m| m.is_object())),
        ..stamped(now)
    }
    .insert(conn)
    .await?)
}

async fn address_country<C: Connection>(conn: &C, id: &str) -> Result<Option<String>> {
    Ok(address::Entity::find_by_id(id)
        .one(conn)
        .await?
        .and_then(|a| a.country_code))
}

/// The address a cart should point at, checked against the region's countries (`message`
/// when the country is not one of them).
async fn resolve_address<C: Connection>(
    conn: &C,
    input: &AddressInput,
    countries: &[String],
    message: &str,
) -> Result<String> {
    let country = match input {
        AddressInput::Id(id) => address_country(conn, id).await?,
        AddressInput::New(fields) => field(fields, "country_code").map(|c| c.to_lowercase()),
    };
    if let Some(country) = country {
        if !countries.contains(&country) {
            return Err(Error::not_allowed(message));
        }
    } else if matches!(input, AddressInput::New(_)) {
        return Err(Error::not_allowed(message));
    }
    match input {
        AddressInput::Id(id) => Ok(id.clone()),
        AddressInput::New(fields) => Ok(insert_address_in(conn, fields).await?.id),
    }
}

/// The address a cart points at after an update (`updateShippingAddress_`,
/// `updateBillingAddress_`): the one named by id, else the given fields written over the
/// cart's current address, else a new address of them.
async fn set_address_in<C: Connection>(
    conn: &C,
    input: &AddressInput,
    current: Option<&str>,
) -> Result<String> {
    let fields = match input {
        AddressInput::Id(id) => return Ok(id.clone()),
        AddressInput::New(fields) => fields,
    };
    let existing = match current {
        Some(id) => address::Entity::find_by_id(id).one(conn).await?,
        None => None,
    };
    let Some(existing) = existing else {
        return Ok(insert_address_in(conn, fields).await?.id);
    };
    let id = existing.id.clone();
    let mut active = existing.into_active_model();
    let text = |name: &str| field(fields, name);
    macro_rules! given {
        ($($column:ident),*) => {$(
            if fields.contains_key(stringify!($column)) {
                active.$column = Set(text(stringify!($column)));
            }
        )*};
    }
    given!(
        company,
        first_name,
        last_name,
        address_1,
        address_2,
        city,
        province,
        postal_code,
        phone
    );
    if fields.contains_key("country_code") {
        active.country_code = Set(text("country_code").map(|c| c.to_lowercase()));
    }
    if let Some(metadata) = fields.get("metadata").filter(|m| m.is_object()) {
        active.metadata = Set(Some(metadata.clone()));
    }
    active.updated_at = Set(medusa_core::time::now());
    active.update(conn).await?;
    Ok(id)
}

/// `CartService.create`: the customer (the given one, else the e-mail's guest), the region
/// (404 when unknown), the addresses (their countries in the region; a region of one country
/// gives a cart without shipping address an address in that country).
pub async fn create_cart_in<C: Connection>(
    conn: &C,
    input: &NewCart,
) -> Result<(cart::Model, CreatedCustomer)> {
    let mut created_customer = None;
    let mut customer: Option<customer::Model> = None;
    if let Some(id) = &input.customer_id {
        customer = customer::Entity::find_by_id(id.as_str())
            .filter(customer::Column::DeletedAt.is_null())
            .one(conn)
            .await?;
    }
    if customer.is_none() {
        if let Some(email) = &input.email {
            let (found, created) = guest_customer_in(conn, email).await?;
            customer = Some(found);
            created_customer = created;
        }
    }
    let region = live_region(conn, &input.region_id).await?;
    let countries = region_countries(conn, &region.id).await?;
    let shipping_address_id = match &input.shipping_address {
        None if countries.len() == 1 => {
            let mut fields = Map::new();
            fields.insert("country_code".into(), Value::String(countries[0].clone()));
            Some(insert_address_in(conn, &fields).await?.id)
        }
        None => None,
        Some(address) => Some(
            resolve_address(conn, address, &countries, "Shipping country not in region").await?,
        ),
    };
    let billing_address_id = match &input.billing_address {
        None => None,
        Some(address) => {
            Some(resolve_address(conn, address, &countries, "Billing country not in region").await?)
        }
    };
    let now = medusa_core::time::now();
    let cart = cart::ActiveModel {
        id: Set(generate_id("cart")),
        email: Set(customer.as_ref().map(|c| c.email.clone())),
        billing_address_id: Set(billing_address_id),
        shipping_address_id: Set(shipping_address_id),
        region_id: Set(region.id.clone()),
        customer_id: Set(customer.as_ref().map(|c| c.id.clone())),
        payment_id: Set(None),
        r#type: Set(input.kind.clone()),
        completed_at: Set(None),
        metadata: Set(Some(Value::Object(input.metadata.clone()))),
        idempotency_key: Set(None),
        context: Set(Some(Value::Object(Map::new()))),
        payment_authorized_at: Set(None),
        sales_channel_id: Set(input.sales_channel_id.clone()),
        ..stamped(now)
    }
    .insert(conn)
    .await?;
    Ok((cart, created_customer))
}

/// What `CartService.update` changes on the cart row itself.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CartChanges {
    pub customer_id: Option<String>,
    pub email: Option<String>,
    pub billing_address: Option<AddressInput>,
    pub shipping_address: Option<AddressInput>,
    /// Another region: the cart moves there ([`set_region_in`]).
    pub region_id: Option<String>,
    /// The shipping country asked for with a region change.
    pub country_code: Option<String>,
}

/// Applies [`CartChanges`] in `CartService.update`'s order: a customer by id (404 when
/// unknown), else the e-mail's guest; the variant lines priced again when a customer or region
/// is given; the move to another region; an address by id or by fields (a new row; a shipping
/// country must be in the cart's region, the new one after a move).
/// Returns the guest created on the way, and whether the customer changed.
pub async fn update_cart_in<C: Connection>(
    conn: &C,
    cart: &cart::Model,
    changes: &CartChanges,
    tax_inclusive: bool,
) -> Result<(CreatedCustomer, bool)> {
    let mut active = cart.clone().into_active_model();
    let mut created = None;
    let mut customer_changed = false;
    if let Some(id) = &changes.customer_id {
        let customer = customer::Entity::find_by_id(id.as_str())
            .filter(customer::Column::DeletedAt.is_null())
            .one(conn)
            .await?
            .ok_or_else(|| Error::not_found(format!("Customer with id {id} was not found")))?;
        customer_changed = cart.customer_id.as_deref() != Some(customer.id.as_str());
        active.customer_id = Set(Some(customer.id.clone()));
        active.email = Set(Some(customer.email));
    } else if let Some(email) = &changes.email {
        let (customer, new) = guest_customer_in(conn, email).await?;
        customer_changed = cart.email.as_deref() != Some(customer.email.as_str());
        active.customer_id = Set(Some(customer.id.clone()));
        active.email = Set(Some(customer.email));
        created = new;
    }
    let mut region_id = cart.region_id.clone();
    if changes.customer_id.is_some() || changes.region_id.is_some() {
        let customer = changes.customer_id.as_ref().or(cart.customer_id.as_ref());
        let pricing_region = changes.region_id.as_ref().unwrap_or(&cart.region_id);
        reprice_lines_in(
            conn,
            &cart.id,
            pricing_region,
            customer.map(String::as_str),
            tax_inclusive,
        )
        .await?;
    }
    if let Some(new_region) = changes.region_id.as_ref().filter(|r| **r != cart.region_id) {
        // The country asked for, else the new shipping address's.
        let country = changes
            .country_code
            .clone()
            .or(match &changes.shipping_address {
                Some(AddressInput::New(fields)) => field(fields, "country_code"),
                _ => None,
            });
        let moved =
            set_region_in(conn, cart, new_region, country.as_deref(), tax_inclusive).await?;
        active.region_id = Set(moved.region_id.clone());
        active.shipping_address_id = Set(moved.shipping_address_id.clone());
        region_id = moved.region_id;
    }
    if let Some(address) = &changes.billing_address {
        let current = cart.billing_address_id.as_deref();
        let id = set_address_in(conn, address, current).await?;
        active.billing_address_id = Set(Some(id));
    }
    if let Some(address) = &changes.shipping_address {
        let countries = region_countries(conn, &region_id).await?;
        let country = match address {
            AddressInput::Id(id) => address_country(conn, id).await?,
            AddressInput::New(fields) => field(fields, "country_code").map(|c| c.to_lowercase()),
        };
        if country.is_some_and(|c| !countries.contains(&c)) {
            return Err(Error::invalid_data(
                "Shipping country must be in the cart region",
            ));
        }
        let current = match &active.shipping_address_id {
            sea_orm::ActiveValue::Set(id) | sea_orm::ActiveValue::Unchanged(id) => id.clone(),
            sea_orm::ActiveValue::NotSet => None,
        };
        let id = set_address_in(conn, address, current.as_deref()).await?;
        active.shipping_address_id = Set(Some(id));
    }
    active.updated_at = Set(medusa_core::time::now());
    active.update(conn).await?;
    Ok((created, customer_changed))
}
