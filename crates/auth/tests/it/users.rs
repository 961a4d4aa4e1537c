use medusa_auth::password::verify_password;
use medusa_auth::token::issue_password_reset_token;
use medusa_auth::{
    AnalyticsConfigService, CreateAnalyticsConfig, CreateUser, Email, SeaAnalyticsConfigService,
    SeaUserService, UpdateUser, UserRole, UserService, USER_LIST,
};
use medusa_core::Error;
use medusa_entity::user;
use medusa_test_support::on_both_backends;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter};
use serde_json::json;

use crate::support::{insert_user, POLICY};

fn service(db: &DatabaseConnection) -> SeaUserService {
    SeaUserService::new(db.clone(), POLICY)
}

fn new_user(email: &str) -> CreateUser {
    CreateUser {
        email: Email::parse(email).unwrap(),
        password: "pw-123456".into(),
        first_name: Some("Ada".into()),
        last_name: None,
        role: None,
    }
}

fn message(err: Error) -> (u16, String) {
    (err.status(), err.to_string())
}

on_both_backends!(
    create_lower_cases_email_defaults_role_and_hashes,
    create_rejects_duplicates_but_allows_reuse_after_delete,
    create_rejects_an_empty_password,
    retrieve_hides_deleted_users,
    update_patches_clears_and_merges_metadata,
    update_rejects_a_token_another_user_has,
    delete_is_soft_and_idempotent,
    delete_removes_the_users_analytics_preferences,
    list_filters_searches_orders_and_pages,
    password_reset_round_trip,
    password_reset_rejections,
);

async fn create_lower_cases_email_defaults_role_and_hashes(db: DatabaseConnection) {
    let users = service(&db);
    let created = users
        .create(new_user("New.User@Example.COM"))
        .await
        .unwrap();
    assert!(created.id.starts_with("usr_"), "{}", created.id);
    assert_eq!(created.email, "new.user@example.com");
    assert_eq!(created.role, Some(UserRole::Member.into()));
    assert_eq!(created.first_name.as_deref(), Some("Ada"));
    let hash = created.password_hash.clone().unwrap();
    assert!(hash.starts_with("$2b$04$"));
    assert!(verify_password("pw-123456", &hash).is_valid());
    assert_eq!(users.retrieve(&created.id).await.unwrap(), created);

    let developer = CreateUser {
        role: Some(UserRole::Developer),
        ..new_user("dev@example.com")
    };
    assert_eq!(
        users.create(developer).await.unwrap().role,
        Some(UserRole::Developer.into())
    );
}

async fn create_rejects_duplicates_but_allows_reuse_after_delete(db: DatabaseConnection) {
    let users = service(&db);
    let first = users.create(new_user("taken@example.com")).await.unwrap();
    let err = users
        .create(new_user("TAKEN@example.com"))
        .await
        .unwrap_err();
    assert_eq!(
        message(err),
        (400, "A user with the same email already exists.".into())
    );
    users.delete(&first.id).await.unwrap();
    let second = users.create(new_user("taken@example.com")).await.unwrap();
    assert_ne!(second.id, first.id);
}

async fn create_rejects_an_empty_password(db: DatabaseConnection) {
    let err = service(&db)
        .create(CreateUser {
            password: String::new(),
            ..new_user("a@example.com")
        })
        .await
        .unwrap_err();
    assert_eq!(message(err), (400, "password should not be empty".into()));
}

async fn retrieve_hides_deleted_users(db: DatabaseConnection) {
    let users = service(&db);
    let err = users.retrieve("usr_missing").await.unwrap_err();
    assert_eq!(
        message(err),
        (404, "User with id: usr_missing was not found".into())
    );
    let created = users.create(new_user("gone@example.com")).await.unwrap();
    users.delete(&created.id).await.unwrap();
    let err = users.retrieve(&created.id).await.unwrap_err();
    assert_eq!(err.status(), 404);
}

