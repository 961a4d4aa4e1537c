//! `secret_api_key`: the v2 API's secret admin keys. Our own table: the token itself is shown
//! once at creation and only its SHA-256 digest is stored.

table! {
    #[sea_orm(table_name = "secret_api_key")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub title: String,
        /// Hex SHA-256 of the token; never serialized.
        #[serde(skip_serializing)]
        #[sea_orm(unique)]
        pub token_hash: String,
        /// The token with its middle hidden, e.g. `sk_1a2***f9e`.
        pub redacted: String,
        /// Always `secret`; kept as a column so publishable keys can share the shape later.
        #[serde(rename = "type")]
        pub key_type: String,
        pub created_by: String,
        pub revoked_by: Option<String>,
        pub revoked_at: Option<DateTimeWithTimeZone>,
        pub last_used_at: Option<DateTimeWithTimeZone>,
        timestamps!(created_at, updated_at),
    }
}
