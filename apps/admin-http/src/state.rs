//! The services a request can reach, built once per server from a database connection.

use std::sync::Arc;

use medusa_auth::{
    analytics::{AnalyticsConfigService, SeaAnalyticsConfigService},
    api_keys::{ApiKeyService, SeaApiKeyService},
    credentials::{Authenticator, SeaAuthenticator},
    invites::{InviteService, SeaInviteService},
    login::{LoginService, SeaLoginService},
    password::PasswordPolicy,
    sessions::{SeaSessionRepository, SessionRepository},
    throttle::{LoginThrottle, ThrottlePolicy},
    token::JwtKeys,
    users::{SeaUserService, UserService},
};
use medusa_core::FeatureFlags;
use medusa_store::{CurrencyService, SeaCurrencyService, SeaStoreService, StoreService};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend};

/// The secrets the HTTP layer signs with, and the session cookie's policy. The standalone
/// server reads them from `JWT_SECRET`, `COOKIE_SECRET` and `COOKIE_SECURE` and checks them
/// for production use.
#[derive(Debug, Clone)]
pub struct Secrets {
    /// Signs admin JWTs (and download links of protected uploads).
    pub jwt_secret: String,
    /// Signs the session cookie.
    pub cookie_secret: String,
    /// Marks the session cookie `Secure` (HTTPS only).
    pub cookie_secure: bool,
}

impl Secrets {
    /// The two secrets, with a cookie that is not marked `Secure`.
    pub fn new(jwt_secret: impl Into<String>, cookie_secret: impl Into<String>) -> Self {
        Self {
            jwt_secret: jwt_secret.into(),
            cookie_secret: cookie_secret.into(),
            cookie_secure: false,
        }
    }
}

