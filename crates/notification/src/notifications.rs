//! Notifications: what providers sent, listed for the admin, and resent on request.

use medusa_core::new_row::stamped;
use std::sync::Arc;

use async_trait::async_trait;
use medusa_core::{generate_id, Error, ListPage, Result};
use medusa_entity::notification;
use medusa_load::{children, Reader};
use medusa_query_dsl::{
    passthrough_text, FieldKind, FilterSpec, ListPlan, Pagination, QueryError, RawQuery,
    RelationSpec, ResourceSpec,
};
use sea_orm::{
    ColumnTrait, DatabaseConnection, DbBackend, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Set,
};
use serde::Serialize;

use crate::provider::NotificationProvider;

/// A filter Medusa reads as one string split on commas (`event_name=a,b` is `IN (a, b)`).
const fn comma_list(param: &'static str) -> FilterSpec {
    let mut spec = FilterSpec::value(param, FieldKind::Text).list();
    // The list form alone: no bare-value equality.
    spec.forms.value = false;
    spec
}

const NOTIFICATION_FIELDS: &[&str] = &[
    "id",
    "event_name",
    "resource_type",
    "resource_id",
    "customer_id",
    "to",
    "data",
    "parent_id",
    "provider_id",
    "created_at",
    "updated_at",
];

/// `GET /admin/notifications`: Medusa's `AdminGetNotificationsParams`. Newest first, 50 a
/// page; `expand` and `include_resends` are read by [`NotificationList::from_query`].
pub static NOTIFICATION_LIST: ResourceSpec = ResourceSpec {
    pagination: Some(Pagination {
        default_limit: 50,
        max_limit: None,
    }),
    default_order: &[("created_at", sea_orm::Order::Desc)],
    filters: &[
        comma_list("event_name"),
        comma_list("resource_type"),
        comma_list("resource_id"),
        comma_list("to"),
    ],
    relations: &[RelationSpec::new("resends")],
    default_relations: &["resends"],
    selectable: NOTIFICATION_FIELDS,
    default_fields: &[
        "id",
        "resource_type",
        "resource_id",
        "event_name",
        "to",
        "provider_id",
        "created_at",
        "updated_at",
    ],
    passthrough: &["expand", "include_resends"],
    ..ResourceSpec::new("notifications", "notification")
};

/// A list request: the plan plus Medusa's two hand-read parameters.
#[derive(Debug, Clone)]
pub struct NotificationList {
    pub plan: ListPlan,
    /// Whether resends are listed beside the notifications they resend.
    pub include_resends: bool,
    /// Whether each notification carries its `resends`.
    pub load_resends: bool,
}

impl NotificationList {
    /// Reads a list query. `include_resends` must be a boolean string; as in Medusa only its
    /// absence or `false` hides resends (so `0` shows them). `expand` is a comma list whose
    /// only relation is `resends`; an empty `expand` means the default, as in Medusa.
    pub fn from_query(raw: &RawQuery, backend: DbBackend) -> Result<Self> {
        let plan = medusa_query_dsl::plan(&NOTIFICATION_LIST, raw, backend)?;
        let include_resends = match passthrough_text(raw, "include_resends")? {
            None | Some("false") => false,
            Some("true" | "1" | "0") => true,
            Some(_) => {
                return Err(Error::invalid_data(
                    "include_resends must be a boolean string",
                ))
            }
        };
        let load_resends = match passthrough_text(raw, "expand")? {
            None | Some("") => true,
            Some(expand) => {
                let relations: Vec<&str> = expand.split(',').collect();
                let unknown: Vec<String> = relations
                    .iter()
                    .filter(|relation| **relation != "resends")
                    .map(|relation| (*relation).to_owned())
                    .collect();
                if !unknown.is_empty() {
                    return Err(QueryError::InvalidFields(unknown).into());
                }
                relations.contains(&"resends")
            }
        };
        Ok(Self {
            plan,
            include_resends,
            load_resends,
        })
    }
}

