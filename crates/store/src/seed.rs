//! Store descriptions: a JSON file in the shape of Medusa's `seed.json`.
//!
//! This crate parses every section it knows and applies `store` and `regions`. The sections
//! other domains own (`users`, `product_collections`, `products`, `shipping_options`) are
//! parsed and checked for shape here and applied by the caller through those domains'
//! services; [`SeedProduct::create_body`] translates Medusa's seed product format into the
//! `POST /admin/products` body, so the product rules stay in the product crate. Any other
//! section (categories, publishable API keys, ...) is refused when it has content rather than
//! half loaded.

use medusa_core::{handle::kebab_case, time, Error, Result};
use medusa_entity::region;
use medusa_entity::sea_orm_active_enums::{
    ShippingOptionPriceTypeEnum, ShippingOptionRequirementTypeEnum, UserRoleEnum,
};
use medusa_region::{create_region_in, CreateRegion, Pinned};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, TransactionTrait,
};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::{Map, Value};

use crate::input::UpdateStore;
use crate::store::{ensure_store, update_store};

/// The sections this server loads, in the order they are applied.
const KNOWN_SECTIONS: [&str; 6] = [
    "store",
    "users",
    "regions",
    "shipping_options",
    "product_collections",
    "products",
];

/// A parsed store description.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SeedFile {
    /// Applied like `POST /admin/store` (same fields, same rules).
    pub store: Option<UpdateStore>,
    /// Admin users to create; applied by the caller (passwords are the auth crate's).
    pub users: Vec<SeedUser>,
    pub regions: Vec<SeedRegion>,
    /// Applied by the caller through the shipping crate.
    pub shipping_options: Vec<SeedShippingOption>,
    /// Applied by the caller through the catalog crate.
    pub product_collections: Vec<SeedCollection>,
    /// Applied by the caller through the product crate.
    pub products: Vec<SeedProduct>,
}

/// A user of the `users` section. Its `Debug` output leaves the password out.
#[derive(Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedUser {
    pub email: String,
    pub password: String,
    #[serde(default)]
    pub first_name: Option<String>,
    #[serde(default)]
    pub last_name: Option<String>,
    #[serde(default)]
    pub role: Option<UserRoleEnum>,
}

impl std::fmt::Debug for SeedUser {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SeedUser")
            .field("email", &self.email)
            .field("password", &"[redacted]")
            .field("first_name", &self.first_name)
            .field("last_name", &self.last_name)
            .field("role", &self.role)
            .finish()
    }
}

/// A region of the `regions` section.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedRegion {
    /// Kept as the region's id when it starts with `reg_`; any other value is a name for
    /// the region inside the file (later sections refer to it) and a new id is generated,
    /// as Medusa's seed does.
    #[serde(default)]
    pub id: Option<String>,
    pub name: String,
    pub currency_code: String,
    /// A percentage, 0 to 100.
    pub tax_rate: f64,
    #[serde(default)]
    pub tax_code: Option<String>,
    /// ISO 3166-1 alpha-2 codes.
    pub countries: Vec<String>,
    pub payment_providers: Vec<String>,
    pub fulfillment_providers: Vec<String>,
    #[serde(default)]
    pub metadata: Option<Map<String, Value>>,
    /// Lets a fixture pin creation times (Medusa's seed passes it through too).
    #[serde(default)]
    pub created_at: Option<time::Timestamp>,
}

/// A collection of the `product_collections` section.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedCollection {
    /// The file's name for the collection: products' `collection_id` refer to it. The
    /// collection service makes its own ids, so this is mapped, never stored.
    #[serde(default)]
    pub id: Option<String>,
    pub title: String,
    #[serde(default)]
    pub handle: Option<String>,
    #[serde(default)]
    pub metadata: Option<Map<String, Value>>,
    /// Accepted because Medusa's seed files carry it; the service stamps the creation time.
    #[serde(default)]
    pub created_at: Option<time::Timestamp>,
}

impl SeedCollection {
    /// The handle the collection has once created (the service makes an absent or empty one
    /// from the title the same way): the key that makes a second load a no-op.
    pub fn handle(&self) -> String {
        effective_handle(self.handle.as_deref(), &self.title)
    }
}

