//! This server's own tables, exercised through their entities on either backend.

use chrono::Duration;
use medusa_entity::{admin_session, secret_api_key};
use sea_orm::{ActiveModelTrait, DatabaseConnection, EntityTrait, IntoActiveModel, NotSet, Set};

/// Writes and reads back an `admin_session` and a `secret_api_key`, checks the column
/// defaults produce readable timestamps and that `token_hash` is unique.
pub async fn round_trip_admin_entities(db: &DatabaseConnection) {
    let now = medusa_core::time::now();
    let session = admin_session::Model {
        id: "sess_1".into(),
        data: r#"{"user_id":"usr_1"}"#.into(),
        expires_at: now + Duration::days(1),
        created_at: now,
        updated_at: now,
    };
    let inserted = session
        .clone()
        .into_active_model()
        .insert(db)
        .await
        .unwrap();
    assert_eq!(inserted, session);
    let read = admin_session::Entity::find_by_id("sess_1")
        .one(db)
        .await
        .unwrap();
    assert_eq!(read, Some(session));

    let key = secret_api_key::Model {
        id: "sk_1".into(),
        title: "CI".into(),
        token_hash: "3f2a".repeat(16),
        redacted: "sk_1a2***f9e".into(),
        key_type: "secret".into(),
        created_by: "usr_1".into(),
        revoked_by: Some("usr_2".into()),
        revoked_at: Some(now),
        last_used_at: None,
        created_at: now,
        updated_at: now,
    };
    key.clone().into_active_model().insert(db).await.unwrap();
    let read = secret_api_key::Entity::find_by_id("sk_1")
        .one(db)
        .await
        .unwrap();
    assert_eq!(read, Some(key.clone()));

    let mut duplicate = key.into_active_model();
    duplicate.id = Set("sk_2".into());
    assert!(
        duplicate.insert(db).await.is_err(),
        "token_hash must be unique"
    );

    // Timestamps left to the column defaults come back as the current instant.
    let before = medusa_core::time::now() - Duration::seconds(1);
    let defaulted = admin_session::ActiveModel {
        id: Set("sess_2".into()),
        data: Set("{}".into()),
        expires_at: Set(now),
        created_at: NotSet,
        updated_at: NotSet,
    }
    .insert(db)
    .await
    .unwrap();
    let after = medusa_core::time::now() + Duration::seconds(1);
    assert!(before < defaulted.created_at && defaulted.created_at < after);
    assert!(before < defaulted.updated_at && defaulted.updated_at < after);

    let defaulted_key = secret_api_key::ActiveModel {
        id: Set("sk_3".into()),
        title: Set("default type".into()),
        token_hash: Set("other".into()),
        redacted: Set("sk_3***".into()),
        created_by: Set("usr_1".into()),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap();
    assert_eq!(defaulted_key.key_type, "secret");
    assert!(before < defaulted_key.created_at && defaulted_key.created_at < after);
}
