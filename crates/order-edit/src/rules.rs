//! `OrderEditService`'s rules as pure functions of an edit's status: what each step refuses,
//! with Medusa's messages, and the difference the customer owes.

use medusa_core::{Error, Result};
use medusa_entity::order_edit;

/// An edit's status, derived from its timestamps as Medusa does when it loads one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Created,
    Requested,
    Declined,
    Confirmed,
    Canceled,
}

impl Status {
    pub fn of(edit: &order_edit::Model) -> Self {
        Self::from_steps(
            edit.requested_at.is_some(),
            edit.declined_at.is_some(),
            edit.confirmed_at.is_some(),
            edit.canceled_at.is_some(),
        )
    }

    /// The latest step taken wins (`medusa_order::status::order_edit_status`).
    pub fn from_steps(requested: bool, declined: bool, confirmed: bool, canceled: bool) -> Self {
        match medusa_order::status::order_edit_status(requested, declined, confirmed, canceled) {
            "canceled" => Self::Canceled,
            "confirmed" => Self::Confirmed,
            "declined" => Self::Declined,
            "requested" => Self::Requested,
            _ => Self::Created,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Created => "created",
            Self::Requested => "requested",
            Self::Declined => "declined",
            Self::Confirmed => "confirmed",
            Self::Canceled => "canceled",
        }
    }

    /// Items may change while the edit is created or requested (`isOrderEditActive`).
    pub fn is_active(self) -> bool {
        matches!(self, Self::Created | Self::Requested)
    }
}

/// What changing an item of an edit in `status` answers (update and remove share it).
pub fn may_change_item(status: Status, edit_id: &str) -> Result<()> {
    if status.is_active() {
        return Ok(());
    }
    Err(Error::not_allowed(format!(
        "Can not update an item on the order edit {edit_id} with the status {}",
        status.as_str()
    )))
}

/// What adding an item to an edit in `status` answers.
pub fn may_add_item(status: Status) -> Result<()> {
    if status.is_active() {
        return Ok(());
    }
    Err(Error::not_allowed(format!(
        "Can not add an item to the edit with status {}",
        status.as_str()
    )))
}

/// Only a created edit may be deleted.
pub fn may_delete(status: Status) -> Result<()> {
    if status == Status::Created {
        return Ok(());
    }
    Err(Error::not_allowed(format!(
        "Cannot delete order edit with status {}",
        status.as_str()
    )))
}

/// What a step does to an edit already in `status`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Take the step.
    Take,
    /// The edit already took it: answer it unchanged.
    AlreadyTaken,
}

/// Canceling: a canceled edit stays so; a confirmed or declined one refuses.
pub fn cancel(status: Status) -> Result<Step> {
    match status {
        Status::Canceled => Ok(Step::AlreadyTaken),
        Status::Confirmed | Status::Declined => Err(Error::not_allowed(format!(
            "Cannot cancel order edit with status {}",
            status.as_str()
        ))),
        Status::Created | Status::Requested => Ok(Step::Take),
    }
}

/// Confirming: a canceled or declined edit refuses; a confirmed one stays so.
pub fn confirm(status: Status) -> Result<Step> {
    match status {
        Status::Canceled | Status::Declined => Err(Error::not_allowed(format!(
            "Cannot confirm an order edit with status {}",
            status.as_str()
        ))),
        Status::Confirmed => Ok(Step::AlreadyTaken),
        Status::Created | Status::Requested => Ok(Step::Take),
    }
}

/// Requesting a confirmation: an edit without changes refuses (whatever its status); one
/// already requested is answered unchanged.
pub fn request(changes: usize, requested: bool) -> Result<Step> {
    if changes == 0 {
        return Err(Error::invalid_data(
            "Cannot request a confirmation on an edit with no changes",
        ));
    }
    Ok(if requested {
        Step::AlreadyTaken
    } else {
        Step::Take
    })
}

/// Deleting an item change: only while the edit is neither confirmed nor canceled (the
/// message names the status, as Medusa's does from the partial row it loaded).
pub fn may_delete_change(edit: &order_edit::Model) -> Result<()> {
    if edit.confirmed_at.is_none() && edit.canceled_at.is_none() {
        return Ok(());
    }
    Err(Error::not_allowed(format!(
        "Cannot delete and item change from a {} order edit",
        Status::of(edit).as_str()
    )))
}

/// What the customer owes after the edit: its total less the order's (negative when the
/// order costs less now).
pub fn difference_due(edit_total: f64, order_total: f64) -> f64 {
    edit_total - order_total
}

/// Whether requesting the edit asks for a payment collection.
pub fn needs_payment_collection(difference_due: f64) -> bool {
    difference_due > 0.0
}

#[cfg(test)]
#[path = "rules_tests.rs"]
mod tests;
