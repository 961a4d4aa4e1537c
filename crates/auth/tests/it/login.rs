use std::sync::Arc;
use std::time::Duration;

use medusa_auth::password::verify_password;
use medusa_auth::{
    LoginService, LoginThrottle, SeaLoginService, SeaUserService, ThrottleLimit, ThrottlePolicy,
    UserService,
};
use medusa_entity::user;
use medusa_test_support::on_both_backends;
use sea_orm::{DatabaseConnection, EntityTrait};

use crate::support::{bcrypt, insert_user, MEDUSA_SUPERSECRET, POLICY};

fn service(db: &DatabaseConnection, policy: ThrottlePolicy) -> SeaLoginService {
    SeaLoginService::new(db.clone(), POLICY, Arc::new(LoginThrottle::new(policy)))
}

fn lenient() -> ThrottlePolicy {
    let limit = ThrottleLimit {
        max_failures: 100,
        window: Duration::from_secs(60),
    };
    ThrottlePolicy {
        per_email: limit,
        per_client: limit,
    }
}

fn unauthorized(result: medusa_core::Result<user::Model>) {
    let err = result.unwrap_err();
    assert_eq!(
        (err.status(), err.to_string()),
        (401, "Unauthorized".to_owned())
    );
}

on_both_backends!(
    logs_in_with_a_bcrypt_password,
    failures_look_the_same,
    medusa_scrypt_hash_is_upgraded_on_login,
    repeated_failures_are_throttled,
);

async fn logs_in_with_a_bcrypt_password(db: DatabaseConnection) {
    let created = insert_user(&db, "admin@example.com", bcrypt("secret")).await;
    let login = service(&db, lenient());
    assert_eq!(
        login
            .login("admin@example.com", "secret", None)
            .await
            .unwrap(),
        created
    );
    // E-mails are matched case-insensitively.
    assert_eq!(
        login
            .login("Admin@Example.COM", "secret", Some("10.0.0.1"))
            .await
            .unwrap()
            .id,
        created.id
    );
}

async fn failures_look_the_same(db: DatabaseConnection) {
    let created = insert_user(&db, "admin@example.com", bcrypt("secret")).await;
    insert_user(&db, "nopass@example.com", None).await;
    let login = service(&db, lenient());
    unauthorized(login.login("admin@example.com", "wrong", None).await);
    unauthorized(login.login("nobody@example.com", "secret", None).await);
    unauthorized(login.login("nopass@example.com", "", None).await);
    SeaUserService::new(db.clone(), POLICY)
        .delete(&created.id)
        .await
        .unwrap();
    unauthorized(login.login("admin@example.com", "secret", None).await);
}

async fn medusa_scrypt_hash_is_upgraded_on_login(db: DatabaseConnection) {
    let created = insert_user(
        &db,
        "admin@medusa-test.com",
        Some(MEDUSA_SUPERSECRET.into()),
    )
    .await;
    let login = service(&db, lenient());
    unauthorized(login.login("admin@medusa-test.com", "wrong", None).await);
    let stored = user::Entity::find_by_id(created.id.as_str())
        .one(&db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        stored.password_hash.as_deref(),
        Some(MEDUSA_SUPERSECRET),
        "a failure changes nothing"
    );

    let logged_in = login
        .login("admin@medusa-test.com", "supersecret", None)
        .await
        .unwrap();
    let stored = user::Entity::find_by_id(created.id.as_str())
        .one(&db)
        .await
        .unwrap()
        .unwrap();
    let new_hash = stored.password_hash.clone().unwrap();
    assert!(new_hash.starts_with("$2b$04$"), "{new_hash}");
    assert_eq!(logged_in.password_hash.as_deref(), Some(new_hash.as_str()));
    assert!(verify_password("supersecret", &new_hash).is_valid());
    assert_eq!(
        stored.updated_at, created.updated_at,
        "rehashing is not a visible change"
    );

    // And the next login uses the bcrypt hash.
    login
        .login("admin@medusa-test.com", "supersecret", None)
        .await
        .unwrap();
    let again = user::Entity::find_by_id(created.id.as_str())
        .one(&db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(again.password_hash, Some(new_hash));
}

async fn repeated_failures_are_throttled(db: DatabaseConnection) {
    insert_user(&db, "admin@example.com", bcrypt("secret")).await;
    insert_user(&db, "other@example.com", bcrypt("secret")).await;
    let window = Duration::from_secs(600);
    let login = service(
        &db,
        ThrottlePolicy {
            per_email: ThrottleLimit {
                max_failures: 3,
                window,
            },
            per_client: ThrottleLimit {
                max_failures: 5,
                window,
            },
        },
    );
    for _ in 0..3 {
        unauthorized(
            login
                .login("ADMIN@example.com", "wrong", Some("10.0.0.1"))
                .await,
        );
    }
    // From the failing address even the right password is refused now, with a hint when
    // to retry; from another address the owner still logs in (no lock anyone can turn).
    login
        .login("admin@example.com", "secret", Some("10.0.0.2"))
        .await
        .unwrap();
    let err = login
        .login("admin@example.com", "secret", Some("10.0.0.1"))
        .await
        .unwrap_err();
    assert_eq!(err.status(), 429);
    assert!((590..=600).contains(&err.retry_after().unwrap()));
    let text = err.to_string();
    assert!(
        text.starts_with("Too many failed login attempts. Try again in "),
        "{text}"
    );
    let seconds: u64 = text.split_whitespace().nth(8).unwrap().parse().unwrap();
    assert!((590..=600).contains(&seconds), "{text}");

    // Another account from the same address still works, until the address is throttled too.
    login
        .login("other@example.com", "secret", Some("10.0.0.1"))
        .await
        .unwrap();
    unauthorized(
        login
            .login("other@example.com", "wrong", Some("10.0.0.1"))
            .await,
    );
    unauthorized(
        login
            .login("other@example.com", "wrong", Some("10.0.0.1"))
            .await,
    );
    let err = login
        .login("other@example.com", "secret", Some("10.0.0.1"))
        .await
        .unwrap_err();
    assert_eq!(err.status(), 429);
    login
        .login("other@example.com", "secret", Some("10.0.0.3"))
        .await
        .unwrap();
}