/// A notification with its `resends` (absent when not loaded).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NotificationView {
    #[serde(flatten)]
    pub notification: notification::Model,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resends: Option<Vec<notification::Model>>,
}

#[async_trait]
pub trait NotificationService: Send + Sync {
    async fn list(&self, query: &NotificationList) -> Result<ListPage<NotificationView>>;
    /// Asks the notification's provider to send it again (to `to` when given), stores the
    /// resend with `parent_id` = `id`, and answers the original with its resends.
    async fn resend(&self, id: &str, to: Option<String>) -> Result<NotificationView>;
}

pub struct SeaNotificationService {
    db: DatabaseConnection,
    providers: Vec<Arc<dyn NotificationProvider>>,
}

impl SeaNotificationService {
    pub fn new(db: DatabaseConnection, providers: Vec<Arc<dyn NotificationProvider>>) -> Self {
        Self { db, providers }
    }

    /// The resends of `notifications`, in one query, oldest first.
    async fn with_resends(
        &self,
        notifications: Vec<notification::Model>,
    ) -> Result<Vec<NotificationView>> {
        let ids: Vec<String> = notifications.iter().map(|n| n.id.clone()).collect();
        let mut reader = Reader::new(&self.db).await?;
        let select = notification::Entity::find()
            .order_by_asc(notification::Column::CreatedAt)
            .order_by_asc(notification::Column::Id);
        let mut resends =
            children(&mut reader, select, notification::Column::ParentId, &ids).await?;
        Ok(notifications
            .into_iter()
            .enumerate()
            .map(|(index, notification)| NotificationView {
                resends: Some(resends.take(index)),
                notification,
            })
            .collect())
    }

    fn provider(&self, id: Option<&str>) -> Result<&Arc<dyn NotificationProvider>> {
        self.providers
            .iter()
            .find(|provider| Some(provider.id()) == id)
            .ok_or_else(|| {
                Error::not_found(format!(
                    "Could not find a notification provider with id: {}.",
                    id.unwrap_or("null")
                ))
            })
    }
}

fn notification_not_found(id: &str) -> Error {
    Error::not_found(format!("Notification with id: {id} was not found."))
}

#[async_trait]
impl NotificationService for SeaNotificationService {
    async fn list(&self, query: &NotificationList) -> Result<ListPage<NotificationView>> {
        let find = || {
            let find = notification::Entity::find();
            if query.include_resends {
                find
            } else {
                find.filter(notification::Column::ParentId.is_null())
            }
        };
        let count = query.plan.apply_count(find()).count(&self.db).await?;
        let rows = query.plan.apply(find()).all(&self.db).await?;
        let items = if query.load_resends {
            self.with_resends(rows).await?
        } else {
            rows.into_iter()
                .map(|notification| NotificationView {
                    notification,
                    resends: None,
                })
                .collect()
        };
        Ok(ListPage {
            key: "notifications",
            items,
            count,
            offset: query.plan.offset,
            limit: query.plan.limit_echo,
        })
    }

    async fn resend(&self, id: &str, to: Option<String>) -> Result<NotificationView> {
        let original = notification::Entity::find_by_id(id)
            .one(&self.db)
            .await?
            .ok_or_else(|| notification_not_found(id))?;
        let provider = self.provider(original.provider_id.as_deref())?;
        let sent = provider.resend(&original, to).await?;
        let now = medusa_core::time::now();
        notification::Entity::insert(notification::ActiveModel {
            id: Set(generate_id("noti")),
            event_name: Set(original.event_name.clone()),
            resource_type: Set(original.resource_type.clone()),
            resource_id: Set(original.resource_id.clone()),
            customer_id: Set(original.customer_id.clone()),
            to: Set(sent.to),
            data: Set(sent.data),
            parent_id: Set(Some(original.id.clone())),
            provider_id: Set(original.provider_id.clone()),
            ..stamped(now)
        })
        .exec_without_returning(&self.db)
        .await?;
        let mut views = self.with_resends(vec![original]).await?;
        views.pop().ok_or_else(|| notification_not_found(id))
    }
}
