use chrono::TimeDelta;
use medusa_auth::token::{issue_invite_token, verify_invite_token};
use medusa_auth::{
    AcceptUser, CreateUser, Email, InviteService, JwtKeys, LoginService, LoginThrottle,
    SeaInviteService, SeaLoginService, SeaUserService, ThrottlePolicy, UserRole, UserService,
};
use medusa_core::Error;
use medusa_entity::{invite, user};
use medusa_test_support::on_both_backends;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
};
use std::sync::Arc;

use crate::support::{is_sqlite, POLICY};

fn keys() -> JwtKeys {
    JwtKeys::new("test-secret")
}

fn service(db: &DatabaseConnection) -> SeaInviteService {
    SeaInviteService::new(db.clone(), keys(), POLICY)
}

fn email(address: &str) -> Email {
    Email::parse(address).unwrap()
}

/// A new invite of `address` with `role`, created through the service.
async fn invite(invites: &SeaInviteService, address: &str, role: UserRole) -> invite::Model {
    invites.create(email(address), role).await.unwrap()
}

fn joiner(password: &str) -> AcceptUser {
    AcceptUser {
        first_name: Some("Grace".into()),
        last_name: Some("Hopper".into()),
        password: password.into(),
    }
}

fn message(err: Error) -> (u16, String) {
    (err.status(), err.to_string())
}

/// Moves the invite's expiry `ago` into the past.
async fn expire(db: &DatabaseConnection, id: &str, ago: TimeDelta) {
    let past = medusa_core::time::now() - ago;
    invite::Entity::update_many()
        .col_expr(invite::Column::ExpiresAt, Expr::value(past))
        .filter(invite::Column::Id.eq(id))
        .exec(db)
        .await
        .unwrap();
}

async fn user_count(db: &DatabaseConnection) -> u64 {
    user::Entity::find().count(db).await.unwrap()
}

on_both_backends!(
    create_issues_a_token_and_lists,
    create_again_renews_and_changes_role,
    create_refuses_existing_users,
    resend_renews_and_unknown_is_an_error,
    delete_is_hard_and_idempotent,
    accept_creates_the_user_and_removes_the_invite,
    an_earlier_token_joins_with_the_invites_current_role,
    accept_rejections,
    accept_is_all_or_nothing,
    concurrent_accepts_create_one_user,
);

async fn create_issues_a_token_and_lists(db: DatabaseConnection) {
    let invites = service(&db);
    let before = medusa_core::time::now();
    let created = invite(&invites, "New@Example.com", UserRole::Developer).await;
    assert!(created.id.starts_with("invite_"), "{}", created.id);
    assert_eq!(created.user_email, "new@example.com");
    assert_eq!(created.role, Some(UserRole::Developer.into()));
    assert!(!created.accepted);
    let claims = verify_invite_token(&keys(), &created.token).unwrap();
    assert_eq!(
        (
            claims.invite_id.as_str(),
            claims.role.as_deref(),
            claims.user_email.as_str()
        ),
        (created.id.as_str(), Some("developer"), "new@example.com")
    );
    let valid_for = created.expires_at - before;
    assert!(
        valid_for >= TimeDelta::days(7) && valid_for < TimeDelta::days(7) + TimeDelta::minutes(1)
    );
    assert_eq!(invites.list().await.unwrap(), vec![created]);
}

async fn create_again_renews_and_changes_role(db: DatabaseConnection) {
    let invites = service(&db);
    let first = invite(&invites, "again@example.com", UserRole::Member).await;
    let second = invite(&invites, "again@example.com", UserRole::Admin).await;
    assert_eq!(second.id, first.id);
    assert_eq!(second.role, Some(UserRole::Admin.into()));
    assert_ne!(second.token, first.token);
    assert_eq!(
        verify_invite_token(&keys(), &second.token)
            .unwrap()
            .role
            .as_deref(),
        Some("admin")
    );
    assert_eq!(invites.list().await.unwrap().len(), 1);
}

async fn create_refuses_existing_users(db: DatabaseConnection) {
    let users = SeaUserService::new(db.clone(), POLICY);
    users
        .create(CreateUser {
            email: email("member@example.com"),
            password: "pw".into(),
            first_name: None,
            last_name: None,
            role: None,
        })
        .await
        .unwrap();
    let err = service(&db)
        .create(email("member@example.com"), UserRole::Admin)
        .await
        .unwrap_err();
    assert_eq!(
        message(err),
        (400, "Can't invite a user with an existing account".into())
    );
}

async fn resend_renews_and_unknown_is_an_error(db: DatabaseConnection) {
    let invites = service(&db);
    let created = invite(&invites, "resend@example.com", UserRole::Member).await;
    expire(&db, &created.id, TimeDelta::days(1)).await;
    let resent = invites.resend(&created.id).await.unwrap();
    assert_eq!(resent.id, created.id);
    assert!(resent.expires_at > medusa_core::time::now() + TimeDelta::days(6));
    assert_eq!(
        verify_invite_token(&keys(), &resent.token)
            .unwrap()
            .invite_id,
        created.id
    );
    let err = invites.resend("invite_missing").await.unwrap_err();
    assert_eq!(message(err), (400, "Invite doesn't exist".into()));
}

async fn delete_is_hard_and_idempotent(db: DatabaseConnection) {
    let invites = service(&db);
    let created = invite(&invites, "bye@example.com", UserRole::Member).await;
    invites.delete(&created.id).await.unwrap();
    assert_eq!(invite::Entity::find().count(&db).await.unwrap(), 0);
    invites.delete(&created.id).await.unwrap();
}

