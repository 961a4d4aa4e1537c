use medusa_auth::api_keys::hash_api_key_token;
use medusa_auth::{ApiKeyService, SeaApiKeyService};
use medusa_core::Error;
use medusa_entity::secret_api_key;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

use medusa_test_support::on_both_backends;

fn page_plan(db: &DatabaseConnection, query: &str) -> medusa_query_dsl::ListPlan {
    use sea_orm::ConnectionTrait;
    let raw = medusa_query_dsl::parse(query).unwrap();
    medusa_query_dsl::plan(
        &medusa_auth::api_keys::API_KEY_LIST,
        &raw,
        db.get_database_backend(),
    )
    .unwrap()
}

fn message(err: Error) -> (u16, String) {
    (err.status(), err.to_string())
}

on_both_backends!(
    create_shows_the_token_once,
    list_retrieve_update,
    revoke_then_delete
);

async fn create_shows_the_token_once(db: DatabaseConnection) {
    let created = SeaApiKeyService::new(db.clone())
        .create("Deploys", "usr_1")
        .await
        .unwrap();
    let (token, key) = (&created.token, &created.key);
    let random = token.strip_prefix("sk_").unwrap();
    assert_eq!(random.len(), 64);
    assert!(random
        .chars()
        .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
    assert!(key.id.starts_with("apk_"), "{}", key.id);
    assert_eq!(
        key.redacted,
        format!("sk_{}***{}", &random[..3], &random[61..])
    );
    assert_eq!(key.token_hash, hash_api_key_token(token));
    assert_eq!(
        (
            key.title.as_str(),
            key.key_type.as_str(),
            key.created_by.as_str()
        ),
        ("Deploys", "secret", "usr_1")
    );
    assert_eq!((key.revoked_at, key.revoked_by.as_deref()), (None, None));
    // Nothing stored contains the token.
    let stored = secret_api_key::Entity::find_by_id(key.id.as_str())
        .one(&db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(&stored, key);
    assert!(!format!("{stored:?}").contains(random));
    assert!(!serde_json::to_string(&stored)
        .unwrap()
        .contains("token_hash"));

    let err = SeaApiKeyService::new(db.clone())
        .create("  ", "usr_1")
        .await
        .unwrap_err();
    assert_eq!(err.status(), 400);
}

async fn list_retrieve_update(db: DatabaseConnection) {
    let keys = SeaApiKeyService::new(db.clone());
    let mut ids = Vec::new();
    for (i, title) in ["one", "two", "three"].into_iter().enumerate() {
        let created = keys.create(title, "usr_1").await.unwrap();
        let at = chrono::DateTime::parse_from_rfc3339(&format!("2024-01-0{}T00:00:00.000Z", i + 1))
            .unwrap();
        secret_api_key::Entity::update_many()
            .col_expr(secret_api_key::Column::CreatedAt, Expr::value(at))
            .filter(secret_api_key::Column::Id.eq(created.key.id.as_str()))
            .exec(&db)
            .await
            .unwrap();
        ids.push(created.key.id);
    }
    let page = keys
        .list(&page_plan(&db, "limit=2&offset=0"))
        .await
        .unwrap();
    assert_eq!(
        (page.key, page.count, page.offset, page.limit),
        ("api_keys", 3, 0, 2)
    );
    let titles: Vec<_> = page.items.iter().map(|k| k.title.as_str()).collect();
    assert_eq!(titles, ["three", "two"], "newest first");
    let last = keys
        .list(&page_plan(&db, "limit=2&offset=2"))
        .await
        .unwrap();
    assert_eq!(last.items.len(), 1);

    let updated = keys.update(&ids[0], "renamed").await.unwrap();
    assert_eq!(updated.title, "renamed");
    assert_eq!(keys.retrieve(&ids[0]).await.unwrap(), updated);
    assert_eq!(
        message(keys.retrieve("apk_missing").await.unwrap_err()),
        (404, "ApiKey with id: apk_missing was not found".into())
    );
    assert_eq!(
        keys.update("apk_missing", "x").await.unwrap_err().status(),
        404
    );
    assert_eq!(keys.update(&ids[0], "").await.unwrap_err().status(), 400);
}

async fn revoke_then_delete(db: DatabaseConnection) {
    let keys = SeaApiKeyService::new(db.clone());
    let created = keys.create("temp", "usr_1").await.unwrap();
    let id = created.key.id.as_str();
    let err = keys.delete(id).await.unwrap_err();
    assert_eq!(
        message(err),
        (
            400,
            format!("Cannot delete api keys that are not revoked - {id}")
        )
    );

    let revoked = keys.revoke(id, "usr_2").await.unwrap();
    assert_eq!(revoked.revoked_by.as_deref(), Some("usr_2"));
    assert!(revoked.revoked_at.is_some());
    let err = keys.revoke(id, "usr_2").await.unwrap_err();
    assert_eq!(
        message(err),
        (
            400,
            "There are 1 secret keys that are already revoked.".into()
        )
    );
    assert_eq!(
        keys.revoke("apk_missing", "usr_2")
            .await
            .unwrap_err()
            .status(),
        404
    );

    keys.delete(id).await.unwrap();
    assert_eq!(keys.retrieve(id).await.unwrap_err().status(), 404);
    keys.delete(id).await.unwrap();
}