/// Everything a handler may call. Services are trait objects so embedders and tests can swap
/// implementations.
#[derive(Clone)]
pub struct AppState {
    /// The database's kind (PostgreSQL or SQLite), for planning list queries.
    pub backend: DbBackend,
    /// The feature flags this server honours (`MEDUSA_FF_*`).
    pub flags: FeatureFlags,
    /// Resolves a request's credential (session, JWT, API token, secret key) to a user.
    pub authenticator: Arc<dyn Authenticator>,
    /// Password logins, with the login throttle.
    pub logins: Arc<dyn LoginService>,
    /// Admin users.
    pub users: Arc<dyn UserService>,
    /// Each admin's analytics preferences.
    pub analytics_configs: Arc<dyn AnalyticsConfigService>,
    /// Invites to become an admin.
    pub invites: Arc<dyn InviteService>,
    /// Secret API keys.
    pub api_keys: Arc<dyn ApiKeyService>,
    /// Stored admin sessions (the `connect.sid` cookie's state).
    pub sessions: Arc<dyn SessionRepository>,
    /// The store singleton and its currencies and providers.
    pub store: Arc<dyn StoreService>,
    /// The currency catalogue.
    pub currencies: Arc<dyn CurrencyService>,
    /// Tax rates and their overrides.
    pub tax_rates: Arc<dyn medusa_tax::TaxRateService>,
    /// Shipping profiles.
    pub shipping_profiles: Arc<dyn medusa_shipping::ShippingProfileService>,
    /// Shipping options and their requirements.
    pub shipping_options: Arc<dyn medusa_shipping::ShippingOptionService>,
    /// The payment and fulfillment providers this server ships (shared by regions and shipping).
    pub providers: medusa_providers::ProviderRegistry,
    /// Regions, their countries and providers.
    pub regions: Arc<dyn medusa_region::RegionService>,
    /// Return reasons.
    pub return_reasons: Arc<dyn medusa_returns::ReturnReasonService>,
    /// Returns (request, list, receive, cancel).
    pub returns: Arc<dyn medusa_returns::ReturnService>,
    /// Claims of orders.
    pub claims: Arc<dyn medusa_returns::ClaimService>,
    /// Swaps of orders and their reads.
    pub swaps: Arc<dyn medusa_returns::SwapService>,
    /// Order edits.
    pub order_edits: Arc<dyn medusa_order_edit::OrderEditService>,
    /// Payment collections.
    pub payment_collections: Arc<dyn medusa_order::PaymentCollectionService>,
    /// Customers and their addresses.
    pub customers: Arc<dyn medusa_customer::CustomerService>,
    /// The order read model.
    pub orders: Arc<dyn medusa_order::OrderService>,
    /// Payment reads.
    pub payments: Arc<dyn medusa_order::PaymentService>,
    /// The order lifecycle writes (and the payment writes).
    pub order_writes: Arc<dyn medusa_order::OrderWriteService>,
    /// Customer groups.
    pub customer_groups: Arc<dyn medusa_customer::CustomerGroupService>,
    /// Publishable API keys and their sales channels.
    pub publishable_api_keys: Arc<dyn medusa_sales_channel::PublishableApiKeyService>,
    /// Product collections.
    pub collections: Arc<dyn medusa_catalog::CollectionService>,
    /// Product categories.
    pub product_categories: Arc<dyn medusa_catalog::ProductCategoryService>,
    /// Sales channels.
    pub sales_channels: Arc<dyn medusa_sales_channel::SalesChannelService>,
    /// Where uploads are stored ([`AppState::with_uploads`] sets the configured storage).
    pub files: Arc<dyn medusa_file::FileStorage>,
    /// Which uploads are accepted.
    pub upload_policy: medusa_file::UploadPolicy,
    /// Notes on resources.
    pub notes: Arc<dyn medusa_notification::NoteService>,
    /// Price lists.
    pub price_lists: Arc<dyn medusa_pricing::PriceListService>,
    /// Discounts.
    pub discounts: Arc<dyn medusa_discount::DiscountService>,
    /// Discount conditions.
    pub discount_conditions: Arc<dyn medusa_discount::DiscountConditionService>,
    /// Gift cards.
    pub gift_cards: Arc<dyn medusa_discount::GiftCardService>,
    /// Draft orders on the cart engine (issue 14).
    pub draft_orders: Arc<dyn medusa_draft_order::DraftOrderService>,
    /// Product and variant reads.
    pub products: Arc<dyn medusa_product::ProductService>,
    /// The admin variant reads, priced as Medusa prices them (wraps `products`).
    pub priced_variants: Arc<dyn medusa_pricing::PricedVariantService>,
    /// Product and variant writes.
    pub product_writes: Arc<dyn medusa_product::ProductWriteService>,
    /// The product query specs the flags select (default relations).
    pub product_specs: medusa_product::ProductSpecs,
    /// Notifications sent and their resends.
    pub notifications: Arc<dyn medusa_notification::NotificationService>,
    /// OAuth applications (`/admin/apps`).
    pub apps: Arc<dyn medusa_store::apps::AppService>,
    /// The caller's batch jobs: reads, create, confirm, cancel (the worker runs them).
    pub batch_jobs: Arc<dyn medusa_batch::BatchJobService>,
    /// Inventory (Medusa's inventory and stock-location modules): on when the database has
    /// the modules' tables, else every route answers that inventory is not enabled.
    pub inventory_items: Arc<dyn medusa_inventory::InventoryItemService>,
    /// Stock locations (inventory modules).
    pub stock_locations: Arc<dyn medusa_inventory::StockLocationService>,
    /// Reservations (inventory modules).
    pub reservations: Arc<dyn medusa_inventory::ReservationService>,
    /// The notification providers this server ships; the event dispatcher feeds them events.
    pub notification_providers: Vec<Arc<dyn medusa_notification::NotificationProvider>>,
    /// The keys admin JWTs are signed and checked with.
    pub jwt: JwtKeys,
    /// The secrets and cookie policy.
    pub secrets: Secrets,
    /// Origins allowed to call from a browser (`ADMIN_CORS`); [`AppState::with_cors`] sets them.
    pub cors_origins: crate::AllowedOrigins,
    /// Which proxies may tell the client's address (`TRUST_PROXY`); see [`AppState::with_trusted_proxies`].
    pub trust_proxy: crate::client_address::TrustProxy,
}

/// What a Medusa project's config decides besides its database: the feature flags and the
/// payment and fulfillment providers (Medusa's plugins). `Default` is a Medusa 1.20 server
/// with its default flags and the manual providers.
#[derive(Clone, Default)]
pub struct Setup {
    /// Medusa's feature flags.
    pub flags: FeatureFlags,
    /// The payment and fulfillment providers.
    pub providers: medusa_providers::ProviderRegistry,
}

