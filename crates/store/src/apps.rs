//! The OAuth applications plugins register (`oauth` rows): `GET /admin/apps` lists them and
//! `POST /admin/apps/authorizations` hands an authorization code to the application's
//! plugin. This server ships no OAuth plugin, so an authorization names an unknown
//! application (404) or one whose handler is not installed (Medusa's `invalid_data`).

use async_trait::async_trait;
use medusa_core::body::{Class, Field, Rule};
use medusa_core::{Error, Result};
use medusa_entity::oauth;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use serde_json::Value;

static AUTHORIZE: Class = Class::new(&[
    Field::required("application_name", &[Rule::NotEmpty, Rule::String]),
    Field::required("state", &[Rule::NotEmpty, Rule::String]),
    Field::required("code", &[Rule::NotEmpty, Rule::String]),
]);

/// `AdminPostAppsReq`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthorizeApp {
    pub application_name: String,
    pub state: String,
    pub code: String,
}

impl AuthorizeApp {
    pub fn from_body(body: Value) -> Result<Self> {
        let body = AUTHORIZE.read(body)?;
        Ok(Self {
            application_name: body.string("application_name").unwrap_or_default(),
            state: body.string("state").unwrap_or_default(),
            code: body.string("code").unwrap_or_default(),
        })
    }
}

#[async_trait]
pub trait AppService: Send + Sync {
    /// Every registered application.
    async fn list(&self) -> Result<Vec<oauth::Model>>;
    /// Generates the application's token from an authorization code.
    async fn authorize(&self, input: AuthorizeApp) -> Result<oauth::Model>;
}

pub struct SeaAppService {
    db: DatabaseConnection,
}

impl SeaAppService {
    pub fn new(db: DatabaseConnection) -> Self {
        Self { db }
    }
}

#[async_trait]
impl AppService for SeaAppService {
    async fn list(&self) -> Result<Vec<oauth::Model>> {
        Ok(oauth::Entity::find().all(&self.db).await?)
    }

    async fn authorize(&self, input: AuthorizeApp) -> Result<oauth::Model> {
        let app = oauth::Entity::find()
            .filter(oauth::Column::ApplicationName.eq(input.application_name.as_str()))
            .one(&self.db)
            .await?
            .ok_or_else(|| {
                Error::not_found(format!(
                    "Oauth application {} not found",
                    input.application_name
                ))
            })?;
        // No OAuth plugin is installed here: no application has a handler.
        Err(Error::invalid_data(format!(
            "An OAuth handler for {} could not be found make sure the plugin is installed",
            app.display_name
        )))
    }
}
