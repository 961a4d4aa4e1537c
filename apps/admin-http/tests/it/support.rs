//! Test support: the app over a fresh database per test on each backend (`TestApp`, built on
//! `medusa-test-support`'s `TestDb`), and JSON helpers (requests, comparison with recorded
//! reference answers; `redact` is the shared one).

use actix_http::Request;
use actix_web::{
    body::MessageBody,
    dev::{Service, ServiceResponse},
    test,
};
use medusa_admin_http::{AppState, Secrets, Setup, Tuning};
use medusa_auth::{password::PasswordPolicy, ThrottlePolicy};
use medusa_core::new_row::stamped;
use medusa_test_support::{on_both_backends, Fixture, TestDb};
pub use medusa_test_support::{redact, Backend};
use sea_orm::{ActiveModelTrait, DatabaseConnection, Set};
use serde_json::Value;

pub const ADMIN_ID: &str = "usr_ref_admin";
pub const ADMIN_EMAIL: &str = "admin@medusa-test.com";
pub const ADMIN_PASSWORD: &str = "supersecret";
pub const ADMIN_API_TOKEN: &str = "ref_admin_api_token";
/// The seeded admin's password hash in the reference Medusa database: scrypt-kdf, as every
/// user row of a real Medusa store has it.
pub const ADMIN_SCRYPT_HASH: &str = include_str!("../reference/admin-password-hash.txt");

/// Medusa's default flags with `MEDUSA_FF_TAX_INCLUSIVE_PRICING=true`.
pub fn tax_inclusive() -> medusa_core::FeatureFlags {
    medusa_core::FeatureFlags::default().with(medusa_core::Flag::TaxInclusivePricing, true)
}

/// The admin app over a fresh database (`medusa_test_support::TestDb`), seeded as the
/// reference store: what an `on_both_backends!` test of the `async fn name(app)` form gets.
pub struct TestApp {
    #[allow(dead_code)]
    pub backend: Backend,
    pub db: DatabaseConnection,
    pub state: AppState,
    /// Removes the database when the test ends.
    _database: TestDb,
}

impl Fixture for TestApp {
    type Setup = Setup;

    fn setup_with_flags(flags: medusa_core::FeatureFlags) -> Setup {
        Setup {
            flags,
            ..Setup::default()
        }
    }

    fn open(backend: Backend, setup: Setup) -> impl std::future::Future<Output = Self> {
        TestApp::with_setup(backend, setup)
    }

    /// actix's own runtime (what `#[actix_web::test]` runs on): the app spawns onto it.
    fn block_on<F: std::future::Future>(future: F) -> F::Output {
        actix_web::rt::System::new().block_on(future)
    }
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
        let database = TestDb::new(backend).await;
        let db = database.db.clone();
        // As `serve` does: Medusa's migrations of the flags that are on.
        medusa_admin_http::database::migrate(&db, flags)
            .await
            .expect("flagged migrations");
        let state = AppState::with_setup(db.clone(), secrets(), tuning(), setup);
        seed(&state, &db).await;
        TestApp {
            backend,
            db,
            state,
            _database: database,
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
        role: Set(Some(UserRoleEnum::Admin)),
        ..stamped(now)
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

/// The reference admin's login body.
pub fn login_body() -> Value {
    serde_json::json!({ "email": ADMIN_EMAIL, "password": ADMIN_PASSWORD })
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

/// The app under test as helpers take it (`app.service()`'s type, named once).
pub trait TestService<B>:
    Service<Request, Response = ServiceResponse<B>, Error = actix_web::Error>
{
}

impl<S, B> TestService<B> for S where
    S: Service<Request, Response = ServiceResponse<B>, Error = actix_web::Error>
{
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
