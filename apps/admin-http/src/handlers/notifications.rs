//! `/admin/notifications`: what the notification providers sent, and resending it.

use actix_web::HttpRequest;
use medusa_notification::{NotificationList, ResendNotification, NOTIFICATION_LIST};

use crate::handlers::{list_response, wrapped, Answer, Body, Id, State};

/// `GET /admin/notifications`
pub async fn list_notifications(state: State, req: HttpRequest) -> Answer {
    let raw = medusa_query_dsl::parse(req.query_string())?;
    let query = NotificationList::from_query(&raw, state.backend)?;
    let page = state.notifications.list(&query).await?;
    list_response(page, &query.plan)
}

/// `POST /admin/notifications/{id}/resend`: answers the original notification, in the list's
/// default fields, with its resends.
pub async fn resend_notification(state: State, id: Id, body: Body) -> Answer {
    let ResendNotification { to } = ResendNotification::from_body(body.0)?;
    let resent = state.notifications.resend(&id, to).await?;
    let selection =
        medusa_query_dsl::plan_retrieve(&NOTIFICATION_LIST, &medusa_query_dsl::parse("")?)?;
    let mut notification = serde_json::to_value(resent).map_err(|err| {
        medusa_core::Error::UnexpectedState(format!("response serialization failed: {err}"))
    })?;
    selection.shape(&mut notification);
    wrapped("notification", notification)
}
