//! What happens once at start: the store singleton and providers exist, and a database with
//! no admin gets one (from `MEDUSA_ADMIN_EMAIL`/`MEDUSA_ADMIN_PASSWORD`, or, on the demo
//! database only, the demo store with its demo login).

use medusa_auth::{users::CreateUser, Email, UserRole};
use medusa_catalog::{CreateCollection, COLLECTION_LIST};
use medusa_entity::sea_orm_active_enums::ShippingProfileTypeEnum;
use medusa_product::{CreateProduct, ProductQuery};
use medusa_shipping::{CreateShippingOption, RequirementInput, SHIPPING_OPTION_LIST};
use medusa_store::seed::{self, SeedFile, SeedReport, Seeded};
use percent_encoding::{utf8_percent_encode, NON_ALPHANUMERIC};
use sea_orm::DatabaseConnection;

use crate::{state::AppState, StartError};

/// The demo store description loaded on first run of the demo database.
pub const DEMO_STORE: &str = include_str!("../../../fixtures/demo-store.json");

/// The demo login, created only on the demo database (never on one named by `DATABASE_URL`).
pub const DEMO_ADMIN_EMAIL: &str = "admin@medusa-test.com";
/// The demo login's password.
pub const DEMO_ADMIN_PASSWORD: &str = "supersecret";

/// `medusa-admin serve`'s boot: [`prepare`], then the first admin (or, on the demo database,
/// the demo store and its login) when there is no user yet.
#[cfg(feature = "cli")]
pub async fn boot(
    state: &AppState,
    db: &DatabaseConnection,
    config: &crate::config::ServerConfig,
) -> Result<(), StartError> {
    prepare(state).await?;
    if state.users.count().await? > 0 {
        return Ok(());
    }
    match (&config.admin_email, &config.admin_password) {
        (Some(email), Some(password)) => {
            create_admin(state, email, password).await?;
            tracing::info!("created the first admin, {email}, from MEDUSA_ADMIN_EMAIL");
        }
        // The demo store and its fixed login only ever go to the demo database, never in
        // production.
        _ if config.database.is_demo() && !config.is_production() => {
            load_seed(state, db, DEMO_STORE).await?;
            create_admin(state, DEMO_ADMIN_EMAIL, DEMO_ADMIN_PASSWORD).await?;
            tracing::info!(
                "demo store ready: log in as {DEMO_ADMIN_EMAIL} / {DEMO_ADMIN_PASSWORD} \
                 (POST /admin/auth) on http://{}:{}",
                config.host,
                config.port
            );
        }
        _ => tracing::warn!(
            "no admin user exists: create one with `medusa-admin user create --email <email> \
             --password <password>`, or start with MEDUSA_ADMIN_EMAIL and MEDUSA_ADMIN_PASSWORD set"
        ),
    }
    Ok(())
}

/// What Medusa's boot guarantees before anything else: the store row, the default and gift
/// card shipping profiles, and the loaded providers recorded as installed (the built-in
/// `system` payment provider is not recorded). Each step is a no-op once done. An application
/// mounting the API with [`crate::configure`] calls this once at start.
pub async fn prepare(state: &AppState) -> Result<(), StartError> {
    state.store.ensure_store().await?;
    state.shipping_profiles.ensure_default_profiles().await?;
    state
        .store
        .register_providers(
            &state.providers.installed_payment_ids(),
            &state.providers.fulfillment_ids(),
        )
        .await?;
    Ok(())
}

#[cfg(feature = "cli")]
async fn create_admin(state: &AppState, email: &str, password: &str) -> Result<(), StartError> {
    state
        .users
        .create(CreateUser {
            email: Email::parse(email)?,
            password: password.to_owned(),
            first_name: None,
            last_name: None,
            role: Some(UserRole::Admin),
        })
        .await?;
    Ok(())
}

/// Loads a store description and logs what it did (see [`apply_seed`]).
pub async fn load_seed(
    state: &AppState,
    db: &DatabaseConnection,
    text: &str,
) -> Result<(), StartError> {
    let report = apply_seed(state, db, text).await?;
    tracing::info!("store description applied: {}", report.summary());
    Ok(())
}

/// Loads a store description in Medusa's order: store settings and regions through the store
/// crate (one transaction), users through the user service, shipping options through the
/// shipping crate, collections through the catalog crate, products through the product
/// crate. Each entry goes through its service's own create, so the rules are the API's.
///
/// Loading the same file again changes nothing: an existing user (by email), region (by id
/// or name), shipping option (by name and region), collection (by handle) or product (by
/// handle) is left alone. The services make their own ids for options, collections and
/// products: the file's ids are mapped to them for the references that follow
/// (`region_id`, `collection_id`). Beyond the first section, each entry commits on its own:
/// a failure stops the load and leaves what came before it, which a second run skips.
pub async fn apply_seed(
    state: &AppState,
    db: &DatabaseConnection,
    text: &str,
) -> Result<SeedReport, StartError> {
    let file = seed::parse(text)?;
    prepare(state).await?;
    let mut report = seed::apply_store_seed(db, &file).await?;
    seed_users(state, &file).await?;
    seed_shipping_options(state, &file, &mut report).await?;
    seed_collections(state, &file, &mut report).await?;
    seed_products(state, &file, &mut report).await?;
    Ok(report)
}

