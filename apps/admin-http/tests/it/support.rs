//! Test support: a fresh database per test on each backend, the app over it, and JSON
//! helpers (requests, redaction, comparison with recorded reference answers).

use std::sync::atomic::{AtomicU64, Ordering};

use actix_http::Request;
use actix_web::{
    body::MessageBody,
    dev::{Service, ServiceResponse},
    test,
};
use medusa_admin_http::{
    config::{DatabaseConfig, Secrets},
    AppState, Setup, Tuning,
};
use medusa_auth::{login::ThrottlePolicy, password::PasswordPolicy};
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, Database, DatabaseConnection, DbBackend, Set, Statement,
};
use serde_json::Value;
use tokio::sync::OnceCell;

pub const ADMIN_ID: &str = "usr_ref_admin";
pub const ADMIN_EMAIL: &str = "admin@medusa-test.com";
pub const ADMIN_PASSWORD: &str = "supersecret";
pub const ADMIN_API_TOKEN: &str = "ref_admin_api_token";
/// The seeded admin's password hash in the reference Medusa database: scrypt-kdf, as every
/// user row of a real Medusa store has it.
pub const ADMIN_SCRYPT_HASH: &str = include_str!("../reference/admin-password-hash.txt");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Runs a test body once per backend, each against its own fresh database; optionally with
/// the server's feature flags (`flags = ...;`) or whole setup (`setup = ...;`, providers too).
#[macro_export]
macro_rules! on_both_backends {
    ($(#[$meta:meta])* async fn $name:ident($app:ident) $body:block) => {
        $crate::on_both_backends!(
            setup = medusa_admin_http::Setup::default();
            async fn $name($app) $body
        );
    };
    (flags = $flags:expr; $(#[$meta:meta])* async fn $name:ident($app:ident) $body:block) => {
        $crate::on_both_backends!(
            setup = medusa_admin_http::Setup { flags: $flags, ..Default::default() };
            async fn $name($app) $body
        );
    };
    (setup = $setup:expr; $(#[$meta:meta])* async fn $name:ident($app:ident) $body:block) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;
            async fn run($app: $crate::support::TestApp) $body

            #[actix_web::test]
            async fn sqlite() {
                let app = $crate::support::TestApp::with_setup(
                    $crate::support::Backend::Sqlite,
                    $setup,
                );
                run(app.await).await
            }

            #[actix_web::test]
            async fn postgres() {
                let app = $crate::support::TestApp::with_setup(
                    $crate::support::Backend::Postgres,
                    $setup,
                );
                run(app.await).await
            }
        }
    };
}

/// Medusa's default flags with `MEDUSA_FF_TAX_INCLUSIVE_PRICING=true`.
pub fn tax_inclusive() -> medusa_core::FeatureFlags {
    medusa_core::FeatureFlags::default().with(medusa_core::Flag::TaxInclusivePricing, true)
}

pub struct TestApp {
    #[allow(dead_code)]
    pub backend: Backend,
    pub db: DatabaseConnection,
    pub state: AppState,
    _sqlite_file: Option<TempFile>,
}

struct TempFile(std::path::PathBuf);

impl Drop for TempFile {
    fn drop(&mut self) {
        for suffix in ["", "-wal", "-shm"] {
            let mut path = self.0.clone().into_os_string();
            path.push(suffix);
            let _ = std::fs::remove_file(path);
        }
    }
}

static COUNTER: AtomicU64 = AtomicU64::new(0);

fn unique_name(prefix: &str) -> String {
    format!(
        "{prefix}_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::SeqCst)
    )
}

pub fn secrets() -> Secrets {
    Secrets {
        jwt_secret: "test-jwt-secret".into(),
        cookie_secret: "test-cookie-secret".into(),
        cookie_secure: false,
    }
}

pub fn tuning() -> Tuning {
    Tuning {
        password: PasswordPolicy { bcrypt_cost: 4 },
        throttle: ThrottlePolicy::default(),
    }
}

impl TestApp {
    /// A fresh app whose server runs with `flags` (as with `MEDUSA_FF_*` set).
    pub async fn with_flags(backend: Backend, flags: medusa_core::FeatureFlags) -> Self {
        let setup = Setup {
            flags,
            ..Setup::default()
        };
        Self::with_setup(backend, setup).await
    }

    /// A fresh app whose server runs with `setup`'s flags and providers.
    pub async fn with_setup(backend: Backend, setup: Setup) -> Self {
        let flags = setup.flags;
        let (db, file) = match backend {
            Backend::Sqlite => {
                let path = std::env::temp_dir().join(format!("{}.db", unique_name("medusa_it")));
                let url = format!("sqlite://{}?mode=rwc", path.display());
                // Opened as the server opens it (one connection on SQLite).
                let db = medusa_admin_http::server::connect(&DatabaseConfig { database_url: url })
                    .await
                    .expect("open sqlite");
                medusa_migration::migrate(&db)
                    .await
                    .expect("migrate sqlite");
                (db, Some(TempFile(path)))
            }
            Backend::Postgres => (postgres_database().await, None),
        };
        // As `serve` does: Medusa's migrations of the flags that are on.
        medusa_admin_http::server::migrate(&db, flags)
            .await
            .expect("flagged migrations");
        let state = AppState::with_setup(db.clone(), secrets(), tuning(), setup);
        seed(&state, &db).await;
        TestApp {
            backend,
            db,
            state,
            _sqlite_file: file,
        }
    }

    /// The app under test, as an actix service.
    pub async fn service(
        &self,
    ) -> impl Service<Request, Response = ServiceResponse<impl MessageBody>, Error = actix_web::Error>
    {
        test::init_service(medusa_admin_http::app(self.state.clone())).await
    }
}

/// The reference store's starting point: its admin (with Medusa's own scrypt hash and API
/// token), the store singleton with eur and usd, and the providers.
async fn seed(state: &AppState, db: &DatabaseConnection) {
    use medusa_entity::{sea_orm_active_enums::UserRoleEnum, user};
    let now = medusa_core::time::now();
    user::ActiveModel {
        id: Set(ADMIN_ID.into()),
        email: Set(ADMIN_EMAIL.into()),
        first_name: Set(Some("Ref".into())),
        last_name: Set(Some("Admin".into())),
        password_hash: Set(Some(ADMIN_SCRYPT_HASH.trim().into())),
        api_token: Set(Some(ADMIN_API_TOKEN.into())),
        created_at: Set(now),
        updated_at: Set(now),
        deleted_at: Set(None),
        metadata: Set(None),
        role: Set(Some(UserRoleEnum::Admin)),
    }
    .insert(db)
    .await
    .expect("seed admin");
    state.store.ensure_store().await.expect("store");
    state
        .store
        .register_providers(
            &state.providers.installed_payment_ids(),
            &state.providers.fulfillment_ids(),
        )
        .await
        .expect("providers");
    state
        .store
        .update(medusa_store::UpdateStore {
            name: Some(Some("Medusa Ref Store".into())),
            currencies: Some(vec!["usd".into(), "eur".into()]),
            default_currency_code: Some("eur".into()),
            ..Default::default()
        })
        .await
        .expect("store like the reference's");
}

/// A fresh PostgreSQL database cloned from a migrated template (made once per test binary).
async fn postgres_database() -> DatabaseConnection {
    static TEMPLATE: OnceCell<(String, String)> = OnceCell::const_new();
    let (server, template) = TEMPLATE
        .get_or_init(|| async {
            let url = std::env::var("TEST_DATABASE_URL").expect(
                "TEST_DATABASE_URL is not set: run the tests through scripts/with-postgres.sh \
                 (`just test`), which starts a throwaway PostgreSQL",
            );
            let server = url
                .rsplit_once('/')
                .map(|(s, _)| s.to_owned())
                .unwrap_or(url.clone());
            let template = unique_name("medusa_tpl");
            let admin = Database::connect(&url)
                .await
                .expect("connect to TEST_DATABASE_URL");
            exec(&admin, &format!("CREATE DATABASE {template}")).await;
            admin.close().await.ok();
            let db = Database::connect(format!("{server}/{template}"))
                .await
                .expect("connect template");
            medusa_migration::migrate(&db)
                .await
                .expect("migrate template");
            db.close().await.ok();
            (server, template)
        })
        .await;
    let name = unique_name("medusa_it");
    let admin = Database::connect(format!("{server}/postgres"))
        .await
        .expect("connect postgres");
    exec(
        &admin,
        &format!("CREATE DATABASE {name} TEMPLATE {template}"),
    )
    .await;
    admin.close().await.ok();
    Database::connect(format!("{server}/{name}"))
        .await
        .expect("connect test database")
}

async fn exec(db: &DatabaseConnection, sql: &str) {
    db.execute(Statement::from_string(DbBackend::Postgres, sql.to_owned()))
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"));
}

/// A JSON answer: status, headers and body.
pub struct Answer {
    pub status: u16,
    pub headers: actix_web::http::header::HeaderMap,
    pub body: Value,
    pub text: String,
}

impl Answer {
    pub fn cookie(&self) -> Option<String> {
        self.headers
            .get_all("set-cookie")
            .filter_map(|v| v.to_str().ok())
            .find(|v| v.starts_with("connect.sid="))
            .map(|v| v.split(';').next().unwrap_or_default().to_owned())
    }

    pub fn content_type(&self) -> String {
        self.headers
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    }
}

/// Sends a request and reads the answer whole.
pub async fn send<S, B>(app: &S, req: test::TestRequest) -> Answer
where
    S: Service<Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
    B: MessageBody,
{
    let res = test::call_service(app, req.to_request()).await;
    let status = res.status().as_u16();
    let headers = res.headers().clone();
    let bytes = test::read_body(res).await;
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    Answer {
        status,
        headers,
        body,
        text,
    }
}

/// A request authenticated with the admin's API token.
pub fn admin(req: test::TestRequest) -> test::TestRequest {
    req.insert_header(("x-medusa-access-token", ADMIN_API_TOKEN))
}

pub fn get(path: &str) -> test::TestRequest {
    test::TestRequest::get().uri(path)
}

pub fn post(path: &str, body: Value) -> test::TestRequest {
    test::TestRequest::post().uri(path).set_json(body)
}

pub fn delete(path: &str) -> test::TestRequest {
    test::TestRequest::delete().uri(path)
}

/// Replaces what differs between runs (ids, timestamps, tokens) with placeholders, so that a
/// snapshot records the shape and the stable values.
pub fn redact(value: &Value) -> Value {
    redact_at(None, value)
}

fn redact_at(key: Option<&str>, value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| (k.clone(), redact_at(Some(k), v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(|v| redact_at(key, v)).collect()),
        Value::String(s) => {
            let key = key.unwrap_or_default();
            if key.ends_with("_at") || key == "expires_at" {
                Value::String("[datetime]".into())
            } else if key == "token" || key == "access_token" {
                Value::String("[token]".into())
            } else if is_generated_id(s) && (key == "id" || key.ends_with("_id") || key == "ids") {
                Value::String("[id]".into())
            } else {
                value.clone()
            }
        }
        _ => value.clone(),
    }
}

/// `<prefix>_<26-char ULID>`, the shape of ids that differ from run to run.
fn is_generated_id(s: &str) -> bool {
    s.rsplit_once('_').is_some_and(|(_, ulid)| {
        ulid.len() == 26 && ulid.chars().all(|c| c.is_ascii_alphanumeric())
    })
}

/// A reference Medusa answer recorded under `tests/reference/`.
pub fn reference(name: &str) -> Value {
    let path = format!("{}/tests/reference/{name}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Loads the reference store's catalog (`tests/reference/catalog.json`, exported from the
/// reference database by `export-catalog.py`): its regions, shipping profiles and options,
/// collections, types, tags, the 7 products with their options, 26 variants, prices and images,
/// and the sales channel they are in. Rows keep the reference's ids and timestamps, so answers
/// can be compared with the reference server's.
pub async fn load_reference_catalog(db: &DatabaseConnection) {
    use medusa_entity::*;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

    let path = format!(
        "{}/tests/reference/catalog.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let tables: serde_json::Map<String, Value> = serde_json::from_str(&text).expect("catalog.json");
    let rows = |table: &str| -> Vec<Value> {
        tables
            .get(table)
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_else(|| panic!("catalog.json has no {table}"))
    };

    macro_rules! insert_all {
        ($($table:ident),* $(,)?) => {$(
            for row in rows(stringify!($table)) {
                let model = $table::ActiveModel::from_json(row.clone())
                    .unwrap_or_else(|e| panic!("{}: {e}: {row}", stringify!($table)));
                $table::Entity::insert(model)
                    .exec_without_returning(db)
                    .await
                    .unwrap_or_else(|e| panic!("{}: {e}: {row}", stringify!($table)));
            }
        )*};
    }

    insert_all!(
        region,
        region_payment_providers,
        region_fulfillment_providers
    );
    // Countries exist already (the migrations load them); the reference only assigns regions.
    for row in rows("country") {
        let iso_2 = row["iso_2"].as_str().expect("iso_2").to_owned();
        let region_id = row["region_id"].as_str().map(str::to_owned);
        country::Entity::update_many()
            .col_expr(
                country::Column::RegionId,
                sea_orm::sea_query::Expr::value(region_id),
            )
            .filter(country::Column::Iso2.eq(iso_2))
            .exec(db)
            .await
            .expect("assign country");
    }
    insert_all!(
        shipping_profile,
        shipping_option,
        product_collection,
        product_type,
        product_tag,
        product,
        product_tags,
        product_option,
        product_variant,
        product_option_value,
        money_amount,
        product_variant_money_amount,
        image,
        product_images,
        sales_channel,
        product_sales_channel,
        product_shipping_profile,
    );
}

on_both_backends! {
    async fn the_reference_catalog_loads(app) {
        use sea_orm::{EntityTrait, PaginatorTrait};
        load_reference_catalog(&app.db).await;
        assert_eq!(medusa_entity::product::Entity::find().count(&app.db).await.unwrap(), 7);
        assert_eq!(medusa_entity::product_variant::Entity::find().count(&app.db).await.unwrap(), 26);
        assert_eq!(medusa_entity::money_amount::Entity::find().count(&app.db).await.unwrap(), 52);
    }
}