/// Tunables that tests turn down (password hashing cost, login throttling).
#[derive(Debug, Clone, Default)]
pub struct Tuning {
    /// Password hashing cost.
    pub password: PasswordPolicy,
    /// How failed logins are throttled.
    pub throttle: ThrottlePolicy,
}

impl AppState {
    /// The same services with uploads kept in `files` and accepted by `policy`.
    pub fn with_uploads(
        mut self,
        files: Arc<dyn medusa_file::FileStorage>,
        policy: medusa_file::UploadPolicy,
    ) -> Self {
        self.files = files;
        self.upload_policy = policy;
        self
    }

    /// The same services, answering browsers from `origins`.
    pub fn with_cors(mut self, origins: crate::AllowedOrigins) -> Self {
        self.cors_origins = origins;
        self
    }

    /// The proxies whose `X-Forwarded-For` names the client (none by default).
    pub fn with_trusted_proxies(mut self, trust: crate::client_address::TrustProxy) -> Self {
        self.trust_proxy = trust;
        self
    }

    /// The services over `db` with Medusa's default feature flags.
    pub fn new(db: DatabaseConnection, secrets: Secrets, tuning: Tuning) -> Self {
        Self::with_flags(db, secrets, tuning, FeatureFlags::default())
    }

    /// The services over `db`, honouring `flags` as Medusa does with the same flags set.
    pub fn with_flags(
        db: DatabaseConnection,
        secrets: Secrets,
        tuning: Tuning,
        flags: FeatureFlags,
    ) -> Self {
        Self::with_setup(
            db,
            secrets,
            tuning,
            Setup {
                flags,
                ..Setup::default()
            },
        )
    }

