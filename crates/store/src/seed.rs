//! Store descriptions: a JSON file in the shape of Medusa's `seed.json`.
//!
//! This crate loads the `store` and `regions` sections; `users` is parsed here and applied
//! by the caller through the auth crate. Every other section (products, shipping options,
//! ...) belongs to a domain that cannot load it yet, so a file that has one with content is
//! refused rather than half loaded.

use medusa_core::{time, Error, Result};
use medusa_entity::region;
use medusa_entity::sea_orm_active_enums::UserRoleEnum;
use medusa_region::{create_region_in, CreateRegion, Pinned};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, TransactionTrait,
};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::{Map, Value};

use crate::store::{ensure_store, update_store, UpdateStore};

/// The sections this server loads.
const KNOWN_SECTIONS: [&str; 3] = ["store", "users", "regions"];

/// A parsed store description.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SeedFile {
    /// Applied like `POST /admin/store` (same fields, same rules).
    pub store: Option<UpdateStore>,
    /// Admin users to create; applied by the caller (passwords are the auth crate's).
    pub users: Vec<SeedUser>,
    pub regions: Vec<SeedRegion>,
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

/// What [`apply_store_seed`] did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SeedReport {
    /// The store row was created by this run (it was missing).
    pub store_created: bool,
    /// A `store` section was applied.
    pub store_updated: bool,
    /// One entry per region of the file, in file order.
    pub regions: Vec<SeededRegion>,
}

/// The outcome for one region of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeededRegion {
    /// The `id` the file gave, if any (later sections refer to the region by it).
    pub seed_id: Option<String>,
    /// The region's id in the database.
    pub id: String,
    pub name: String,
    /// `false` when a region with that id or name already existed and was left alone.
    pub created: bool,
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
            "The seed file has sections this server cannot load yet: {}. Supported sections: {}.",
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

async fn seed_region<C: ConnectionTrait>(conn: &C, seeded: &SeedRegion) -> Result<SeededRegion> {
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
        return Ok(SeededRegion {
            seed_id: seeded.id.clone(),
            id: found.id,
            name: found.name,
            created: false,
        });
    }
    let created = create_region(conn, seeded).await?;
    Ok(SeededRegion {
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
    };
    let pinned = Pinned {
        id: kept_id(seeded).map(str::to_owned),
        created_at: seeded.created_at,
    };
    create_region_in(conn, &input, pinned).await
}