async fn seed_users(state: &AppState, file: &SeedFile) -> Result<(), StartError> {
    for user in &file.users {
        let created = state
            .users
            .create(CreateUser {
                email: Email::parse(&user.email)?,
                password: user.password.clone(),
                first_name: user.first_name.clone(),
                last_name: user.last_name.clone(),
                role: user.role.clone().map(UserRole::from),
            })
            .await;
        match created {
            Ok(user) => tracing::info!("seeded user {}", user.email),
            Err(medusa_core::Error::InvalidData(message)) => {
                tracing::info!("user {} not seeded: {message}", user.email)
            }
            Err(err) => return Err(err.into()),
        }
    }
    Ok(())
}

/// A query string value, encoded.
fn encoded(value: &str) -> String {
    utf8_percent_encode(value, NON_ALPHANUMERIC).to_string()
}

/// Says which entry of a section failed.
fn entry_error(section: &str, index: usize, name: &str, err: medusa_core::Error) -> StartError {
    StartError::Settings(format!("{section}[{index}] ({name}): {err}"))
}

async fn seed_shipping_options(
    state: &AppState,
    file: &SeedFile,
    report: &mut SeedReport,
) -> Result<(), StartError> {
    if file.shipping_options.is_empty() {
        return Ok(());
    }
    let gift_card_profile = state
        .shipping_profiles
        .list()
        .await?
        .into_iter()
        .find(|profile| profile.r#type == ShippingProfileTypeEnum::GiftCard)
        .map(|profile| profile.id);
    for (index, option) in file.shipping_options.iter().enumerate() {
        let region_id = report.region_id(&option.region_id).to_owned();
        let in_entry = |err| entry_error("shipping_options", index, &option.name, err);
        let query = format!(
            "name={}&region_id={}",
            encoded(&option.name),
            encoded(&region_id)
        );
        let plan = medusa_query_dsl::plan(
            &SHIPPING_OPTION_LIST,
            &medusa_query_dsl::parse(&query)?,
            state.backend,
        )?;
        let existing = state.shipping_options.list(&plan).await.map_err(in_entry)?;
        if let Some(found) = existing.items.first() {
            report.shipping_options.push(Seeded {
                seed_id: option.id.clone(),
                id: found.view.option.id.clone(),
                name: option.name.clone(),
                created: false,
            });
            continue;
        }
        let profile_id = match (&option.profile_id, option.is_giftcard) {
            (Some(id), _) => Some(id.clone()),
            (None, true) => Some(gift_card_profile.clone().ok_or_else(|| {
                StartError::Settings("the store has no gift card shipping profile".into())
            })?),
            (None, false) => None,
        };
        let input = CreateShippingOption {
            name: option.name.clone(),
            region_id,
            provider_id: option.provider_id.clone(),
            profile_id,
            data: option.data.clone(),
            price_type: option.price_type.clone(),
            amount: option.amount,
            requirements: option.requirements.as_ref().map(|requirements| {
                requirements
                    .iter()
                    .map(|r| RequirementInput {
                        requirement_type: r.requirement_type.clone(),
                        amount: r.amount,
                    })
                    .collect()
            }),
            admin_only: option.admin_only,
            is_return: option.is_return,
            metadata: option.metadata.clone(),
            includes_tax: None,
        };
        let created = state
            .shipping_options
            .create(input)
            .await
            .map_err(in_entry)?;
        report.shipping_options.push(Seeded {
            seed_id: option.id.clone(),
            id: created.option.id,
            name: option.name.clone(),
            created: true,
        });
    }
    Ok(())
}

async fn seed_collections(
    state: &AppState,
    file: &SeedFile,
    report: &mut SeedReport,
) -> Result<(), StartError> {
    for (index, collection) in file.product_collections.iter().enumerate() {
        let handle = collection.handle();
        let in_entry = |err| entry_error("product_collections", index, &collection.title, err);
        let plan = medusa_query_dsl::plan(
            &COLLECTION_LIST,
            &medusa_query_dsl::parse(&format!("handle={}", encoded(&handle)))?,
            state.backend,
        )?;
        let existing = state
            .collections
            .list(&plan, None)
            .await
            .map_err(in_entry)?;
        let (id, created) = match existing.items.into_iter().next() {
            Some(found) => (found.id, false),
            None => {
                let created = state
                    .collections
                    .create(CreateCollection {
                        title: collection.title.clone(),
                        handle: Some(handle.clone()),
                        metadata: collection.metadata.clone(),
                    })
                    .await
                    .map_err(in_entry)?;
                (created.collection.id, true)
            }
        };
        report.product_collections.push(Seeded {
            seed_id: collection.id.clone(),
            id,
            name: handle,
            created,
        });
    }
    Ok(())
}

async fn seed_products(
    state: &AppState,
    file: &SeedFile,
    report: &mut SeedReport,
) -> Result<(), StartError> {
    for (index, product) in file.products.iter().enumerate() {
        let handle = product.handle();
        let in_entry = |err| entry_error("products", index, &product.title, err);
        let query = ProductQuery::parse(
            &format!("handle={}", encoded(&handle)),
            state.backend,
            state.product_specs,
        )?;
        let existing = state.products.list(&query).await.map_err(in_entry)?;
        let (id, created) = match existing.items.first() {
            Some(found) => (found.id().to_owned(), false),
            None => {
                let input =
                    CreateProduct::from_body(product.create_body(report)).map_err(in_entry)?;
                let created = state.product_writes.create(input).await.map_err(in_entry)?;
                (created.id().to_owned(), true)
            }
        };
        report.products.push(Seeded {
            seed_id: product.id.clone(),
            id,
            name: handle,
            created,
        });
    }
    Ok(())
}