    /// The services over `db` with the flags and providers of `setup`.
    pub fn with_setup(
        db: DatabaseConnection,
        secrets: Secrets,
        tuning: Tuning,
        setup: Setup,
    ) -> Self {
        let Setup { flags, providers } = setup;
        let product_specs = medusa_product::ProductSpecs::for_flags(flags);
        let jwt = JwtKeys::new(&secrets.jwt_secret);
        let throttle = Arc::new(LoginThrottle::new(tuning.throttle));
        let notification_providers = medusa_notification::default_providers();
        let inventory = medusa_inventory::Modules::new(db.clone());
        let products: Arc<dyn medusa_product::ProductService> =
            Arc::new(medusa_inventory::ProductsWithAvailability::new(
                Arc::new(medusa_product::SeaProductService::new(db.clone())),
                inventory.clone(),
            ));
        Self {
            backend: db.get_database_backend(),
            flags,
            authenticator: Arc::new(SeaAuthenticator::new(db.clone(), jwt.clone())),
            logins: Arc::new(SeaLoginService::new(db.clone(), tuning.password, throttle)),
            users: Arc::new(SeaUserService::new(db.clone(), tuning.password)),
            analytics_configs: Arc::new(SeaAnalyticsConfigService::new(db.clone())),
            invites: Arc::new(SeaInviteService::new(
                db.clone(),
                jwt.clone(),
                tuning.password,
            )),
            api_keys: Arc::new(SeaApiKeyService::new(db.clone())),
            sessions: Arc::new(SeaSessionRepository::new(db.clone())),
            store: Arc::new(SeaStoreService::new(db.clone(), flags)),
            tax_rates: Arc::new(medusa_tax::SeaTaxRateService::new(db.clone())),
            shipping_profiles: Arc::new(medusa_shipping::SeaShippingProfileService::new(
                db.clone(),
            )),
            shipping_options: Arc::new(medusa_shipping::SeaShippingOptionService::new(
                db.clone(),
                providers.clone(),
                flags,
            )),
            providers: providers.clone(),
            order_writes: Arc::new(medusa_order::SeaOrderWriteService::new(
                db.clone(),
                providers.clone(),
                flags,
            )),
            regions: Arc::new(medusa_region::SeaRegionService::new(
                db.clone(),
                providers.clone(),
                flags,
            )),
            return_reasons: Arc::new(medusa_returns::SeaReturnReasonService::new(db.clone())),
            returns: Arc::new(medusa_returns::SeaReturnService::new(
                db.clone(),
                Arc::new(medusa_order::SeaOrderService::new(db.clone(), flags)),
            )),
            claims: Arc::new(medusa_returns::SeaClaimService::new(
                db.clone(),
                Arc::new(medusa_order::SeaOrderService::new(db.clone(), flags)),
                providers.clone(),
                flags.is_enabled(medusa_core::flags::Flag::TaxInclusivePricing),
            )),
            swaps: Arc::new(medusa_returns::SeaSwapService::new(
                db.clone(),
                Arc::new(medusa_order::SeaOrderService::new(db.clone(), flags)),
                providers.clone(),
                flags.is_enabled(medusa_core::flags::Flag::TaxInclusivePricing),
            )),
            order_edits: Arc::new(medusa_order_edit::SeaOrderEditService::new(
                db.clone(),
                flags,
            )),
            payment_collections: Arc::new(medusa_order::SeaPaymentCollectionService::new(
                db.clone(),
            )),
            customers: Arc::new(medusa_customer::SeaCustomerService::new(
                db.clone(),
                tuning.password,
            )),
            customer_groups: Arc::new(medusa_customer::SeaCustomerGroupService::new(db.clone())),
            orders: Arc::new(medusa_order::SeaOrderService::new(db.clone(), flags)),
            payments: Arc::new(medusa_order::SeaPaymentService::new(db.clone())),
            publishable_api_keys: Arc::new(medusa_sales_channel::SeaPublishableApiKeyService::new(
                db.clone(),
            )),
            collections: Arc::new(medusa_catalog::SeaCollectionService::new(db.clone())),
            product_categories: Arc::new(medusa_catalog::SeaProductCategoryService::new(
                db.clone(),
            )),
            sales_channels: Arc::new(medusa_sales_channel::SeaSalesChannelService::new(
                db.clone(),
            )),
            files: Arc::new(medusa_file::LocalFileStorage::new(
                "uploads",
                "http://localhost:9000",
                medusa_file::DownloadSigner::new(secrets.jwt_secret.as_bytes(), 3600),
            )),
            upload_policy: medusa_file::UploadPolicy::default(),
            notes: Arc::new(medusa_notification::SeaNoteService::new(db.clone())),
            price_lists: Arc::new(medusa_pricing::SeaPriceListService::new(db.clone(), flags)),
            discounts: Arc::new(medusa_discount::SeaDiscountService::new(db.clone(), flags)),
            discount_conditions: Arc::new(medusa_discount::SeaDiscountConditionService::new(
                db.clone(),
                flags,
            )),
            gift_cards: Arc::new(medusa_discount::SeaGiftCardService::new(db.clone(), flags)),
            draft_orders: Arc::new(medusa_draft_order::SeaDraftOrderService::new(
                db.clone(),
                providers.clone(),
                flags,
                Arc::new(medusa_order::SeaOrderService::new(db.clone(), flags)),
            )),
            priced_variants: Arc::new(medusa_inventory::VariantsWithAvailability::new(
                Arc::new(medusa_pricing::SeaPricedVariantService::new(
                    db.clone(),
                    Arc::clone(&products),
                    flags,
                )),
                inventory.clone(),
            )),
            products,
            product_writes: Arc::new(
                medusa_product::SeaProductWriteService::new(db.clone(), product_specs)
                    .with_new_variants_hook(Arc::new(
                        medusa_inventory::InventoryItemsForNewVariants::new(inventory.clone()),
                    )),
            ),
            product_specs,
            notifications: Arc::new(medusa_notification::SeaNotificationService::new(
                db.clone(),
                notification_providers.clone(),
            )),
            notification_providers,
            apps: Arc::new(medusa_store::apps::SeaAppService::new(db.clone())),
            batch_jobs: Arc::new(
                medusa_batch::SeaBatchJobService::new(db.clone()).with_flags(flags),
            ),
            inventory_items: Arc::new(medusa_inventory::SeaInventoryItemService::new(
                inventory.clone(),
            )),
            stock_locations: Arc::new(medusa_inventory::SeaStockLocationService::new(
                inventory.clone(),
            )),
            reservations: Arc::new(medusa_inventory::SeaReservationService::new(inventory)),
            currencies: Arc::new(SeaCurrencyService::new(db, flags)),
            jwt,
            secrets,
            cors_origins: crate::AllowedOrigins::parse(
                crate::middleware::cors::DEVELOPMENT_ORIGINS,
            ),
            trust_proxy: Default::default(),
        }
    }
}
