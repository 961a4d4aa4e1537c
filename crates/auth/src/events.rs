//! The events users and invites record, as Medusa names them. Two carry a token: a
//! credential that goes to the subscribers, never to the log.

medusa_events::events! {
    UserCreated = "user.created" { id: String }
    UserUpdated = "user.updated" { id: String }
    UserDeleted = "user.deleted" { id: String }
    /// A password reset was requested; `token` lets the user set a new password.
    UserPasswordReset = "user.password_reset" { email: String, token: String }
    /// An invite was created or resent; `token` accepts it.
    InviteCreated = "invite.created" { id: String, token: String, user_email: String }
}