async fn accept_creates_the_user_and_removes_the_invite(db: DatabaseConnection) {
    let invites = service(&db);
    let created = invite(&invites, "joiner@example.com", UserRole::Developer).await;
    let user = invites
        .accept(&created.token, joiner("joiner-pw"))
        .await
        .unwrap();
    assert!(user.id.starts_with("usr_"));
    assert_eq!(user.email, "joiner@example.com");
    assert_eq!(user.role, Some(UserRole::Developer.into()));
    assert_eq!(
        (user.first_name.as_deref(), user.last_name.as_deref()),
        (Some("Grace"), Some("Hopper"))
    );
    assert!(invites.list().await.unwrap().is_empty());

    let login = SeaLoginService::new(
        db.clone(),
        POLICY,
        Arc::new(LoginThrottle::new(ThrottlePolicy::default())),
    );
    assert_eq!(
        login
            .login("joiner@example.com", "joiner-pw", None)
            .await
            .unwrap()
            .id,
        user.id
    );

    // The invite is gone, so its token is spent.
    let err = invites
        .accept(&created.token, joiner("again"))
        .await
        .unwrap_err();
    assert_eq!(message(err), (400, "Invalid invite".into()));
}

/// Medusa accepts any token signed for the invite while it lasts, also one sent before the
/// invite was renewed with another role; the user gets the invite's role, not the token's.
async fn an_earlier_token_joins_with_the_invites_current_role(db: DatabaseConnection) {
    let invites = service(&db);
    let first = invite(&invites, "renewed@example.com", UserRole::Member).await;
    let renewed = invite(&invites, "renewed@example.com", UserRole::Admin).await;
    assert_eq!(renewed.id, first.id);
    // Signed for the invite, but not the token it holds now.
    let earlier = issue_invite_token(&keys(), &first.id, "member", "renewed@example.com").unwrap();
    assert_ne!(earlier, renewed.token);
    let user = invites.accept(&earlier, joiner("pw")).await.unwrap();
    assert_eq!(user.role, Some(UserRole::Admin.into()));
}

async fn accept_rejections(db: DatabaseConnection) {
    let invites = service(&db);
    let token_not_valid = (400, "Token is not valid".to_owned());
    let invalid_invite = (400, "Invalid invite".to_owned());

    let err = invites.accept("garbage", joiner("pw")).await.unwrap_err();
    assert_eq!(message(err), token_not_valid);
    let created = invite(&invites, "x@example.com", UserRole::Member).await;
    let foreign = issue_invite_token(
        &JwtKeys::new("other"),
        &created.id,
        "member",
        "x@example.com",
    )
    .unwrap();
    let err = invites.accept(&foreign, joiner("pw")).await.unwrap_err();
    assert_eq!(message(err), token_not_valid);

    // Signed correctly but naming another address.
    let other_email = issue_invite_token(&keys(), &created.id, "member", "y@example.com").unwrap();
    assert_eq!(
        message(
            invites
                .accept(&other_email, joiner("pw"))
                .await
                .unwrap_err()
        ),
        invalid_invite
    );

    // Expired.
    expire(&db, &created.id, TimeDelta::seconds(1)).await;
    assert_eq!(
        message(
            invites
                .accept(&created.token, joiner("pw"))
                .await
                .unwrap_err()
        ),
        invalid_invite
    );

    // The address joined meanwhile by another way.
    let fresh = invites.resend(&created.id).await.unwrap();
    crate::support::insert_user(&db, "x@example.com", None).await;
    let err = invites
        .accept(&fresh.token, joiner("pw"))
        .await
        .unwrap_err();
    assert_eq!(message(err), (400, "User already joined".into()));
    assert_eq!(
        invites.list().await.unwrap().len(),
        1,
        "a failed accept keeps the invite"
    );

    let fresh = invite(&invites, "z@example.com", UserRole::Member).await;
    let err = invites.accept(&fresh.token, joiner("")).await.unwrap_err();
    assert_eq!(message(err), (400, "password should not be empty".into()));
}

/// If deleting the invite fails after the user was inserted, neither change stays.
async fn accept_is_all_or_nothing(db: DatabaseConnection) {
    let invites = service(&db);
    let created = invite(&invites, "atomic@example.com", UserRole::Member).await;
    let refuse_deletes = if is_sqlite(&db) {
        "CREATE TRIGGER refuse_invite_delete BEFORE DELETE ON invite BEGIN SELECT RAISE(ABORT, 'refused'); END;"
    } else {
        "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$;
         CREATE TRIGGER refuse_invite_delete BEFORE DELETE ON invite FOR EACH ROW EXECUTE FUNCTION refuse();"
    };
    db.execute_unprepared(refuse_deletes).await.unwrap();
    let err = invites
        .accept(&created.token, joiner("pw"))
        .await
        .unwrap_err();
    assert_eq!(err.status(), 500, "{err}");
    assert_eq!(user_count(&db).await, 0, "the user insert was rolled back");
    assert_eq!(invites.list().await.unwrap().len(), 1);
}

async fn concurrent_accepts_create_one_user(db: DatabaseConnection) {
    let invites = service(&db);
    let created = invite(&invites, "race@example.com", UserRole::Member).await;
    let attempts = (0..4).map(|i| {
        let invites = invites.clone();
        let token = created.token.clone();
        tokio::spawn(async move { invites.accept(&token, joiner(&format!("pw-{i}"))).await })
    });
    let mut succeeded = 0;
    for attempt in attempts.collect::<Vec<_>>() {
        match attempt.await.unwrap() {
            Ok(_) => succeeded += 1,
            Err(err) => assert!(
                matches!(err.status(), 400 | 409),
                "a losing accept is a client error, not {}: {err}",
                err.status()
            ),
        }
    }
    assert_eq!(succeeded, 1);
    assert_eq!(user_count(&db).await, 1);
    assert!(invites.list().await.unwrap().is_empty());
}