async fn update_patches_clears_and_merges_metadata(db: DatabaseConnection) {
    let users = service(&db);
    let created = users.create(new_user("patch@example.com")).await.unwrap();
    let first = users
        .update(
            &created.id,
            UpdateUser {
                last_name: Some(Some("Lovelace".into())),
                metadata: json!({"a": 1, "b": {"x": 1}}).as_object().cloned(),
                ..UpdateUser::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(first.last_name.as_deref(), Some("Lovelace"));
    assert_eq!(
        first.first_name.as_deref(),
        Some("Ada"),
        "untouched fields stay"
    );
    assert!(first.updated_at >= created.updated_at);

    let second = users
        .update(
            &created.id,
            UpdateUser {
                first_name: Some(None),
                role: Some(Some(UserRole::Admin)),
                api_token: Some(Some("tok_123".into())),
                metadata: json!({"a": "", "b": {"y": 2}, "c": true})
                    .as_object()
                    .cloned(),
                ..UpdateUser::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(second.first_name, None);
    assert_eq!(second.last_name.as_deref(), Some("Lovelace"));
    assert_eq!(second.role, Some(UserRole::Admin.into()));
    assert_eq!(second.api_token.as_deref(), Some("tok_123"));
    assert_eq!(second.metadata, Some(json!({"b": {"y": 2}, "c": true})));
    assert_eq!(users.retrieve(&created.id).await.unwrap(), second);

    let err = users
        .update("usr_missing", UpdateUser::default())
        .await
        .unwrap_err();
    assert_eq!(
        message(err),
        (404, "User with id: usr_missing was not found".into())
    );
}

async fn update_rejects_a_token_another_user_has(db: DatabaseConnection) {
    let users = service(&db);
    let a = users.create(new_user("a@example.com")).await.unwrap();
    let b = users.create(new_user("b@example.com")).await.unwrap();
    let token = UpdateUser {
        api_token: Some(Some("shared".into())),
        ..UpdateUser::default()
    };
    users.update(&a.id, token.clone()).await.unwrap();
    // Setting one's own token again is fine; taking another user's is not.
    users.update(&a.id, token.clone()).await.unwrap();
    let err = users.update(&b.id, token).await.unwrap_err();
    assert_eq!(err.status(), 400);
}

async fn delete_is_soft_and_idempotent(db: DatabaseConnection) {
    let users = service(&db);
    let created = users.create(new_user("soft@example.com")).await.unwrap();
    users.delete(&created.id).await.unwrap();
    let row = user::Entity::find_by_id(created.id.as_str())
        .one(&db)
        .await
        .unwrap()
        .unwrap();
    let deleted_at = row.deleted_at.expect("soft-deleted");
    users.delete(&created.id).await.unwrap();
    users.delete("usr_missing").await.unwrap();
    let row = user::Entity::find_by_id(created.id.as_str())
        .one(&db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        row.deleted_at,
        Some(deleted_at),
        "a second delete changes nothing"
    );
}

async fn list(db: &DatabaseConnection, query: &str) -> (Vec<String>, u64, u64, u64) {
    let raw = medusa_query_dsl::parse(query).unwrap();
    let plan = medusa_query_dsl::plan(&USER_LIST, &raw, db.get_database_backend()).unwrap();
    let page = service(db).list(&plan).await.unwrap();
    assert_eq!(page.key, "users");
    (
        page.items.into_iter().map(|u| u.email).collect(),
        page.count,
        page.offset,
        page.limit,
    )
}

async fn list_filters_searches_orders_and_pages(db: DatabaseConnection) {
    let users = service(&db);
    let specs = [
        ("alice@example.com", Some("Alice"), UserRole::Admin),
        ("bob@example.com", Some("Bob"), UserRole::Member),
        ("carol@shop.io", Some("Carol"), UserRole::Developer),
        ("dave@shop.io", None, UserRole::Member),
    ];
    for (minute, (email, first_name, role)) in specs.into_iter().enumerate() {
        let created = users
            .create(CreateUser {
                first_name: first_name.map(str::to_owned),
                role: Some(role),
                ..new_user(email)
            })
            .await
            .unwrap();
        // Distinct creation times make the default order deterministic.
        let at = chrono::DateTime::parse_from_rfc3339(&format!("2024-01-07T10:0{minute}:00.000Z"))
            .unwrap();
        user::Entity::update_many()
            .col_expr(user::Column::CreatedAt, Expr::value(at))
            .filter(user::Column::Id.eq(created.id.as_str()))
            .exec(&db)
            .await
            .unwrap();
    }
    let dave = user_id_by_email(&db, "dave@shop.io").await;
    users.delete(&dave).await.unwrap();

    let all = vec![
        "carol@shop.io".to_owned(),
        "bob@example.com".into(),
        "alice@example.com".into(),
    ];
    assert_eq!(list(&db, "").await, (all.clone(), 3, 0, 50));
    assert_eq!(
        list(&db, "limit=2&offset=1").await,
        (all[1..].to_vec(), 3, 1, 2)
    );
    assert_eq!(
        list(&db, "order=email").await.0,
        vec!["alice@example.com", "bob@example.com", "carol@shop.io"]
    );
    assert_eq!(list(&db, "q=SHOP").await.0, vec!["carol@shop.io"]);
    assert_eq!(list(&db, "q=ali").await.0, vec!["alice@example.com"]);
    // `q` replaces the exact e-mail filter, as in Medusa.
    assert_eq!(
        list(&db, "q=bob&email=alice@example.com").await.0,
        vec!["bob@example.com"]
    );
    assert_eq!(
        list(&db, "email=bob@example.com").await.0,
        vec!["bob@example.com"]
    );
    assert_eq!(list(&db, "role=admin").await.0, vec!["alice@example.com"]);
    assert_eq!(list(&db, "role[]=admin&role[]=developer").await.1, 2);
    assert_eq!(
        list(&db, "created_at[gt]=2024-01-07T10:00:30Z").await.0,
        all[..2].to_vec()
    );
    // A deleted_at filter brings soft-deleted users back.
    assert_eq!(
        list(&db, "deleted_at[gt]=2000-01-01").await.0,
        vec!["dave@shop.io"]
    );
    let limit_zero = list(&db, "limit=0").await;
    assert_eq!(
        (limit_zero.0.len(), limit_zero.3),
        (3, 0),
        "limit=0 means no limit"
    );

    let raw = medusa_query_dsl::parse("role=owner").unwrap();
    let err = medusa_query_dsl::plan(&USER_LIST, &raw, db.get_database_backend()).unwrap_err();
    assert_eq!(Error::from(err).status(), 400);
}

async fn user_id_by_email(db: &DatabaseConnection, email: &str) -> String {
    let found = user::Entity::find()
        .filter(user::Column::Email.eq(email))
        .one(db)
        .await
        .unwrap();
    found.unwrap().id
}

async fn password_reset_round_trip(db: DatabaseConnection) {
    let users = service(&db);
    let created = users.create(new_user("reset@example.com")).await.unwrap();
    let reset = users
        .request_password_reset("Reset@Example.com")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (reset.user_id.as_str(), reset.email.as_str()),
        (created.id.as_str(), "reset@example.com")
    );

    let updated = users
        .reset_password(&reset.token, "new-password", None)
        .await
        .unwrap();
    assert_eq!(updated.id, created.id);
    assert!(verify_password("new-password", updated.password_hash.as_deref().unwrap()).is_valid());
    assert!(!verify_password("pw-123456", updated.password_hash.as_deref().unwrap()).is_valid());

    // The token was signed with the old hash: it cannot be used again.
    let err = users
        .reset_password(&reset.token, "again", None)
        .await
        .unwrap_err();
    assert_eq!(
        message(err),
        (401, "Invalid or expired password reset token".into())
    );

    // An explicit e-mail picks the user.
    let reset = users
        .request_password_reset("reset@example.com")
        .await
        .unwrap()
        .unwrap();
    users
        .reset_password(&reset.token, "third", Some("RESET@example.com"))
        .await
        .unwrap();

    assert_eq!(
        users
            .request_password_reset("nobody@example.com")
            .await
            .unwrap(),
        None
    );
    let passwordless = insert_user(&db, "nopass@example.com", None).await;
    assert_eq!(
        users
            .request_password_reset(&passwordless.email)
            .await
            .unwrap(),
        None
    );
}

async fn password_reset_rejections(db: DatabaseConnection) {
    let users = service(&db);
    let alice = users.create(new_user("alice@example.com")).await.unwrap();
    let bob = users.create(new_user("bob@example.com")).await.unwrap();
    let invalid = (400, "invalid token".to_owned());
    let expired = (401, "Invalid or expired password reset token".to_owned());

    let err = users
        .reset_password("garbage", "pw", None)
        .await
        .unwrap_err();
    assert_eq!(message(err), invalid);
    // Three parts that are not JSON: unreadable, even for a known address.
    let err = users
        .reset_password("test.test.test", "pw", Some(&alice.email))
        .await
        .unwrap_err();
    assert_eq!(message(err), invalid);
    let alices = users
        .request_password_reset(&alice.email)
        .await
        .unwrap()
        .unwrap()
        .token;
    let err = users
        .reset_password(&alices, "pw", Some("nobody@example.com"))
        .await
        .unwrap_err();
    assert_eq!(message(err), invalid);
    // Alice's token presented for Bob: Bob's hash does not verify it.
    let err = users
        .reset_password(&alices, "pw", Some(&bob.email))
        .await
        .unwrap_err();
    assert_eq!(message(err), expired);
    // Signed with Bob's hash but naming Alice.
    let bob_hash = bob.password_hash.clone().unwrap();
    let forged = issue_password_reset_token(&alice.id, &bob.email, &bob_hash).unwrap();
    let err = users.reset_password(&forged, "pw", None).await.unwrap_err();
    assert_eq!(message(err), expired);
    // Expired.
    let alice_hash = alice.password_hash.clone().unwrap();
    let claims = json!({"user_id": alice.id, "email": alice.email, "exp": chrono::Utc::now().timestamp() - 5});
    let old = jsonwebtoken::encode(
        &jsonwebtoken::Header::default(),
        &claims,
        &jsonwebtoken::EncodingKey::from_secret(alice_hash.as_bytes()),
    )
    .unwrap();
    let err = users.reset_password(&old, "pw", None).await.unwrap_err();
    assert_eq!(message(err), expired);
    // A deleted user's token no longer works.
    users.delete(&alice.id).await.unwrap();
    let err = users.reset_password(&alices, "pw", None).await.unwrap_err();
    assert_eq!(message(err), invalid);
    // None of that changed a password.
    let bob_now = user::Entity::find_by_id(bob.id.as_str())
        .one(&db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(bob_now.password_hash, Some(bob_hash));
}

/// As Medusa's user deletion does with the analytics flag on: the preferences go too.
async fn delete_removes_the_users_analytics_preferences(db: DatabaseConnection) {
    let users = service(&db);
    let configs = SeaAnalyticsConfigService::new(db.clone());
    let leaving = users.create(new_user("leaving@example.com")).await.unwrap();
    let staying = users.create(new_user("staying@example.com")).await.unwrap();
    let preferences = CreateAnalyticsConfig {
        opt_out: true,
        anonymize: false,
    };
    configs.create(&leaving.id, preferences).await.unwrap();
    configs.create(&staying.id, preferences).await.unwrap();
    users.delete(&leaving.id).await.unwrap();
    assert_eq!(
        configs.retrieve(&leaving.id).await.unwrap_err().status(),
        404
    );
    assert!(configs.retrieve(&staying.id).await.unwrap().opt_out);
}
