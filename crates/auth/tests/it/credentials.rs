use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use medusa_auth::token::issue_admin_token;
use medusa_auth::{
    ApiKeyService, AuthMethod, AuthUser, Authenticator, Credential, JwtKeys, SeaApiKeyService,
    SeaAuthenticator, SeaUserService, UpdateUser, UserService,
};
use medusa_entity::secret_api_key;
use medusa_test_support::on_both_backends;
use sea_orm::{DatabaseConnection, EntityTrait};

use crate::support::{bcrypt, insert_user, POLICY};

fn keys() -> JwtKeys {
    JwtKeys::new("test-secret")
}

async fn check(auth: &SeaAuthenticator, credential: Credential<'_>) -> Option<AuthUser> {
    auth.authenticate(credential).await.unwrap()
}

fn as_user(user_id: &str, method: AuthMethod) -> Option<AuthUser> {
    Some(AuthUser {
        user_id: user_id.to_owned(),
        method,
    })
}

on_both_backends!(session_users, bearer_tokens, access_tokens, secret_api_keys);

async fn session_users(db: DatabaseConnection) {
    let auth = SeaAuthenticator::new(db.clone(), keys());
    let user = insert_user(&db, "s@example.com", bcrypt("pw")).await;
    assert_eq!(
        check(&auth, Credential::SessionUser(&user.id)).await,
        as_user(&user.id, AuthMethod::Session)
    );
    assert_eq!(
        check(&auth, Credential::SessionUser("usr_missing")).await,
        None
    );
    SeaUserService::new(db.clone(), POLICY)
        .delete(&user.id)
        .await
        .unwrap();
    assert_eq!(check(&auth, Credential::SessionUser(&user.id)).await, None);
}

async fn bearer_tokens(db: DatabaseConnection) {
    let auth = SeaAuthenticator::new(db.clone(), keys());
    let users = SeaUserService::new(db.clone(), POLICY);
    let user = insert_user(&db, "b@example.com", bcrypt("pw")).await;
    let jwt = issue_admin_token(&keys(), &user.id).unwrap();
    assert_eq!(
        check(&auth, Credential::Bearer(&jwt)).await,
        as_user(&user.id, AuthMethod::Jwt)
    );
    let foreign = issue_admin_token(&JwtKeys::new("other"), &user.id).unwrap();
    assert_eq!(check(&auth, Credential::Bearer(&foreign)).await, None);

    // Medusa 1.4's `Bearer <api_token>`.
    let token = UpdateUser {
        api_token: Some(Some("legacy-token".into())),
        ..UpdateUser::default()
    };
    users.update(&user.id, token).await.unwrap();
    assert_eq!(
        check(&auth, Credential::Bearer("legacy-token")).await,
        as_user(&user.id, AuthMethod::ApiToken)
    );
    assert_eq!(check(&auth, Credential::Bearer("not-a-token")).await, None);
    assert_eq!(check(&auth, Credential::Bearer("")).await, None);

    // A deleted user's unexpired JWT is refused (Medusa would still accept it).
    users.delete(&user.id).await.unwrap();
    assert_eq!(check(&auth, Credential::Bearer(&jwt)).await, None);
    assert_eq!(check(&auth, Credential::Bearer("legacy-token")).await, None);
}

async fn access_tokens(db: DatabaseConnection) {
    let auth = SeaAuthenticator::new(db.clone(), keys());
    let users = SeaUserService::new(db.clone(), POLICY);
    let user = insert_user(&db, "t@example.com", bcrypt("pw")).await;
    insert_user(&db, "no-token@example.com", bcrypt("pw")).await;
    assert_eq!(
        check(&auth, Credential::AccessToken("")).await,
        None,
        "users without a token do not match ''"
    );
    let token = UpdateUser {
        api_token: Some(Some("ref_admin_api_token".into())),
        ..UpdateUser::default()
    };
    users.update(&user.id, token).await.unwrap();
    assert_eq!(
        check(&auth, Credential::AccessToken("ref_admin_api_token")).await,
        as_user(&user.id, AuthMethod::ApiToken)
    );
    assert_eq!(
        check(&auth, Credential::AccessToken("REF_ADMIN_API_TOKEN")).await,
        None,
        "exact match"
    );
    let jwt = issue_admin_token(&keys(), &user.id).unwrap();
    assert_eq!(
        check(&auth, Credential::AccessToken(&jwt)).await,
        None,
        "not a JWT header"
    );
    users.delete(&user.id).await.unwrap();
    assert_eq!(
        check(&auth, Credential::AccessToken("ref_admin_api_token")).await,
        None
    );
}

async fn secret_api_keys(db: DatabaseConnection) {
    let auth = SeaAuthenticator::new(db.clone(), keys());
    let api_keys = SeaApiKeyService::new(db.clone());
    let user = insert_user(&db, "k@example.com", bcrypt("pw")).await;
    let created = api_keys.create("CI", &user.id).await.unwrap();
    let expected = as_user(
        &user.id,
        AuthMethod::SecretApiKey {
            key_id: created.key.id.clone(),
        },
    );
    assert_eq!(created.key.last_used_at, None);

    assert_eq!(
        check(&auth, Credential::Basic(&created.token)).await,
        expected
    );
    let encoded = STANDARD.encode(format!("{}:", created.token));
    assert_eq!(check(&auth, Credential::Basic(&encoded)).await, expected);
    let used = secret_api_key::Entity::find_by_id(created.key.id.as_str())
        .one(&db)
        .await
        .unwrap()
        .unwrap();
    assert!(used.last_used_at.is_some(), "use is recorded");

    assert_eq!(check(&auth, Credential::Basic("sk_0000")).await, None);
    assert_eq!(
        check(&auth, Credential::Basic(&STANDARD.encode(":"))).await,
        None
    );
    assert_eq!(
        check(&auth, Credential::Bearer(&created.token)).await,
        None,
        "not a bearer token"
    );

    api_keys.revoke(&created.key.id, &user.id).await.unwrap();
    assert_eq!(
        check(&auth, Credential::Basic(&created.token)).await,
        None,
        "revoked"
    );

    let second = api_keys.create("CI 2", &user.id).await.unwrap();
    SeaUserService::new(db.clone(), POLICY)
        .delete(&user.id)
        .await
        .unwrap();
    assert_eq!(
        check(&auth, Credential::Basic(&second.token)).await,
        None,
        "its creator is gone"
    );
}