/// A shipping option of the `shipping_options` section.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedShippingOption {
    /// Informative only: nothing in a seed file refers to a shipping option.
    #[serde(default)]
    pub id: Option<String>,
    pub name: String,
    /// A region id, or the file's name for one of its regions.
    pub region_id: String,
    pub provider_id: String,
    /// `None`: the default profile, or the gift card profile when `is_giftcard` is set.
    #[serde(default)]
    pub profile_id: Option<String>,
    #[serde(default)]
    pub data: Map<String, Value>,
    pub price_type: ShippingOptionPriceTypeEnum,
    #[serde(default)]
    pub amount: Option<i32>,
    #[serde(default)]
    pub is_return: bool,
    #[serde(default)]
    pub admin_only: bool,
    /// Medusa's seed puts such an option on the gift card shipping profile.
    #[serde(default)]
    pub is_giftcard: bool,
    #[serde(default)]
    pub requirements: Option<Vec<SeedRequirement>>,
    #[serde(default)]
    pub metadata: Option<Map<String, Value>>,
    /// Accepted because Medusa's seed files carry it; the service stamps the creation time.
    #[serde(default)]
    pub created_at: Option<time::Timestamp>,
}

/// A `{type, amount}` requirement of a shipping option.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedRequirement {
    #[serde(rename = "type")]
    pub requirement_type: ShippingOptionRequirementTypeEnum,
    pub amount: i32,
}

/// A product of the `products` section, in Medusa's seed format: `options` as
/// `[{title, values}]`, variants naming their option values by position (`[{value}]`),
/// `images` as URLs, `type: {value}`, `tags: [{value}]`, and `collection_id` naming a
/// collection of the file.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct SeedProduct {
    /// The file's name for the product, mapped to the id the product service makes.
    #[serde(default)]
    pub id: Option<String>,
    pub title: String,
    #[serde(default)]
    pub handle: Option<String>,
    /// A collection id, or the file's name for one of its collections.
    #[serde(default)]
    pub collection_id: Option<String>,
    #[serde(default)]
    pub options: Vec<SeedProductOption>,
    #[serde(default)]
    pub variants: Vec<SeedVariant>,
    /// Accepted because Medusa's seed files carry it; the service stamps the creation time.
    #[serde(default)]
    pub created_at: Option<time::Timestamp>,
    /// Every other property, passed to the product body as given (the product crate checks
    /// them as it checks `POST /admin/products`).
    #[serde(flatten)]
    pub fields: Map<String, Value>,
}

/// An option of a seed product. `values` documents the option's values; what is stored are
/// the values the variants name.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedProductOption {
    pub title: String,
    #[serde(default)]
    pub values: Vec<String>,
}

/// A variant of a seed product: the body of a product's variant, plus an informative `id`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct SeedVariant {
    /// Informative only: the product service makes variant ids.
    #[serde(default)]
    pub id: Option<String>,
    #[serde(flatten)]
    pub fields: Map<String, Value>,
}

impl SeedProduct {
    /// The handle the product has once created: the key that makes a second load a no-op.
    pub fn handle(&self) -> String {
        effective_handle(self.handle.as_deref(), &self.title)
    }

    /// The `POST /admin/products` body for this product. File ids of collections and regions
    /// (in variant prices) are replaced through `ids`; a product without `status` is
    /// published, as Medusa's seed does; the options keep their titles only.
    pub fn create_body(&self, ids: &SeedReport) -> Value {
        let mut body = self.fields.clone();
        body.insert("title".to_owned(), Value::from(self.title.as_str()));
        body.insert("handle".to_owned(), Value::from(self.handle()));
        body.entry("status")
            .or_insert_with(|| Value::from("published"));
        if let Some(collection) = &self.collection_id {
            body.insert(
                "collection_id".to_owned(),
                Value::from(ids.collection_id(collection)),
            );
        }
        let options = self
            .options
            .iter()
            .map(|option| serde_json::json!({ "title": option.title }))
            .collect();
        body.insert("options".to_owned(), Value::Array(options));
        let variants = self
            .variants
            .iter()
            .map(|variant| {
                let mut fields = variant.fields.clone();
                if let Some(Value::Array(prices)) = fields.get_mut("prices") {
                    for price in prices.iter_mut() {
                        if let Some(Value::String(region)) = price.get_mut("region_id") {
                            *region = ids.region_id(region).to_owned();
                        }
                    }
                }
                Value::Object(fields)
            })
            .collect();
        body.insert("variants".to_owned(), Value::Array(variants));
        Value::Object(body)
    }
}

