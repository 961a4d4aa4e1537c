//! The OAuth applications plugins register (`oauth` rows): `GET /admin/apps` lists them and
//! `POST /admin/apps/authorizations` hands an authorization code to the application's
//! plugin. This server ships no OAuth plugin, so an authorization names an unknown
//! application (404) or one whose handler is not installed (Medusa's `invalid_data`).

use async_trait::async_trait;
use medusa_core::body::Rule;
use medusa_core::{Error, Result};
use medusa_entity::oauth;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

medusa_core::request! {
    /// `AdminPostAppsReq`.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct AuthorizeApp in AUTHORIZE {
        pub application_name: String = required[Rule::NotEmpty, Rule::String],
        pub state: String = required[Rule::NotEmpty, Rule::String],
        pub code: String = required[Rule::NotEmpty, Rule::String],
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
