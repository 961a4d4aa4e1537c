use std::time::Duration;

use medusa_auth::{SeaSessionRepository, SessionRepository, SessionState};
use medusa_entity::admin_session;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};

use medusa_test_support::on_both_backends;

const HOUR: Duration = Duration::from_secs(3600);

fn state(pairs: &[(&str, &str)]) -> SessionState {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

on_both_backends!(
    save_load_update_delete,
    expired_sessions_are_invisible_and_purged
);

async fn save_load_update_delete(db: DatabaseConnection) {
    let sessions = SeaSessionRepository::new(db.clone());
    let first = state(&[("user_id", "\"usr_1\"")]);
    let key = sessions.save(&first, HOUR).await.unwrap();
    assert_eq!(key.len(), 64);
    assert!(key.chars().all(|c| c.is_ascii_hexdigit()));
    assert_eq!(sessions.load(&key).await.unwrap(), Some(first.clone()));
    let row = admin_session::Entity::find()
        .one(&db)
        .await
        .unwrap()
        .unwrap();
    assert_ne!(row.id, key, "the key itself is not stored");
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&row.data).unwrap(),
        serde_json::json!({"user_id": "\"usr_1\""})
    );
    let lifetime = row.expires_at - row.created_at;
    assert!((lifetime.num_seconds() - 3600).abs() <= 1);

    let another = sessions.save(&SessionState::new(), HOUR).await.unwrap();
    assert_ne!(another, key);

    let second = state(&[("user_id", "\"usr_2\""), ("customer_id", "\"cus_1\"")]);
    assert_eq!(sessions.update(&key, &second, HOUR * 2).await.unwrap(), key);
    assert_eq!(sessions.load(&key).await.unwrap(), Some(second.clone()));
    sessions.update_ttl(&key, HOUR * 3).await.unwrap();
    assert_eq!(sessions.load(&key).await.unwrap(), Some(second.clone()));

    sessions.delete(&key).await.unwrap();
    assert_eq!(sessions.load(&key).await.unwrap(), None);
    sessions.delete(&key).await.unwrap();
    // Updating a session that is gone stores it anew, under a new key.
    let revived = sessions.update(&key, &second, HOUR).await.unwrap();
    assert_ne!(revived, key);
    assert_eq!(sessions.load(&revived).await.unwrap(), Some(second));
    assert_eq!(sessions.load("unknown").await.unwrap(), None);
}

async fn expired_sessions_are_invisible_and_purged(db: DatabaseConnection) {
    let sessions = SeaSessionRepository::new(db.clone());
    let live = sessions
        .save(&state(&[("user_id", "\"a\"")]), HOUR)
        .await
        .unwrap();
    let stale = sessions
        .save(&state(&[("user_id", "\"usr_stale\"")]), HOUR)
        .await
        .unwrap();
    let past = medusa_core::time::now() - chrono::TimeDelta::seconds(1);
    admin_session::Entity::update_many()
        .col_expr(admin_session::Column::ExpiresAt, Expr::value(past))
        .filter(admin_session::Column::Data.contains("usr_stale"))
        .exec(&db)
        .await
        .unwrap();
    assert_eq!(sessions.load(&stale).await.unwrap(), None);
    // An expired session cannot be extended back to life, only replaced.
    sessions.update_ttl(&stale, HOUR).await.unwrap();
    assert_eq!(sessions.load(&stale).await.unwrap(), None);
    assert_ne!(
        sessions.update(&stale, &state(&[]), HOUR).await.unwrap(),
        stale
    );

    assert_eq!(sessions.purge_expired().await.unwrap(), 1);
    assert_eq!(sessions.purge_expired().await.unwrap(), 0);
    assert!(sessions.load(&live).await.unwrap().is_some());
    assert_eq!(admin_session::Entity::find().count(&db).await.unwrap(), 2);
}