fn effective_handle(given: Option<&str>, title: &str) -> String {
    match given.filter(|handle| !handle.is_empty()) {
        Some(handle) => handle.to_owned(),
        None => kebab_case(title),
    }
}

/// What loading a seed file did: [`apply_store_seed`] fills the store and regions, the
/// caller the sections it applies through other crates.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SeedReport {
    /// The store row was created by this run (it was missing).
    pub store_created: bool,
    /// A `store` section was applied.
    pub store_updated: bool,
    /// One entry per region of the file, in file order.
    pub regions: Vec<Seeded>,
    pub shipping_options: Vec<Seeded>,
    pub product_collections: Vec<Seeded>,
    pub products: Vec<Seeded>,
}

/// The outcome for one entry of a section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seeded {
    /// The `id` the file gave, if any (later sections refer to the entry by it).
    pub seed_id: Option<String>,
    /// The entry's id in the database.
    pub id: String,
    /// Its name, title or handle, for people reading the report.
    pub name: String,
    /// `false` when it already existed (by the section's key) and was left alone.
    pub created: bool,
}

/// The crate root exports the region outcome under its first name.
pub type SeededRegion = Seeded;

impl SeedReport {
    /// The database id of the region the file calls `file_id`; an id the file did not
    /// define is returned as is (it may name a region already in the database).
    pub fn region_id<'a>(&'a self, file_id: &'a str) -> &'a str {
        database_id(&self.regions, file_id)
    }

    /// The database id of the collection the file calls `file_id` (as [`Self::region_id`]).
    pub fn collection_id<'a>(&'a self, file_id: &'a str) -> &'a str {
        database_id(&self.product_collections, file_id)
    }

    /// One line for people: what was created and what was already there, per section.
    pub fn summary(&self) -> String {
        let counts = |entries: &[Seeded]| {
            let created = entries.iter().filter(|e| e.created).count();
            format!("{created} created, {} kept", entries.len() - created)
        };
        format!(
            "store {}; regions: {}; shipping options: {}; collections: {}; products: {}",
            if self.store_updated {
                "updated"
            } else {
                "unchanged"
            },
            counts(&self.regions),
            counts(&self.shipping_options),
            counts(&self.product_collections),
            counts(&self.products),
        )
    }
}

fn database_id<'a>(entries: &'a [Seeded], file_id: &'a str) -> &'a str {
    entries
        .iter()
        .find(|entry| entry.seed_id.as_deref() == Some(file_id))
        .map_or(file_id, |entry| entry.id.as_str())
}

/// Parses a store description. Unknown sections with content are refused, naming them;
/// an empty one (`[]`, `{}`, `null`) is accepted since nothing in it would be lost.
pub fn parse(text: &str) -> Result<SeedFile> {
    let value: Value = serde_json::from_str(text)
        .map_err(|err| Error::invalid_data(format!("The seed file is not valid JSON: {err}")))?;
    let Value::Object(mut sections) = value else {
        return Err(Error::invalid_data("The seed file must be a JSON object"));
    };

    let unsupported: Vec<&str> = sections
        .iter()
        .filter(|(name, content)| !KNOWN_SECTIONS.contains(&name.as_str()) && !is_empty(content))
        .map(|(name, _)| name.as_str())
        .collect();
    if !unsupported.is_empty() {
        return Err(Error::invalid_data(format!(
            "The seed file has sections this server does not load: {}. Supported sections: {}.",
            unsupported.join(", "),
            KNOWN_SECTIONS.join(", ")
        )));
    }

    let store = match sections.remove("store") {
        None | Some(Value::Null) => None,
        Some(store) => Some(section("store", store)?),
    };
    Ok(SeedFile {
        store,
        users: list_section("users", sections.remove("users"))?,
        regions: list_section("regions", sections.remove("regions"))?,
        shipping_options: list_section("shipping_options", sections.remove("shipping_options"))?,
        product_collections: list_section(
            "product_collections",
            sections.remove("product_collections"),
        )?,
        products: list_section("products", sections.remove("products"))?,
    })
}

fn is_empty(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::Array(items) => items.is_empty(),
        Value::Object(fields) => fields.is_empty(),
        _ => false,
    }
}

fn section<T: DeserializeOwned>(name: &str, value: Value) -> Result<T> {
    serde_json::from_value(value)
        .map_err(|err| Error::invalid_data(format!("The seed file's {name} is invalid: {err}")))
}

