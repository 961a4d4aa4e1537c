//! `/admin/invites`: inviting admins, and the public acceptance route.

use medusa_auth::{AcceptInvite, CreateInvite};

use crate::handlers::{deleted, plain_ok, wrapped, Answer, Body, Id, State};

/// `GET /admin/invites`
pub async fn list_invites(state: State) -> Answer {
    wrapped("invites", state.invites.list().await?)
}

/// `POST /admin/invites`
pub async fn create_invite(state: State, body: Body) -> Answer {
    let CreateInvite { email, role } = CreateInvite::from_body(body.0)?;
    state.invites.create(email, role).await?;
    Ok(plain_ok())
}

/// `DELETE /admin/invites/{invite_id}`
pub async fn delete_invite(state: State, id: Id) -> Answer {
    state.invites.delete(&id).await?;
    Ok(deleted(&id, "invite"))
}

/// `POST /admin/invites/{invite_id}/resend`
pub async fn resend_invite(state: State, id: Id) -> Answer {
    state.invites.resend(&id).await?;
    Ok(plain_ok())
}

/// `POST /admin/invites/accept`
pub async fn accept_invite(state: State, body: Body) -> Answer {
    let AcceptInvite { token, user } = AcceptInvite::from_body(body.0)?;
    state.invites.accept(&token, user).await?;
    Ok(plain_ok())
}