fn list_section<T: DeserializeOwned>(name: &str, value: Option<Value>) -> Result<Vec<T>> {
    match value {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(items)) => items
            .into_iter()
            .enumerate()
            .map(|(index, item)| section(&format!("{name}[{index}]"), item))
            .collect(),
        Some(_) => Err(Error::invalid_data(format!(
            "The seed file's {name} must be an array"
        ))),
    }
}

/// Applies the `store` and `regions` sections in one transaction: all of it or nothing.
///
/// Runs the boot defaults first (store row, default sales channel), so it works on a freshly
/// migrated database. Payment and fulfillment providers named by regions must
/// be registered already (`StoreService::register_providers`). Applying the same file
/// again changes nothing: the store section sets the same values, and a region that exists
/// by id or by name is left alone.
pub async fn apply_store_seed(db: &DatabaseConnection, seed: &SeedFile) -> Result<SeedReport> {
    let txn = db.begin().await?;
    let setup = ensure_store(&txn).await?;
    let mut report = SeedReport {
        store_created: setup.store_created,
        ..SeedReport::default()
    };

    if let Some(store) = &seed.store {
        update_store(&txn, store.clone()).await?;
        report.store_updated = true;
    }

    for (index, seeded) in seed.regions.iter().enumerate() {
        let outcome = seed_region(&txn, seeded)
            .await
            .map_err(|err| in_region(err, index, &seeded.name))?;
        report.regions.push(outcome);
    }

    txn.commit().await?;
    tracing::info!(
        store_created = report.store_created,
        store_updated = report.store_updated,
        regions_created = report.regions.iter().filter(|r| r.created).count(),
        regions_kept = report.regions.iter().filter(|r| !r.created).count(),
        "store seed applied"
    );
    Ok(report)
}

/// Says which region a client error is about; server errors pass through untouched.
fn in_region(err: Error, index: usize, name: &str) -> Error {
    let context = |message: String| format!("regions[{index}] ({name}): {message}");
    match err {
        Error::InvalidData(message) => Error::InvalidData(context(message)),
        Error::Duplicate(message) => Error::Duplicate(context(message)),
        Error::NotFound(message) => Error::NotFound(context(message)),
        other => other,
    }
}

/// The given id when it is a real region id (`reg_...`), as Medusa's seed decides.
fn kept_id(seeded: &SeedRegion) -> Option<&str> {
    seeded.id.as_deref().filter(|id| id.starts_with("reg_"))
}

async fn seed_region<C: ConnectionTrait>(conn: &C, seeded: &SeedRegion) -> Result<Seeded> {
    let by_id = match kept_id(seeded) {
        Some(id) => region::Entity::find_by_id(id.to_owned()).one(conn).await?,
        None => None,
    };
    let existing = match by_id {
        Some(found) => Some(found),
        None => {
            region::Entity::find()
                .filter(region::Column::Name.eq(seeded.name.as_str()))
                .filter(region::Column::DeletedAt.is_null())
                .one(conn)
                .await?
        }
    };
    if let Some(found) = existing {
        return Ok(Seeded {
            seed_id: seeded.id.clone(),
            id: found.id,
            name: found.name,
            created: false,
        });
    }
    let created = create_region(conn, seeded).await?;
    Ok(Seeded {
        seed_id: seeded.id.clone(),
        id: created.id,
        name: created.name,
        created: true,
    })
}

/// Creates a region through the region crate, so the seed obeys the rules (and records the
/// `region.created` event) of `POST /admin/regions`.
async fn create_region<C: ConnectionTrait>(conn: &C, seeded: &SeedRegion) -> Result<region::Model> {
    let input = CreateRegion {
        name: seeded.name.clone(),
        currency_code: seeded.currency_code.clone(),
        tax_code: seeded.tax_code.clone(),
        tax_rate: seeded.tax_rate,
        payment_providers: seeded.payment_providers.clone(),
        fulfillment_providers: seeded.fulfillment_providers.clone(),
        countries: seeded.countries.clone(),
        metadata: seeded.metadata.clone(),
        includes_tax: None,
    };
    let pinned = Pinned {
        id: kept_id(seeded).map(str::to_owned),
        created_at: seeded.created_at,
    };
    create_region_in(conn, &input, pinned).await
}
